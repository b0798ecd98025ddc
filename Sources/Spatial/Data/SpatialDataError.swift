/// What is wrong with a data set for a spatial estimation, located at a 0-based data row (the
/// command line and the scenario turn the row into the file's line and column).
///
/// Errors of W itself (an island, a malformed file) are ``SpatialError``s; errors of the formula are
/// `FormulaError`s located in the formula's text.
public enum SpatialDataError: Error, Equatable, Sendable {
    /// The unit id is missing on this row.
    case missingUnit(column: String, row: Int)
    /// The period is missing, or not a whole number, on this row (`value` as written, "NA" when missing).
    case invalidPeriod(column: String, row: Int, value: String)
    /// A (unit, period) pair — or a unit of a cross-section — appears a second time at `row`.
    case duplicateObservation(row: Int, firstRow: Int, unit: String, period: String?)
    /// `term` (reading `column` when one of its columns is missing there) has no finite value on this row.
    case missingValue(term: String, column: String?, row: Int, unit: String, period: String?)
    /// The data's units and W's units differ: the first few of each direction, how many in all, and
    /// the data row of the first data unit W lacks.
    case unitMismatch(inDataNotWeights: [String], firstRow: Int?, inWeightsNotData: [String], counts: [Int])
    /// The panel is not balanced: `unit` has no row in `period`; the data has `observations` rows
    /// for `units` units and `periods` periods (a balanced panel has units × periods).
    case unbalanced(unit: String, period: String, units: Int, periods: Int, observations: Int)
    /// No regressor: the right-hand side is empty once the fixed effects absorb the intercept.
    case noRegressor(formula: String)
    /// The data set has no rows.
    case empty

    /// The 0-based data row the error points at, when it is one row's fault.
    public var row: Int? {
        switch self {
        case .missingUnit(_, let row), .invalidPeriod(_, let row, _), .duplicateObservation(let row, _, _, _),
             .missingValue(_, _, let row, _, _):
            return row
        case .unitMismatch(_, let row, _, _): return row
        case .unbalanced, .noRegressor, .empty: return nil
        }
    }

    /// The data column the error points at, when there is one.
    public var column: String? {
        switch self {
        case .missingUnit(let column, _), .invalidPeriod(let column, _, _): return column
        case .missingValue(_, let column, _, _, _): return column
        default: return nil
        }
    }
}

extension SpatialDataError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .missingUnit(let column, _):
            return "the unit id ('\(column)') is missing; every row must name its unit"
        case .invalidPeriod(let column, _, let value):
            return "the period column '\(column)' holds '\(value)'; periods must be whole numbers (years, quarters numbered 1, 2, …)"
        case .duplicateObservation(_, let firstRow, let unit, let period):
            let what = period.map { "unit \(unit) in period \($0)" } ?? "unit \(unit)"
            let need = period == nil
                ? "a cross-section needs one row per unit (for a panel give --panel ID,TIME / panel = [\"id\", \"time\"])"
                : "a spatial panel needs one row per (unit, period)"
            return "\(what) appears twice (first at data row \(firstRow + 1)); \(need)"
        case .missingValue(let term, _, _, let unit, let period):
            return "\(term) is missing or undefined for unit \(unit)" + (period.map { " in period \($0)" } ?? "")
                + "; a spatial model needs every unit in every period (fill the value in, or drop the unit from the data and from W)"
        case .unitMismatch(let dataOnly, _, let weightsOnly, let counts):
            let dataCount = counts.first ?? 0, weightsCount = counts.count > 1 ? counts[1] : 0
            func list(_ units: [String], _ count: Int) -> String {
                units.joined(separator: ", ") + (count > units.count ? ", …" : "")
            }
            return [
                dataCount > 0 ? "\(dataCount) unit(s) of the data are not in W (\(list(dataOnly, dataCount)))" : nil,
                weightsCount > 0 ? "\(weightsCount) unit(s) of W are not in the data (\(list(weightsOnly, weightsCount)))" : nil,
            ].compactMap { $0 }.joined(separator: "; ")
                + "; the data's unit ids and W's must be the same set (ids are compared by value: 1, 01 and 1.0 are one unit)"
        case .unbalanced(let unit, let period, let units, let periods, let observations):
            return "the panel is unbalanced: unit \(unit) has no row in period \(period) "
                + "(\(units) units × \(periods) periods = \(units * periods) rows for a balanced panel, the data has \(observations)); "
                + "spatial panel models need every unit in every period: drop the incomplete units (from the data and W) or periods"
        case .noRegressor(let formula):
            return "'\(formula)' has no regressor once the fixed effects absorb the intercept; add at least one"
        case .empty:
            return "the data set has no rows"
        }
    }
}
