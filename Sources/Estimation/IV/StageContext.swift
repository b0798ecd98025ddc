import Covariance
import FixedEffects
import Foundation
import Numerical

/// What every stage of a 2SLS fit shares: the sample, the FE solver and the covariance settings; builds
/// `RegressionResult`s with the statistics of ``FixedEffectsOLS``.
struct StageContext {
    let sample: EstimationSample
    let solver: FixedEffectsSolver?
    let vcov: VcovType
    let options: EstimationOptions
    let formula: Formula
    let report: DemeaningReport?
    /// Absorbed FE parameters A under `options.absorbedParameterRule`.
    let absorbed: Int

    var n: Int { sample.rows.count }

    /// The covariance of an OLS fit on `columns` (demeaned) with residuals `residuals`.
    func covariance(columns: [[Double]], residuals: [Double], bread: Matrix) throws -> CovarianceMatrix {
        try FixedEffectsOLS.covarianceMatrix(columns: columns, residuals: residuals, bread: bread, sample: sample,
                                             solver: solver, vcov: vcov, options: options)
    }

    /// The first stage of one endogenous regressor: OLS on [Z, X], partial R², Wald F of the instruments / L.
    func firstStage(endogenous: String, fit: (coefficients: [Double], fitted: [Double], residuals: [Double]),
                    least: LeastSquaresFit, names: [String], instrumentCount: Int, exogenous: [[Double]],
                    dependentRaw: [Double], dependentDemeaned: [Double], warnings: inout [String]) throws -> FirstStageResult {
        let covariance = try covariance(columns: least.columns, residuals: fit.residuals, bread: least.inverseGram)
        let instrumentIndices = Array(0..<instrumentCount)
        // A singular covariance block (e.g. fewer clusters than instruments) leaves the F undefined, not the fit.
        var stageWarnings = covariance.warnings
        let wald: Double
        do {
            wald = try LeastSquaresFit.wald(fit.coefficients, covariance: covariance.matrix, indices: instrumentIndices)
        } catch {
            wald = .nan
            let warning = "the first-stage F of \(endogenous) is undefined (NaN): the \(covariance.type.description) "
                + "covariance of its \(instrumentCount) instrument(s) is singular"
                + (covariance.clusterCounts.isEmpty ? "" : " (\(covariance.clusterCounts.map(String.init).joined(separator: ", ")) clusters)")
            stageWarnings.append(warning)
            warnings.append(warning)
        }
        let rss = FixedEffectsOLS.squaredNorm(fit.residuals)
        let restricted = try LeastSquaresFit(columns: exogenous).regress(dependentDemeaned).residuals
        let result = result(dependent: endogenous, names: names, coefficients: fit.coefficients, covariance: covariance,
                            residuals: fit.residuals, dependentRaw: dependentRaw, dependentDemeaned: dependentDemeaned,
                            dropped: [], warnings: stageWarnings)
        return FirstStageResult(
            endogenous: endogenous, regression: result, instrumentNames: Array(names.prefix(instrumentCount)),
            partialRSquared: 1 - rss / FixedEffectsOLS.squaredNorm(restricted),
            fStatistic: IVTestStatistic(statistic: wald / Double(instrumentCount), degreesOfFreedom: instrumentCount,
                                        denominatorDegrees: covariance.tDegreesOfFreedom))
    }

    /// A `RegressionResult` with OLS's fit statistics computed from `residuals`.
    ///
    /// R² = 1 − RSS/TSS, within R² = 1 − RSS/‖ỹ‖², adjusted R² = 1 − (1 − R²)(n − 1)/(n − K),
    /// F = ((TSS* − RSS)/k) / (RSS/(n − K)) as in ``RegressionResult/fStatistic`` (for the second stage this is a
    /// descriptive statistic, not a valid test).
    func result(dependent: String, names: [String], coefficients: [Double], covariance: CovarianceMatrix,
                residuals: [Double], dependentRaw: [Double], dependentDemeaned: [Double],
                dropped: [DroppedRegressor], warnings: [String]) -> RegressionResult {
        let rss = FixedEffectsOLS.squaredNorm(residuals)
        let mean = dependentRaw.reduce(0, +) / Double(n)
        let tss = dependentRaw.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        let rSquared = 1 - rss / tss
        let withinTotal = FixedEffectsOLS.squaredNorm(dependentDemeaned)
        let explainedBase: Double, slopes: Int
        if solver != nil { (explainedBase, slopes) = (withinTotal, names.count) }
        else if formula.hasIntercept { (explainedBase, slopes) = (tss, names.count - 1) }
        else { (explainedBase, slopes) = (withinTotal, names.count) }
        let residualDegrees = Double(n - names.count - absorbed)
        return RegressionResult(
            formula: formula.source, dependent: dependent, coefficientNames: names, coefficients: coefficients,
            covariance: covariance, observationCount: n, droppedMissing: sample.droppedMissing,
            droppedSingletons: sample.droppedSingletons,
            fixedEffects: zip(formula.fixedEffects, sample.fixedEffects).map {
                FixedEffectSummary(name: $0.description, levels: $1.levelCount, coefficients: nil, labels: nil)
            },
            absorbedParameters: absorbed,
            connectedComponents: sample.fixedEffects.count >= 2
                ? ConnectedComponents.count(sample.fixedEffects[0], sample.fixedEffects[1]) : nil,
            droppedRegressors: dropped, residualSumOfSquares: rss, rSquared: rSquared,
            adjustedRSquared: 1 - (1 - rSquared) * Double(n - 1) / residualDegrees,
            withinRSquared: solver == nil ? nil : 1 - rss / withinTotal,
            fStatistic: slopes > 0 ? ((explainedBase - rss) / Double(slopes)) / (rss / residualDegrees) : .nan,
            demeaning: report, warnings: warnings)
    }
}
