/// Why a Dumitrescu–Hurlin test could not be run. Column problems arrive as `PanelDataError`
/// (unknown column, non-numeric or non-integer time, duplicate (unit, time)) and a text cell in y or
/// x as `EstimationError.notNumeric`.
public enum GrangerError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The lag order is below 1.
    case invalidLagOrder(Int)
    /// The maximum lag order of the selection is below 1.
    case invalidMaximumLags(Int)
    /// The effect and the cause are the same column.
    case sameVariable(String)
    /// No row has both a unit and a time.
    case noUnits(unitColumn: String, timeColumn: String)
    /// Every unit has a single period: there is no time series to lag.
    case singlePeriod(timeColumn: String, units: Int)
    /// No unit has a regression that can be estimated at `lags`; `units` are the first units dropped
    /// (at most five) and `unitCount` how many there are.
    case noUsableUnit(lags: Int, units: [GrangerDroppedUnit], unitCount: Int)

    public var description: String {
        switch self {
        case .invalidLagOrder(let lags):
            return "Granger test: the lag order must be at least 1, not \(lags)"
        case .invalidMaximumLags(let lags):
            return "Granger test: the maximum lag order of the selection must be at least 1, not \(lags)"
        case .sameVariable(let name):
            return "Granger test: '\(name)' cannot be both the effect and the cause"
        case .noUnits(let unit, let time):
            return "Granger test: no row has both a unit ('\(unit)') and a time ('\(time)')"
        case .singlePeriod(let time, let units):
            return "Granger test: every one of the \(units) unit\(units == 1 ? "" : "s") has a single period in '\(time)', "
                + "so there is no series to lag: a panel needs several periods per unit"
        case .noUsableUnit(let lags, let units, let count):
            let needed = 2 * lags + 2
            let shown = units.map { "'\($0.unit)' (\($0.periods) period\($0.periods == 1 ? "" : "s"), \($0.observations) usable, \($0.reason.rawValue))" }
            return "Granger test: no unit can be tested with \(lags) lag\(lags == 1 ? "" : "s"): each needs at least \(needed) "
                + "rows where y and all \(lags) lag\(lags == 1 ? "" : "s") of y and x exist (2K + 2) and regressors that "
                + "are not collinear; all \(count) unit\(count == 1 ? "" : "s") dropped, e.g. " + shown.joined(separator: ", ")
                + (count > units.count ? ", …" : "") + ". Use fewer lags or a longer panel"
        }
    }
}
