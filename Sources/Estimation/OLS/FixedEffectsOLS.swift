import Covariance
import FixedEffects
import Foundation
import Numerical
import PanelData

/// Ordinary least squares with any number of absorbed fixed effects (fixest's `feols`).
///
/// Sample → demeaning of y and X by the fixed effects (FixedEffects), or centring without them
/// (``WorkingDesign``) → scale-free collinearity (``Collinearity``) → β from the scaled design with
/// refinement (``ScaledLeastSquares``) → covariance by the one sandwich function (Covariance) →
/// `RegressionResult`. See docs/estimators/ols-fixed-effects.md.
public enum FixedEffectsOLS {
    public static func fit(_ formula: Formula, data: Dataset, options: EstimationOptions = .init()) throws -> RegressionResult {
        let data = try PanelOperatorColumns.adding(to: data, for: [formula], panel: options.panel)
        let vcov = options.resolvedVcov(for: formula), clusterNames = vcov.clusterNames
        let sample = try EstimationSample.build(formula: formula, dataset: data, clusterNames: clusterNames,
                                                removeSingletons: options.removeSingletons, defaultClustering: options.vcov == nil,
                                                panel: try options.panelStructure(for: vcov, data: data), weights: options.weights)
        let n = sample.rows.count
        var warnings: [String] = []

        // Demean y and every regressor by the fixed effects.
        let demeaned = try sample.demeaned(options: options.demeaning, dependentName: formula.dependent.description)
        let solver = demeaned.solver, report = demeaned.report
        if let warning = demeaned.warning { warnings.append(warning) }
        let y = demeaned.dependent

        // Collinearity on the working columns (demeaned, or centred with an intercept), then β.
        let names = sample.regressorNames
        guard !names.isEmpty else {
            throw EstimationError.degenerate(estimator: "OLS", reason: formula.fixedEffects.isEmpty
                ? "\(formula.source) has no regressor to estimate: the formula removes the intercept (0 or -1) and names no variable"
                : "\(formula.source) has no regressor to estimate: the fixed effects absorb the intercept")
        }
        let design = WorkingDesign(sample: sample, demeaned: demeaned, hasIntercept: formula.hasIntercept)
        let collinearity = Collinearity(
            absorption: design.absorption(fixedEffectNames: formula.fixedEffects.map(\.description), options: options.demeaning),
            tolerance: options.collinearityTolerance)
        let gram = crossProducts(design.slopes)
        let (keptSlopes, dropped) = try collinearity.select(
            working: design.slopes, raw: design.slopeIndices.map { sample.regressors[$0] },
            names: design.slopeIndices.map { names[$0] }, gram: gram)
        let kept = (design.interceptFirst ? [0] : []) + keptSlopes.map { design.slopeIndices[$0] }
        guard !kept.isEmpty else {
            throw EstimationError.allRegressorsCollinear(reasons: dropped.map { "\($0.name) \($0.reason)" })
        }
        let fit = try design.solve(keptSlopes: keptSlopes, gram: gram)
        let beta = fit.coefficients, residuals = fit.residuals

        // Fit statistics.
        let absorbed = absorbedParameters(sample: sample, solver: solver, rule: options.absorbedParameterRule)
        let parameterCount = kept.count + absorbed
        let rss = squaredNorm(residuals)
        // With weights every sum is weighted: the mean, TSS, RSS (residuals are √w·û) and the within TSS.
        let weights = sample.weights ?? [Double](repeating: 1, count: n)
        let totalWeight = weights.reduce(0, +)
        let mean = zip(weights, sample.dependent).reduce(0) { $0 + $1.0 * $1.1 } / totalWeight
        let tss = zip(weights, sample.dependent).reduce(0) { $0 + $1.0 * ($1.1 - mean) * ($1.1 - mean) }
        let rSquared = 1 - rss / tss
        let withinTotal = squaredNorm(y)  // y is √w-scaled when weighted
        let explainedBase: Double, slopes: Int
        if solver != nil { (explainedBase, slopes) = (withinTotal, kept.count) }
        else if formula.hasIntercept { (explainedBase, slopes) = (tss, kept.count - 1) }
        else { (explainedBase, slopes) = (withinTotal, kept.count) }
        let residualDegrees = Double(n - parameterCount)
        let fStatistic = slopes > 0 ? ((explainedBase - rss) / Double(slopes)) / (rss / residualDegrees) : .nan

        // Covariance.
        let covariance = try covarianceMatrix(
            columns: fit.columns, residuals: residuals, bread: fit.bread, sample: sample, solver: solver, vcov: vcov,
            options: options, transform: fit.transform)
        warnings += covariance.warnings

        return RegressionResult(
            formula: formula.source, dependent: formula.dependent.description,
            coefficientNames: kept.map { sample.regressorNames[$0] }, coefficients: beta, covariance: covariance,
            observationCount: n, droppedMissing: sample.droppedMissing, droppedSingletons: sample.droppedSingletons,
            fixedEffects: try fixedEffectSummaries(sample: sample, solver: solver, beta: beta, kept: kept,
                                                   residuals: demeaned.rootWeights.map { zip(residuals, $0).map { $0 / $1 } } ?? residuals,
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
