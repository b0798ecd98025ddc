import PanelData

/// A panel laid on its full grid, as plm's pgmm does: every unit × every period from the first to the last
/// (consecutive integers), a missing cell NaN. Terms (with their own lags) are evaluated on the data's rows
/// and placed on the grid.
struct DynamicPanelGrid {
    let structure: PanelStructure
    /// The periods, t₀, t₀ + 1, …, t₀ + T − 1.
    let firstPeriod: Int
    let periodCount: Int
    /// Number of units with at least one row.
    var unitCount: Int { structure.unitCount }

    /// The most periods a grid may have (a bound on the instrument count and memory).
    static let maximumPeriods = 200

    init(_ data: Dataset, panel: PanelDeclaration) throws {
        let structure = try PanelStructure(data, panel: panel)
        self.structure = structure
        let times = (0..<structure.rowCount).compactMap { structure.unitOfRow[$0] >= 0 ? structure.timeOfRow[$0] : nil }
        guard let first = times.min(), let last = times.max() else {
            throw EstimationError.emptySample(reason: "no row has both a unit and a time")
        }
        let (span, overflow) = last.subtractingReportingOverflow(first)
        guard !overflow, span < Self.maximumPeriods else {
            throw EstimationError.degenerate(estimator: "GMM", reason: "the time column spans \(overflow ? "too many" : "\(span + 1)") periods "
                + "(\(first)–\(last)); dynamic panel GMM handles at most \(Self.maximumPeriods) consecutive periods")
        }
        firstPeriod = first
        periodCount = span + 1
    }

    /// The term's values on the grid, unit-major N × T (NaN where missing).
    func values(of term: Term, in data: Dataset) throws -> [Double] {
        let rows = try term.evaluate(in: data, panel: structure)
        var grid = [Double](repeating: .nan, count: unitCount * periodCount)
        for row in 0..<structure.rowCount where structure.unitOfRow[row] >= 0 {
            grid[Int(structure.unitOfRow[row]) * periodCount + structure.timeOfRow[row] - firstPeriod] = rows[row]
        }
        return grid
    }
}

extension Term {
    /// The largest number of periods back the term reaches (`l(x, 2)` → 2, `d(l(x))` → 2, `log(x)` → 0).
    var maximumLag: Int {
        switch self {
        case .variable: return 0
        case .interaction(let factors): return factors.map(\.maximumLag).max() ?? 0
        case .function(_, let argument), .power(let argument, _): return argument.maximumLag
        case .lag(let argument, let periods): return max(0, periods + argument.maximumLag)
        case .difference(let argument, let periods): return max(periods, 0) + argument.maximumLag
        }
    }
}
