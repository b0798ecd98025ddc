/// Errors of the composite indices (projection pursuit, entropy weights, principal components).
/// Every case says where: the 0-based input row, the indicator, and the year (group) concerned.
public enum IndexError: Error, Equatable, Sendable {
    /// The input's shape is inconsistent (a row with the wrong number of values, a year per row
    /// missing, no indicators, an indicator named twice).
    case shapeMismatch(reason: String)
    /// A value is missing (NaN) at this row and indicator.
    case missingValue(row: Int, indicator: String)
    /// A value is ±∞ at this row and indicator.
    case nonFiniteValue(row: Int, indicator: String, value: Double)
    /// The indicator takes one value across the regions of this year (`year == nil`: pooled over all
    /// rows), so min–max normalisation or standardisation divides by zero.
    case constantIndicator(indicator: String, year: Int?, value: Double)
    /// This year (nil: the pooled sample) has fewer rows than the method needs.
    case tooFewRegions(year: Int?, found: Int, required: Int)
    /// An option is out of its domain.
    case invalidOption(name: String, reason: String)
    /// A numerical routine failed (the eigen decomposition, the local optimiser).
    case numericalFailure(year: Int?, reason: String)
}

extension IndexError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .shapeMismatch(let reason):
            return reason
        case .missingValue(let row, let indicator):
            return "indicator '\(indicator)' is missing at row \(row + 1); indices need every indicator in every row "
                + "(drop or impute the row first)"
        case .nonFiniteValue(let row, let indicator, let value):
            return "indicator '\(indicator)' is \(value) at row \(row + 1); indicators must be finite"
        case .constantIndicator(let indicator, let year, let value):
            return "indicator '\(indicator)' is constant (\(value)) across all regions \(IndexError.scope(year)); "
                + "its range (or standard deviation) is zero, so it cannot be normalised: drop it"
                + (year == nil ? "" : " or pool the years")
        case .tooFewRegions(let year, let found, let required):
            return "\(found) region(s) \(IndexError.scope(year)); the index needs at least \(required)"
        case .invalidOption(let name, let reason):
            return "\(name): \(reason)"
        case .numericalFailure(let year, let reason):
            return "\(reason) \(IndexError.scope(year))"
        }
    }

    /// "in year 2010" or "in the pooled sample".
    static func scope(_ year: Int?) -> String {
        year.map { "in year \($0)" } ?? "in the pooled sample"
    }
}
