import Numerical
import PanelData

/// The Dumitrescu–Hurlin (2012) panel Granger non-causality test, computed as R's
/// `plm::pgrangertest` (plm 2.6) computes it, with lags that respect the time index.
///
/// Each unit i runs the OLS regression (``GrangerUnitRegression``)
///
///     y_it = α_i + Σ_{k=1..K} γ_ik y_i,t−k + Σ_{k=1..K} β_ik x_i,t−k + ε_it
///
/// and W_i is the Wald statistic of β_i1 = … = β_iK = 0 in its χ² form (K times the F statistic),
/// as `lmtest::grangertest(…, test = "Chisq")`. W̄, Z̄ and Z̃ are as in ``DumitrescuHurlinResult``.
///
/// **Lags across gaps.** plm lags every unit's rows by position (after dropping rows with a missing
/// value), so a missing year makes x_{t−1} the value of two years before; it warns that the
/// result "may be unreliable". Here a lag is the value at time t − k or missing, and rows without
/// all their lags are left out, as `lmtest::grangertest` does on the series padded to every
/// period. On a panel without gaps or missing values both are the same.
///
/// **Units that cannot be tested** (n_i ≤ 2K + 1, collinear lags such as a constant x, or a
/// perfect fit) are dropped and listed in the result; plm stops instead. When none is left the
/// test throws ``GrangerError/noUsableUnit(lags:units:unitCount:)`` naming them.
public enum DumitrescuHurlin {
    /// Tests whether `cause` (x) Granger-causes `effect` (y) on the panel `unit` × `time` of `data`.
    ///
    /// - Throws: `GrangerError`; `PanelDataError` for an unknown column, a time that is text or not
    ///   a whole number, or a repeated (unit, time); `EstimationError.notNumeric` for a text cell in
    ///   y or x (naming its row).
    public static func test(_ data: Dataset, unit: String, time: String, effect: String, cause: String,
                            options: GrangerOptions) throws -> DumitrescuHurlinResult {
        try validate(effect: effect, cause: cause, options: options)
        let panel = try PanelStructure(data, unit: unit, time: time)
        return try test(data, panel: panel, effect: effect, cause: cause, options: options)
    }

    /// The test on a panel structure already built from `data`.
    ///
    /// - Throws: as above, and `PanelDataError.lengthMismatch` when `panel` was built from data with
    ///   another number of rows.
    public static func test(_ data: Dataset, panel: PanelStructure, effect: String, cause: String,
                            options: GrangerOptions) throws -> DumitrescuHurlinResult {
        try validate(effect: effect, cause: cause, options: options)
        guard panel.rowCount == data.rowCount else {
            throw PanelDataError.lengthMismatch(column: panel.unitColumn, expected: data.rowCount, found: panel.rowCount)
        }
        let y = try numeric(data, effect), x = try numeric(data, cause)
        guard panel.unitCount > 0 else { throw GrangerError.noUnits(unitColumn: panel.unitColumn, timeColumn: panel.timeColumn) }
        if (0..<panel.unitCount).allSatisfy({ panel.rows(ofUnit: $0).count <= 1 }) {
            throw GrangerError.singlePeriod(timeColumn: panel.timeColumn, units: panel.unitCount)
        }
        let series = GrangerPanelSeries(panel: panel, effect: y, cause: x, largestLag: options.largestLagOrder)
        var lags = options.lags
        var selection: GrangerLagSelectionReport?
        if case .informationCriterion(let criterion, let maximum) = options.lagSelection {
            (lags, selection) = try GrangerLagSelector.select(series, criterion: criterion, maximumLags: maximum)
        }

        var units: [GrangerUnitResult] = []
        var dropped: [GrangerDroppedUnit] = []
        for unit in 0..<panel.unitCount {
            let rows = series.usableRows(ofUnit: unit, lags: lags)
            let (periods, gaps) = series.periods(ofUnit: unit)
            let label = panel.unitLabels[unit]
            do {
                let wald = try series.regression(rows: rows, lags: lags).wald
                units.append(GrangerUnitResult(
                    unit: label, periods: periods, gaps: gaps, observations: rows.count, wald: wald,
                    pValue: TestDistributions.chiSquaredSurvival(wald, degreesOfFreedom: Double(lags))))
            } catch {
                dropped.append(GrangerDroppedUnit(unit: label, periods: periods, observations: rows.count, reason: reason(error)))
            }
        }
        guard !units.isEmpty else {
            throw GrangerError.noUsableUnit(lags: lags, units: Array(dropped.prefix(5)), unitCount: dropped.count)
        }
        return try statistics(units: units, dropped: dropped, lags: lags, selection: selection, panel: panel,
                              effect: effect, cause: cause)
    }

    static func statistics(units: [GrangerUnitResult], dropped: [GrangerDroppedUnit], lags: Int,
                           selection: GrangerLagSelectionReport?, panel: PanelStructure, effect: String,
                           cause: String) throws -> DumitrescuHurlinResult {
        let count = Double(units.count), k = Double(lags)
        let averageWald = units.reduce(0) { $0 + $1.wald } / count
        let zBar = (count / (2 * k)).squareRoot() * (averageWald - k)
        var zTilde: Double?
        var unavailable: String?
        let short = units.filter { $0.observations <= 2 * lags + 5 }
        if let first = short.first {
            unavailable = "Z-tilde needs more than 2K + 5 = \(2 * lags + 5) regression rows in every unit (T_i > 5 + 3K "
                + "without gaps, as plm requires); \(short.count) unit\(short.count == 1 ? " has" : "s have") fewer, e.g. "
                + "'\(first.unit)' with \(first.observations)"
        } else {
            let moments = units.map { DumitrescuHurlinMoments(observations: $0.observations, lags: lags) }
            let meanExpectation = moments.reduce(0) { $0 + $1.expectation } / count
            let meanVariance = moments.reduce(0) { $0 + $1.variance } / count
            zTilde = count.squareRoot() * (averageWald - meanExpectation) / meanVariance.squareRoot()
        }
        let normal = try NormalDistribution(mean: 0, standardDeviation: 1)
        func twoSided(_ z: Double) -> Double { 2 * normal.cumulative(-abs(z)) }
        return DumitrescuHurlinResult(
            effect: effect, cause: cause, unitColumn: panel.unitColumn, timeColumn: panel.timeColumn, lags: lags,
            lagSelection: selection, units: units, droppedUnits: dropped,
            rowsWithoutPanelKey: panel.unitOfRow.reduce(0) { $0 + ($1 < 0 ? 1 : 0) },
            averageWald: averageWald, zBar: zBar, zBarPValue: twoSided(zBar), zTilde: zTilde,
            zTildePValue: zTilde.map(twoSided), zTildeUnavailable: unavailable)
    }

    static func validate(effect: String, cause: String, options: GrangerOptions) throws(GrangerError) {
        if effect == cause { throw .sameVariable(effect) }
        switch options.lagSelection {
        case .fixed: if options.lags < 1 { throw .invalidLagOrder(options.lags) }
        case .informationCriterion(_, let maximum): if maximum < 1 { throw .invalidMaximumLags(maximum) }
        }
    }

    /// A numeric column as doubles (NaN where missing); a text cell is `EstimationError.notNumeric`.
    static func numeric(_ data: Dataset, _ name: String) throws -> [Double] {
        let column = try data.column(named: name)
        if let cell = column.firstTextCell() {
            throw EstimationError.notNumeric(variable: name, row: cell.row, value: cell.text)
        }
        return try data.doubles(name)
    }

    static func reason(_ failure: GrangerUnitRegression.Failure) -> GrangerDropReason {
        switch failure {
        case .tooFewObservations: return .tooFewObservations
        case .collinear: return .collinearRegressors
        case .perfectFit: return .perfectFit
        }
    }
}

/// The exact mean and variance of W_i = K·F(K, n − 2K − 1) under the null (DH 2012, Proposition 3).
struct DumitrescuHurlinMoments {
    let expectation: Double
    let variance: Double

    init(observations n: Int, lags k: Int) {
        let n = Double(n), k = Double(k)
        let residualDegrees = n - 2 * k - 1
        expectation = k * residualDegrees / (residualDegrees - 2)
        variance = 2 * k * residualDegrees * residualDegrees * (n - k - 3)
            / ((residualDegrees - 2) * (residualDegrees - 2) * (residualDegrees - 4))
    }
}
