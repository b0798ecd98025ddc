/// Why panel FMOLS could not produce an estimate. Row numbers are 0-based dataset rows.
public enum FMOLSError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The formula has no regressor.
    case noRegressors
    /// Every unit has a single period (the time column takes one value per unit).
    case onePeriod(timeColumn: String, units: Int)
    /// No unit has enough periods (or every unit with enough was degenerate).
    case noUsableUnit(units: Int, minimumPeriods: Int, longest: Int, degenerate: Int)
    /// A unit's series skips a period: FMOLS differences consecutive periods.
    case gap(unit: String, row: Int, previousTime: Int, time: Int)
    /// A missing (or undefined, e.g. log of 0) value of a variable in a unit's series.
    case missingValue(variable: String, row: Int, unit: String, time: Int)
    /// A bandwidth that is negative or not a number.
    case invalidBandwidth(Double)

    /// The 0-based dataset row the error is about, if any.
    public var row: Int? {
        switch self {
        case .gap(_, let row, _, _), .missingValue(_, let row, _, _): return row
        default: return nil
        }
    }

    public var description: String {
        switch self {
        case .noRegressors:
            return "FMOLS needs at least one regressor (y ~ x1 + x2)"
        case .onePeriod(let time, let units):
            return "every one of the \(units) unit\(units == 1 ? "" : "s") has a single period ('\(time)' takes one value per "
                + "unit): FMOLS needs a time series per unit"
        case .noUsableUnit(let units, let minimum, let longest, let degenerate):
            var text = "no unit can be estimated: FMOLS with these regressors needs at least \(minimum) consecutive periods "
                + "per unit; the longest of the \(units) units has \(longest)"
            if degenerate > 0 {
                text += ", and \(degenerate) unit\(degenerate == 1 ? "" : "s") with enough periods had a singular design "
                    + "or long-run covariance (a regressor constant within the unit?)"
            }
            return text
        case .gap(let unit, _, let previous, let time):
            return "unit '\(unit)' has no period between \(previous) and \(time): FMOLS differences consecutive periods, "
                + "so each unit's series must have no gaps (drop or fill the missing periods)"
        case .missingValue(let variable, _, let unit, let time):
            return "'\(variable)' is missing for unit '\(unit)' at time \(time): FMOLS needs each unit's series complete "
                + "(a missing value is a gap)"
        case .invalidBandwidth(let value):
            return "the bandwidth must be a non-negative number or auto, not \(value)"
        }
    }
}
