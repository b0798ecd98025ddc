import Numerical
import PanelData

/// The stepwise mediation test with each step by panel FMOLS: paper 000's Table 2 (eqs. 21–23, "组间
/// FMOLS", Pedroni's group-mean estimator), beside ``MediationAnalysis``, which fits the steps by OLS
/// with fixed effects.
///
/// **Common sample.** Every term (X, M, Y, the controls, with any panel operators) is evaluated once on
/// the whole panel; a row missing any of them is missing in all three equations. Each unit's series is
/// then trimmed of missing rows at its start and end, as ``PanelFMOLS`` does; a missing row inside a
/// unit's series is an error naming it. So the three equations see the same unit-periods, except that
/// a unit whose design is singular in one equation is dropped from that equation only (reported).
///
/// **Inference.** Paths are the reported FMOLS estimates (group-mean: the mean of the units'
/// coefficients, t = N^{−1/2} Σ_i t_i) with two-sided normal p-values; Sobel and Aroian use the FMOLS
/// standard errors (SE = estimate / t). There is no bootstrap (the paper reports none; a unit bootstrap
/// of three FMOLS fits is possible but not built), so the fallback test is Sobel's.
public enum FMOLSMediation {
    /// - Throws: `MediationError` for contradictory input or options, `FMOLSError` and
    ///   `TermEvaluationError` from the FMOLS fits, `FormulaError` for a control that does not parse,
    ///   `PanelDataError` for a missing column.
    public static func run(
        treatment: String, mediator: String, outcome: String, controls: [String] = [], data: Dataset,
        panel declaration: PanelDeclaration, fmols: FMOLSOptions = .init(), options: MediationOptions = .init()
    ) throws -> FMOLSMediationResult {
        try MediationAnalysis.validate(treatment: treatment, mediators: [mediator], outcome: outcome, controls: controls,
                                       options: options)
        guard options.bootstrapReplications == 0 else {
            throw MediationError.invalidOption("the FMOLS steps have no bootstrap; set the bootstrap replications to 0")
        }
        guard options.fallback == .sobel else {
            throw MediationError.invalidOption("the FMOLS steps decide with the Sobel test (there is no bootstrap)")
        }
        for name in [treatment, mediator, outcome] { _ = try data.column(named: name) }
        let parsed = try FormulaParser.parse(
            FormulaName.display(outcome) + " ~ " + ([treatment, mediator].map(FormulaName.display) + controls).joined(separator: " + "))
        try FMOLSFormula.check(parsed)
        let panel = try PanelStructure(data, panel: declaration)
        // Every term evaluated once on the whole panel (lags see the full series), then one common sample.
        let terms = [parsed.dependent] + parsed.regressors
        var columns = try terms.map { try $0.evaluate(in: data, panel: panel) }
        let rows = data.rowCount
        var complete = 0
        for row in 0..<rows {
            if columns.allSatisfy({ $0[row].isFinite }) {
                complete += 1
            } else {
                for index in columns.indices { columns[index][row] = .nan }
            }
        }
        let names = terms.indices.map { "__mediation_term_\($0)" }
        var common = Dataset()
        try common.add(try data.column(named: declaration.unit))
        try common.add(try data.column(named: declaration.time))
        for (name, values) in zip(names, columns) {
            try common.add(.double(name, values, missing: values.map { !$0.isFinite }))
        }
        let commonPanel = try PanelStructure(common, panel: declaration)
        let y = Term.variable(names[0]), x = Term.variable(names[1]), m = Term.variable(names[2])
        let controlTerms = names.dropFirst(3).map { Term.variable($0) }
        let totalEquation = try PanelFMOLS.estimate(common, dependent: y, regressors: [x] + controlTerms, panel: commonPanel, options: fmols)
        let mediatorEquation = try PanelFMOLS.estimate(common, dependent: m, regressors: [x] + controlTerms, panel: commonPanel, options: fmols)
        let outcomeEquation = try PanelFMOLS.estimate(common, dependent: y, regressors: [x, m] + controlTerms, panel: commonPanel, options: fmols)

        let normal = try NormalDistribution(mean: 0, standardDeviation: 1)
        func path(_ equation: PanelFMOLSResult, _ index: Int) -> PathEstimate {
            let reported = equation.reported
            let t = reported.tStatistics[index]
            return PathEstimate(estimate: reported.coefficients[index], standardError: reported.standardErrors[index],
                                pValue: 2 * normal.cumulative(-abs(t)))
        }
        let total = path(totalEquation, 0), a = path(mediatorEquation, 0)
        let direct = path(outcomeEquation, 0), b = path(outcomeEquation, 1)
        let indirect = a.estimate * b.estimate
        let sobelVariance = b.estimate * b.estimate * a.standardError * a.standardError
            + a.estimate * a.estimate * b.standardError * b.standardError
        let sobel = MediationAnalysis.test(indirect, variance: sobelVariance, normal)
        let aroian = MediationAnalysis.test(
            indirect, variance: sobelVariance + a.standardError * a.standardError * b.standardError * b.standardError, normal)
        let decision = MediationDecision.decide(
            total: total, a: a, b: b, direct: direct, sobel: sobel, bootstrap: nil, options: options, mediator: mediator)

        let gap = total.estimate - (direct.estimate + indirect)
        var notes = ["common sample of \(complete) rows complete for \(treatment), \(mediator), \(outcome)"
            + (controls.isEmpty ? "" : ", \(controls.joined(separator: ", "))")
            + " (\(rows - complete) rows missing a value), \(fmols.method.rawValue) FMOLS with a \(fmols.kernel.rawValue) kernel"]
        let equations = [("Y ~ X", totalEquation), ("M ~ X", mediatorEquation), ("Y ~ X + M", outcomeEquation)]
        for (label, equation) in equations where !equation.droppedUnits.isEmpty {
            notes.append("\(label): \(equation.droppedUnits.count) unit(s) dropped ("
                + equation.droppedUnits.prefix(5).map(\.unit).joined(separator: ", ")
                + (equation.droppedUnits.count > 5 ? ", …" : "") + ")")
        }
        notes.append(String(format: "FMOLS is not least squares: c − (c′ + a·b) = %.4g, so a·b / c is indicative only", gap))
        if indirect * total.estimate < 0 {
            notes.append("c and a·b have opposite signs (inconsistent mediation): a·b / c is not a proportion of the total effect")
        }
        return FMOLSMediationResult(
            treatment: treatment, mediator: mediator, outcome: outcome, totalEffectEquation: totalEquation,
            mediatorEquation: mediatorEquation, outcomeEquation: outcomeEquation, observationCount: complete,
            total: total, a: a, b: b, direct: direct, indirectEffect: indirect, sobel: sobel, aroian: aroian,
            shareMediated: total.estimate == 0 ? nil : indirect / total.estimate, decompositionGap: gap,
            verdict: decision.verdict, explanation: decision.explanation, notes: notes)
    }
}
