import PanelData

/// y and x of a panel with the rows that hold their lags, from which each unit's Granger
/// regression is assembled.
///
/// Lags follow the time values (``PanelStructure``): y_{t−k} is the row of the same unit whose
/// time is t − k, so a missing period (a gap) or a missing value never lets a lag reach across it;
/// the rows whose own value or one of whose lags is missing are left out of the regression.
struct GrangerPanelSeries {
    let panel: PanelStructure
    /// y and x by dataset row, NaN where missing.
    let effect: [Double]
    let cause: [Double]
    /// `sources[k − 1][row]`: the row holding the value at time t − k, or −1.
    let sources: [[Int]]

    init(panel: PanelStructure, effect: [Double], cause: [Double], largestLag: Int) {
        self.panel = panel
        self.effect = effect
        self.cause = cause
        sources = (1...max(largestLag, 1)).map { panel.sourceRows(shiftedBy: $0) }
    }

    /// The unit's rows (in time order) where y_t and y_{t−k}, x_{t−k} for k = 1…`lags` all exist.
    func usableRows(ofUnit unit: Int, lags: Int) -> [Int] {
        panel.rows(ofUnit: unit).filter { row in
            guard !effect[row].isNaN else { return false }
            for lag in 0..<lags {
                let source = sources[lag][row]
                if source < 0 || effect[source].isNaN || cause[source].isNaN { return false }
            }
            return true
        }
    }

    /// The regression of y_t on a constant, y_{t−1…t−K} and x_{t−1…t−K} over `rows`.
    func regression(rows: [Int], lags: Int) throws(GrangerUnitRegression.Failure) -> GrangerUnitRegression {
        let n = rows.count, p = 2 * lags + 1
        guard n > p else { throw .tooFewObservations }
        var design = [Double](repeating: 1, count: n * p)
        var response = rows.map { effect[$0] }
        for lag in 0..<lags {
            let yColumn = (1 + lag) * n, xColumn = (1 + lags + lag) * n
            for (position, row) in rows.enumerated() {
                let source = sources[lag][row]
                design[yColumn + position] = effect[source]
                design[xColumn + position] = cause[source]
            }
        }
        return try GrangerUnitRegression.fit(design: &design, response: &response, columns: p, causeColumns: lags)
    }

    /// T_i and the gaps inside the unit's span.
    func periods(ofUnit unit: Int) -> (periods: Int, gaps: Int) {
        let rows = panel.rows(ofUnit: unit)
        guard let first = rows.first, let last = rows.last else { return (0, 0) }
        let span = panel.timeOfRow[last] - panel.timeOfRow[first] + 1
        return (rows.count, span - rows.count)
    }
}
