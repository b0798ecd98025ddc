/// The common lag order of a Dumitrescu–Hurlin test chosen by an information criterion (plm has no
/// selection; this follows Stata's `xtgcause, lags(aic|bic #)`, Lopez and Weber 2017).
///
/// For every unit whose regressions can be estimated at `maximumLags`, the regressions with
/// K = 1…`maximumLags` all run on one sample: the rows where `maximumLags` lags exist, so that the
/// criteria of different K compare fits of the same observations. The criterion (R's `AIC()` /
/// `BIC()`, ``InformationCriterion``) is averaged over those units, and K is the order with the
/// smallest mean (the smallest such K on a tie). The test itself then runs with K on each unit's
/// own sample (the rows where K lags exist), exactly as with `lags = K`.
enum GrangerLagSelector {
    /// The chosen K and the report.
    ///
    /// - Throws: `GrangerError.noUsableUnit` when no unit can be estimated at `maximumLags`.
    static func select(_ series: GrangerPanelSeries, criterion: InformationCriterion, maximumLags: Int) throws(GrangerError)
        -> (lags: Int, report: GrangerLagSelectionReport) {
        var sums = [Double](repeating: 0, count: maximumLags)
        var units = 0, observations = 0
        var dropped: [GrangerDroppedUnit] = []
        var droppedCount = 0
        unitLoop: for unit in 0..<series.panel.unitCount {
            let rows = series.usableRows(ofUnit: unit, lags: maximumLags)
            var values = [Double](repeating: 0, count: maximumLags)
            for lags in 1...maximumLags {
                do {
                    let fit = try series.regression(rows: rows, lags: lags)
                    values[lags - 1] = criterion.value(observations: fit.observations, coefficients: fit.coefficientCount,
                                                       residualSumOfSquares: fit.residualSumOfSquares)
                } catch {
                    // Only the largest order can fail for lack of rows; any failure leaves the unit out.
                    droppedCount += 1
                    if dropped.count < 5 {
                        dropped.append(GrangerDroppedUnit(
                            unit: series.panel.unitLabels[unit], periods: series.periods(ofUnit: unit).periods,
                            observations: rows.count, reason: DumitrescuHurlin.reason(error)))
                    }
                    continue unitLoop
                }
            }
            for lags in 0..<maximumLags { sums[lags] += values[lags] }
            units += 1
            observations += rows.count
        }
        guard units > 0 else { throw .noUsableUnit(lags: maximumLags, units: dropped, unitCount: droppedCount) }
        let means = sums.map { $0 / Double(units) }
        var best = 0
        for lags in means.indices where means[lags] < means[best] { best = lags }
        return (best + 1, GrangerLagSelectionReport(criterion: criterion, maximumLags: maximumLags, meanCriterion: means,
                                                    unitCount: units, observations: observations))
    }
}
