import Covariance
import Numerical
import PanelData

/// Mediation analysis by the stepwise procedure (Baron and Kenny 1986; Wen, Chang, Hau and Liu 2004),
/// with Sobel and Aroian tests and a cluster bootstrap of the indirect effect.
///
/// Three regressions, each by `FixedEffectsOLS` with the same controls, fixed effects and covariance:
///
///     total effect   Y = c·X            + controls + FE + e₁
///     mediator       M = a·X            + controls + FE + e₂      (a = θ₁)
///     outcome        Y = c′·X + b·M     + controls + FE + e₃      (b = φ₂)
///
/// **Common sample.** All three use the same rows: those where X, M, Y, every control, every fixed
/// effect and every cluster variable are defined, after fixed-effect singletons are removed (as
/// `hetfirm estimate` does for the outcome equation, which reads every variable). On one OLS sample
/// c = c′ + a·b holds exactly, which the share mediated a·b / c relies on.
///
/// Indirect effect a·b; Sobel SE √(b²s_a² + a²s_b²); Aroian SE √(b²s_a² + a²s_b² + s_a²s_b²);
/// z = a·b / SE with two-sided normal p-value 2Φ(−|z|).
public enum MediationAnalysis {
    /// One mediator. Controls are formula terms (`z`, `log(z)`); fixed effects as in a formula (`firm`, `city^dest`).
    ///
    /// - Throws: `MediationError` for contradictory input or options, `PanelDataError` for a missing
    ///   column, `EstimationError` when a regression cannot be estimated.
    public static func run(
        treatment: String, mediator: String, outcome: String, controls: [String] = [], fixedEffects: [String] = [],
        data: Dataset, options: MediationOptions = .init()
    ) throws -> MediationResult {
        let results = try analyse(
            treatment: treatment, mediators: [mediator], outcome: outcome, controls: controls,
            fixedEffects: fixedEffects, data: data, options: options)
        guard let result = results.first else { throw MediationError.noMediator }
        return result
    }

    /// Several mediators, one at a time (as in papers that test each mechanism separately): one result each,
    /// each on its own common sample.
    public static func run(
        treatment: String, mediators: [String], outcome: String, controls: [String] = [], fixedEffects: [String] = [],
        data: Dataset, options: MediationOptions = .init()
    ) throws -> [MediationResult] {
        guard !mediators.isEmpty else { throw MediationError.noMediator }
        return try mediators.map {
            try run(treatment: treatment, mediator: $0, outcome: outcome, controls: controls,
                    fixedEffects: fixedEffects, data: data, options: options)
        }
    }

    /// Several mediators jointly (parallel multiple-mediator model): every mediator enters one outcome
    /// equation Y = c′X + Σₖ bₖMₖ + …, each Mₖ = aₖX + … separately, and the indirect effect of mediator k
    /// is aₖ·bₖ (its Sobel and bootstrap tests likewise). Σₖ aₖbₖ = c − c′. All on one common sample.
    public static func runJoint(
        treatment: String, mediators: [String], outcome: String, controls: [String] = [], fixedEffects: [String] = [],
        data: Dataset, options: MediationOptions = .init()
    ) throws -> [MediationResult] {
        guard !mediators.isEmpty else { throw MediationError.noMediator }
        return try analyse(
            treatment: treatment, mediators: mediators, outcome: outcome, controls: controls,
            fixedEffects: fixedEffects, data: data, options: options)
    }

    static func analyse(
        treatment: String, mediators: [String], outcome: String, controls: [String], fixedEffects: [String],
        data: Dataset, options: MediationOptions
    ) throws -> [MediationResult] {
        try validate(treatment: treatment, mediators: mediators, outcome: outcome, controls: controls, options: options)
        for name in [treatment, outcome] + mediators { _ = try data.column(named: name) }

        let x = FormulaName.display(treatment), y = FormulaName.display(outcome)
        let ms = mediators.map(FormulaName.display)
        func formula(_ dependent: String, _ regressors: [String]) throws -> Formula {
            var text = dependent + " ~ " + (regressors + controls).joined(separator: " + ")
            if !fixedEffects.isEmpty { text += " | " + fixedEffects.joined(separator: " + ") }
            return try FormulaParser.parse(text)
        }
        let outcomeFormula = try formula(y, [x] + ms)
        let vcov = options.estimation.resolvedVcov(for: outcomeFormula), clusterNames = vcov.clusterNames
        var estimation = options.estimation
        estimation.vcov = vcov

        // The common sample: the outcome equation reads every variable, fixed effect and cluster.
        let sample = try EstimationSample.build(
            formula: outcomeFormula, dataset: data, clusterNames: clusterNames, removeSingletons: estimation.removeSingletons)
        let subset = data.selectingRows(sample.rows)
        let totalRegression = try FixedEffectsOLS.fit(try formula(y, [x]), data: subset, options: estimation)
        let outcomeRegression = try FixedEffectsOLS.fit(outcomeFormula, data: subset, options: estimation)
        let mediatorRegressions = try ms.map { try FixedEffectsOLS.fit(try formula($0, [x]), data: subset, options: estimation) }

        let total = try path(x, in: totalRegression)
        let direct = try path(x, in: outcomeRegression)
        let aPaths = try mediatorRegressions.map { try path(x, in: $0) }
        let bPaths = try ms.map { try path($0, in: outcomeRegression) }

        var bootstrap: [MediationBootstrapResult]?
        if options.bootstrapReplications > 0 {
            bootstrap = try MediationBootstrap.run(
                sample: sample, treatment: x, mediators: ms, mediatorRegressions: mediatorRegressions,
                outcomeRegression: outcomeRegression, clusterVariable: clusterNames.first,
                pointEstimates: zip(aPaths, bPaths).map { $0.estimate * $1.estimate }, options: options)
        }

        var sampleNote = "common estimation sample of \(sample.rows.count) observations (complete for \(treatment), "
            + "\(mediators.joined(separator: ", ")), \(outcome)"
            + (controls.isEmpty ? "" : ", \(controls.joined(separator: ", "))")
            + (fixedEffects.isEmpty ? "" : ", the fixed effects")
            + (clusterNames.isEmpty ? "" : " and the cluster variables")
            + "; \(sample.droppedMissing) rows dropped as incomplete, \(sample.droppedSingletons) as fixed-effect singletons)"
        if mediators.count > 1 { sampleNote += "; joint model: every mediator is in the outcome equation" }
        let regressionWarnings = ([totalRegression, outcomeRegression] + mediatorRegressions).flatMap { regression in
            regression.warnings.map { "\(regression.formula): \($0)" }
        }

        let normal = try NormalDistribution(mean: 0, standardDeviation: 1)
        return mediators.indices.map { k in
            let a = aPaths[k], b = bPaths[k]
            let indirect = a.estimate * b.estimate
            let sobelVariance = b.estimate * b.estimate * a.standardError * a.standardError
                + a.estimate * a.estimate * b.standardError * b.standardError
            let sobel = test(indirect, variance: sobelVariance, normal)
            let aroian = test(indirect, variance: sobelVariance + a.standardError * a.standardError * b.standardError * b.standardError, normal)
            let oppositeSigns = indirect * total.estimate < 0
            var notes = [sampleNote]
            if oppositeSigns {
                notes.append("c and a·b have opposite signs (inconsistent mediation, a suppression effect): "
                    + "a·b / c is not a proportion of the total effect")
            }
            if let draws = bootstrap?[k], draws.successfulReplications < draws.replications {
                notes.append("\(draws.replications - draws.successfulReplications) of \(draws.replications) bootstrap draws "
                    + "could not be estimated (collinear resample) and were left out")
            }
            notes += regressionWarnings
            let decision = MediationDecision.decide(
                total: total, a: a, b: b, direct: direct, sobel: sobel, bootstrap: bootstrap?[k], options: options,
                mediator: mediators[k])
            return MediationResult(
                treatment: treatment, mediator: mediators[k], outcome: outcome, totalEffectRegression: totalRegression,
                mediatorRegression: mediatorRegressions[k], outcomeRegression: outcomeRegression,
                observationCount: sample.rows.count, total: total, a: a, b: b, direct: direct, indirectEffect: indirect,
                sobel: sobel, aroian: aroian, shareMediated: total.estimate == 0 ? nil : indirect / total.estimate,
                oppositeSigns: oppositeSigns, bootstrap: bootstrap?[k], verdict: decision.verdict,
                explanation: decision.explanation, notes: notes)
        }
    }

    static func validate(treatment: String, mediators: [String], outcome: String, controls: [String], options: MediationOptions) throws {
        guard !mediators.isEmpty else { throw MediationError.noMediator }
        if treatment == outcome { throw MediationError.sameVariable(name: treatment, roles: "treatment and the outcome") }
        var seen = Set<String>()
        for mediator in mediators {
            if mediator == treatment { throw MediationError.sameVariable(name: mediator, roles: "mediator and the treatment") }
            if mediator == outcome { throw MediationError.sameVariable(name: mediator, roles: "mediator and the outcome") }
            if !seen.insert(mediator).inserted { throw MediationError.sameVariable(name: mediator, roles: "mediator twice") }
        }
        let named = Set([treatment, outcome] + mediators)
        if let repeated = controls.first(where: { named.contains($0) }) { throw MediationError.controlRepeatsVariable(repeated) }
        guard options.significanceLevel > 0, options.significanceLevel < 1 else {
            throw MediationError.invalidOption("significance level \(options.significanceLevel) is not in (0, 1)")
        }
        guard options.confidenceLevel > 0, options.confidenceLevel < 1 else {
            throw MediationError.invalidOption("confidence level \(options.confidenceLevel) is not in (0, 1)")
        }
        guard options.bootstrapReplications >= 0 else {
            throw MediationError.invalidOption("\(options.bootstrapReplications) bootstrap replications")
        }
        if options.fallback != .sobel, options.bootstrapReplications == 0 {
            throw MediationError.invalidOption("the \(options.fallback.rawValue) fallback needs bootstrap replications")
        }
        if let threads = options.threads, threads < 1 { throw MediationError.invalidOption("\(threads) threads") }
    }

    /// The coefficient on `name` with its SE and t-test p-value.
    static func path(_ name: String, in regression: RegressionResult) throws -> PathEstimate {
        guard let index = regression.coefficientNames.firstIndex(of: name) else {
            throw MediationError.coefficientNotEstimated(equation: regression.formula, coefficient: name)
        }
        return PathEstimate(estimate: regression.coefficients[index], standardError: regression.standardErrors[index],
                            pValue: regression.pValues[index])
    }

    /// z = estimate / √variance with p = 2Φ(−|z|).
    static func test(_ estimate: Double, variance: Double, _ normal: NormalDistribution) -> IndirectEffectTest {
        let standardError = variance.squareRoot()
        let z = estimate / standardError
        return IndirectEffectTest(standardError: standardError, z: z, pValue: 2 * normal.cumulative(-abs(z)))
    }
}
