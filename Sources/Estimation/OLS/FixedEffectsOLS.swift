import Covariance
import FixedEffects
import Foundation
import Numerical
import PanelData

/// Ordinary least squares with any number of absorbed fixed effects (fixest's `feols`).
///
/// Sample → demeaning of y and X by the fixed effects (FixedEffects) → collinearity → β by Cholesky →
/// covariance by the one sandwich function (Covariance) → `RegressionResult`.
public enum FixedEffectsOLS {
    public static func fit(_ formula: Formula, data: Dataset, options: EstimationOptions = .init()) throws -> RegressionResult {
        let vcov = options.resolvedVcov(for: formula), clusterNames = vcov.clusterNames
        let sample = try EstimationSample.build(formula: formula, dataset: data, clusterNames: clusterNames,
                                                removeSingletons: options.removeSingletons, defaultClustering: options.vcov == nil)
        let n = sample.rows.count
        var warnings: [String] = []

        // Demean y and every regressor by the fixed effects.
        let demeaned = try sample.demeaned(options: options.demeaning, dependentName: formula.dependent.description)
        let solver = demeaned.solver, report = demeaned.report
        if let warning = demeaned.warning { warnings.append(warning) }
        let y = demeaned.dependent, x = demeaned.regressors

        // Collinearity, then β from the normal equations of the kept regressors.
        let gram = crossProducts(x)
        let (kept, dropped) = Collinearity.select(
            gram: gram, rawSquaredNorms: sample.regressors.map(squaredNorm), names: sample.regressorNames,
            fixedEffectNames: formula.fixedEffects.map(\.description), tolerance: options.collinearityTolerance)
        guard !sample.regressorNames.isEmpty else {
            throw EstimationError.degenerate(
                estimator: "OLS", reason: "\(formula.source) has no regressor to estimate: the fixed effects absorb the intercept")
        }
        guard !kept.isEmpty else {
            throw EstimationError.allRegressorsCollinear(reasons: dropped.map { "\($0.name) \($0.reason)" })
        }
        let keptColumns = kept.map { x[$0] }
        let keptGram = submatrix(gram, kept)
        let bread: Matrix, beta: [Double]
        do {
            bread = try keptGram.inverseCholesky()
            beta = try keptGram.solveCholesky(keptColumns.map { dot($0, y) })
        } catch {
            throw EstimationError.degenerate(estimator: "OLS", reason: "the regressors' cross-product matrix is singular: \(error)")
        }
        var residuals = y
        for (column, coefficient) in zip(keptColumns, beta) {
            for row in 0..<n { residuals[row] -= coefficient * column[row] }
        }

        // Fit statistics.
        let absorbed = absorbedParameters(sample: sample, solver: solver, rule: options.absorbedParameterRule)
        let parameterCount = kept.count + absorbed
        let rss = squaredNorm(residuals)
        let mean = sample.dependent.reduce(0, +) / Double(n)
        let tss = sample.dependent.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        let rSquared = 1 - rss / tss
        let withinTotal = squaredNorm(y)
        let explainedBase: Double, slopes: Int
        if solver != nil { (explainedBase, slopes) = (withinTotal, kept.count) }
        else if formula.hasIntercept { (explainedBase, slopes) = (tss, kept.count - 1) }
        else { (explainedBase, slopes) = (withinTotal, kept.count) }
        let residualDegrees = Double(n - parameterCount)
        let fStatistic = slopes > 0 ? ((explainedBase - rss) / Double(slopes)) / (rss / residualDegrees) : .nan

        // Covariance.
        let covariance = try covarianceMatrix(
            columns: keptColumns, residuals: residuals, bread: bread, sample: sample, solver: solver, vcov: vcov, options: options)
        warnings += covariance.warnings

        return RegressionResult(
            formula: formula.source, dependent: formula.dependent.description,
            coefficientNames: kept.map { sample.regressorNames[$0] }, coefficients: beta, covariance: covariance,
            observationCount: n, droppedMissing: sample.droppedMissing, droppedSingletons: sample.droppedSingletons,
            fixedEffects: try fixedEffectSummaries(sample: sample, solver: solver, beta: beta, kept: kept, residuals: residuals,
                                                   data: data, formula: formula, options: options, warnings: &warnings),
            absorbedParameters: absorbed,
            connectedComponents: sample.fixedEffects.count >= 2
                ? ConnectedComponents.count(sample.fixedEffects[0], sample.fixedEffects[1]) : nil,
            droppedRegressors: dropped, residualSumOfSquares: rss, rSquared: rSquared,
            adjustedRSquared: 1 - (1 - rSquared) * Double(n - 1) / residualDegrees,
            withinRSquared: solver == nil ? nil : 1 - rss / withinTotal,
            fStatistic: fStatistic, demeaning: report, warnings: warnings)
    }
}
