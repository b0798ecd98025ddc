import Covariance
import FixedEffects
import Foundation
import Numerical
import PanelData

/// Two-stage least squares with any number of absorbed fixed effects (fixest / pyfixest `feols(y ~ x | fe | d ~ z)`).
///
/// Notation (everything demeaned by the fixed effects, n observations): y, exogenous regressors X (k_X), endogenous
/// W (p), excluded instruments Z (L ≥ p), full instrument set Z_f = [Z, X].
/// - First stages: W = Z_f Π + V, Π̂ = (Z_fᵀZ_f)⁻¹Z_fᵀW, Ŵ = Z_fΠ̂.
/// - Second stage: X̂ = [X, Ŵ], β̂ = (X̂ᵀX̂)⁻¹X̂ᵀy, û = y − [X, W]β̂ (actual W).
/// - Covariance: the one sandwich (``SandwichEstimator``) with regressors X̂, residuals û, bread (X̂ᵀX̂)⁻¹ and
///   K = k_X + p + absorbed FE parameters, as pyfixest: iid RSS/(n − K)·B, HC1 n/(n − K)·BMB,
///   CRV1 G/(G − 1)(n − 1)/(n − K)·BMB (fixest-style; linearmodels' `debiased=True` without FE).
/// Sample rules are those of OLS over all variables, including the endogenous regressors and the instruments.
public enum InstrumentalVariablesEstimator {
    /// Fits `formula`, which must have an IV part; `options` as for ``FixedEffectsOLS``.
    public static func fit(_ formula: Formula, data: Dataset, options: EstimationOptions = .init()) throws -> IVResult {
        guard let iv = formula.instrumentSpecification else { throw IVError.notInstrumental(formula: formula.source) }
        let data = try PanelOperatorColumns.adding(to: data, for: [formula], panel: options.panel)
        let exogenousNames = formula.regressors.map(\.description)
        let endogenousNames = iv.endogenous.map(\.description)
        let instrumentNames = iv.instruments.map(\.description)
        try checkRoles(exogenous: exogenousNames, endogenous: endogenousNames, instruments: instrumentNames)

        let vcov = options.resolvedVcov(for: formula), clusterNames = vcov.clusterNames
        // One sample over every variable: an OLS formula with X, W and Z as regressors.
        let combined = Formula(
            source: formula.source, dependent: formula.dependent,
            regressors: formula.regressors + iv.endogenous + iv.instruments, fixedEffects: formula.fixedEffects,
            instrumentSpecification: nil, hasIntercept: formula.hasIntercept)
        let sample = try EstimationSample.build(formula: combined, dataset: data, clusterNames: clusterNames,
                                                removeSingletons: options.removeSingletons, defaultClustering: options.vcov == nil,
                                                panel: try options.panelStructure(for: vcov, data: data), weights: options.weights)
        let n = sample.rows.count
        var warnings: [String] = []

        let demeaned = try sample.demeaned(options: options.demeaning, dependentName: formula.dependent.description)
        let solver = demeaned.solver, report = demeaned.report
        if let warning = demeaned.warning { warnings.append(warning) }
        let exogenousCount = sample.regressorNames.count - endogenousNames.count - instrumentNames.count
        let raw = sample.regressors, y = demeaned.dependent, columns = demeaned.regressors
        let fixedEffectNames = formula.fixedEffects.map(\.description)

        // Exogenous regressors: collinear ones are dropped as in OLS.
        let screen = CollinearityScreen(sample: sample, demeaned: columns, solver: solver, hasIntercept: formula.hasIntercept,
                                        fixedEffectNames: fixedEffectNames, options: options)
        let (keptExogenous, dropped) = try screen.select(Array(0..<exogenousCount))
        let x = keptExogenous.map { columns[$0] }
        let xNames = keptExogenous.map { sample.regressorNames[$0] }
        let endogenousIndices = exogenousCount..<(exogenousCount + endogenousNames.count)
        let instrumentIndices = endogenousIndices.upperBound..<columns.count
        // Endogenous regressors and instruments must keep variation beyond the FE and X (instruments also beyond
        // the instruments before them).
        try requireKept(endogenousIndices.map { $0 }, after: keptExogenous, screen: screen, sample: sample, isInstrument: false)
        try requireKept(instrumentIndices.map { $0 }, after: keptExogenous, screen: screen, sample: sample, isInstrument: true)
        let w = endogenousIndices.map { columns[$0] }, z = instrumentIndices.map { columns[$0] }

        let context = StageContext(sample: sample, solver: solver, vcov: vcov, options: options, formula: formula,
                                   report: report, absorbed: FixedEffectsOLS.absorbedParameters(
                                       sample: sample, solver: solver, rule: options.absorbedParameterRule))
        // First stages.
        let fullInstruments = z + x, fullNames = instrumentNames + xNames
        let firstStage = try LeastSquaresFit(columns: fullInstruments)
        var firstStages: [FirstStageResult] = [], fitted: [[Double]] = [], firstResiduals: [[Double]] = []
        var diagnosticWarnings: [String] = []
        for (index, column) in w.enumerated() {
            let stage = try firstStage.regress(column)
            fitted.append(stage.fitted)
            firstResiduals.append(stage.residuals)
            firstStages.append(try context.firstStage(
                endogenous: endogenousNames[index], fit: stage, least: firstStage, names: fullNames,
                instrumentCount: z.count, exogenous: x, dependentRaw: raw[endogenousIndices.lowerBound + index],
                dependentDemeaned: column, warnings: &diagnosticWarnings))
        }

        // Second stage on X̂ = [X, Ŵ]; residuals with the actual W.
        let hatColumns = x + fitted, actual = x + w
        let secondStage = try LeastSquaresFit(columns: hatColumns)
        let beta = try secondStage.coefficients(y)
        var residuals = y
        for (column, coefficient) in zip(actual, beta) {
            for row in 0..<n { residuals[row] -= coefficient * column[row] }
        }
        let covariance = try FixedEffectsOLS.covarianceMatrix(
            columns: hatColumns, residuals: residuals, bread: secondStage.inverseGram, sample: sample, solver: solver,
            vcov: vcov, options: options)
        warnings += covariance.warnings
        let (diagnostics, testWarnings) = try IVDiagnosticsBuilder(
            y: y, exogenous: x, endogenous: w, instruments: z, residuals: residuals, firstResiduals: firstResiduals,
            context: context
        ).build()
        warnings += diagnosticWarnings + testWarnings
        let second = context.result(
            dependent: formula.dependent.description, names: xNames + endogenousNames, coefficients: beta,
            covariance: covariance, residuals: residuals, dependentRaw: sample.dependent, dependentDemeaned: y,
            dropped: dropped, warnings: warnings)
        return IVResult(secondStage: second, firstStages: firstStages, diagnostics: diagnostics,
                        endogenousNames: endogenousNames, instrumentNames: instrumentNames)
    }

    /// Endogenous regressors and instruments may not double as exogenous regressors or as each other, and L ≥ p.
    static func checkRoles(exogenous: [String], endogenous: [String], instruments: [String]) throws {
        if let both = endogenous.first(where: exogenous.contains) {
            throw IVError.conflictingRoles(variable: both, roles: "both an exogenous regressor and endogenous")
        }
        if let both = instruments.first(where: exogenous.contains) {
            throw IVError.conflictingRoles(variable: both, roles: "both an exogenous regressor and an excluded instrument")
        }
        if let both = instruments.first(where: endogenous.contains) {
            throw IVError.conflictingRoles(variable: both, roles: "both endogenous and an instrument")
        }
        guard instruments.count >= endogenous.count, !endogenous.isEmpty else {
            throw IVError.underidentified(endogenous: endogenous, instruments: instruments)
        }
    }

    /// Throws when one of `indices` is collinear with the fixed effects, the kept exogenous columns, or (for
    /// instruments) the instruments before it.
    static func requireKept(_ indices: [Int], after kept: [Int], screen: CollinearityScreen, sample: EstimationSample,
                            isInstrument: Bool) throws {
        for (position, index) in indices.enumerated() {
            let group = kept + (isInstrument ? Array(indices[..<position]) : []) + [index]
            let (selected, dropped) = try screen.select(group)
            guard selected.contains(index) else {
                let reason = dropped.last?.reason ?? "collinear"
                let name = sample.regressorNames[index]
                if isInstrument { throw IVError.instrumentCollinear(instrument: name, reason: reason) }
                throw IVError.endogenousCollinear(variable: name, reason: reason)
            }
        }
    }
}
