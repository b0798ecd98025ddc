/// The panel position of every observation, for the panel HAC covariances (Newey–West by unit,
/// Driscoll–Kraay by period).
public struct PanelCodes: Sendable, Equatable {
    /// Dense unit code of each observation, in 0..<unitCount.
    public let units: [Int32]
    /// The integer time of each observation.
    public let times: [Int]
    /// Number of distinct units.
    public let unitCount: Int
    /// The distinct times, ascending (T = `distinctTimes.count` enters the small-sample factor).
    public let distinctTimes: [Int]

    /// Validates that codes are non-negative and that no (unit, time) pair repeats.
    public init(units: [Int32], times: [Int]) throws {
        guard units.count == times.count else {
            throw CovarianceError.dimensionMismatch("\(units.count) unit codes for \(times.count) times")
        }
        guard units.allSatisfy({ $0 >= 0 }) else { throw CovarianceError.invalidInput("panel unit codes must be non-negative") }
        self.units = units
        self.times = times
        self.unitCount = Int(units.max() ?? -1) + 1
        self.distinctTimes = Array(Set(times)).sorted()
        for unit in rowsByUnit() {
            for position in unit.indices.dropFirst() where times[unit[position]] == times[unit[position - 1]] {
                throw CovarianceError.invalidInput("unit \(units[unit[position]]) has two observations at time \(times[unit[position]])")
            }
        }
    }

    /// Each unit's observations, sorted by time.
    func rowsByUnit() -> [[Int]] {
        var rows = [[Int]](repeating: [], count: unitCount)
        for (row, unit) in units.enumerated() { rows[Int(unit)].append(row) }
        return rows.map { unit in unit.sorted { times[$0] < times[$1] } }
    }

    /// The default bandwidth ⌊T^{1/4}⌋ over the T distinct periods (pyfixest's default for panel HAC).
    public var defaultLags: Int {
        var lags = 0
        while (lags + 1) * (lags + 1) * (lags + 1) * (lags + 1) <= distinctTimes.count { lags += 1 }
        return lags
    }
}
