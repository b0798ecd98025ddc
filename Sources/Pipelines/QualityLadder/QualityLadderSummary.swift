import Foundation
import Models
import MonteCarlo
import Reporting

/// summary.md of a quality-ladder run: the theory of both readings (`QualityLadderSummary+Theory`),
/// the simulated panel, the regressions of replication 0, the recovery report with the KSW and
/// instrument diagnostics, and the claims over the sweep grid.
struct QualityLadderSummary {
    let theory: QualityLadderTheory
    let monteCarlo: MonteCarloOutcome<QualityLadderPipeline>?
    let sweep: QualitySweep?
    let context: RunContext

    /// Most sweep rows written into summary.md (all are in `propositions.csv`).
    static let sweepRowLimit = 200

    func number(_ value: Double) -> String { NumberFormat.general(value, digits: 6) }
    func mark(_ holds: Bool) -> String { holds ? "✓" : "✗" }

    /// The paper's symbol of a scenario key.
    static func symbol(of key: String) -> String {
        let symbols = ["alpha": "α", "beta": "β", "gamma": "γ", "eta": "η", "mu": "μ", "theta": "θ", "rho": "ρ",
                       "delta_lambda": "δ_λ", "delta_phi": "δ_φ", "psi0": "ψ0", "omega": "ω", "lambda_F": "λ_F",
                       "phi_F": "φ_F"]
        return symbols[key] ?? key
    }

    func sections() -> ModelSummary {
        let p = theory.parameters, s = p.simulation
        var summary = ModelSummary()
        summary.headline = "Variant `\(p.variant.rawValue)`, demand layer `\(s.demandLayer.rawValue)`; the model is documented in "
            + "`docs/models/quality-ladder.md`. The theory below covers both readings; the simulator always draws from the consistent equilibrium."
        summary.theory = [consistentSection(), printedSection()]
        if let monteCarlo {
            summary.panel = [panelSection(monteCarlo)]
            summary.recoveryPreamble = recoveryPreamble()
            summary.recoveryAppendix = diagnosticsSection(monteCarlo)
        }
        if let sweep { summary.sweep = [sweepSection(sweep)] }
        return summary
    }

    private func panelSection(_ outcome: MonteCarloOutcome<QualityLadderPipeline>) -> String {
        var rows: [[String]] = []
        if let truth = outcome.firstDraw?.truth {
            rows += [
                ["records generated / kept by the filters (value ≥ min_value, quantity ≥ min_quantity)",
                 "\(truth.generatedRecords) / \(truth.keptRecords)"],
                ["c_D (common cost cutoff) / base ϕ", "\(number(truth.costCutoff)) / \(number(truth.baseQualityCoefficient))"],
                ["truth.eco_effect: mean d Δλ/d Eco (firm level, frontier fixed)", number(truth.meanDistanceEffect)],
                ["truth.eco_log_effect: mean d ln Δλ/d Eco", number(truth.meanLogDistanceEffect)],
                ["truth.distance_elasticity: d ln ΣΔλ/d ln I (eq. (4) prints −1/2)", number(truth.distanceElasticity)],
            ]
        }
        if let panel = outcome.firstDraw?.data, let eco = try? panel.doubles("eco") {
            rows.append(["mean Eco = ln(1 + patents)", number(eco.reduce(0, +) / Double(max(eco.count, 1)))])
        }
        return "## Simulated panel (replication 0)\n\n" + MarkdownTable(header: ["moment", "value"], rows: rows).render()
    }

    private func recoveryPreamble() -> String {
        var text = "Truths vary by replication (they are averages over each panel's records); bias is the mean of estimate − truth. "
        text += "The row `\(QualityLadderPipeline.elasticityParameter)` is built in: `\(QualityLadderPipeline.elasticityFormula)`, "
        text += "CRV1 by firm, on the true Δλ and I_it (records off the frontier). It tests the model's own elasticity against "
        text += "`truth.distance_elasticity`; eq. (4) as printed says −1/2 whatever the parameters.\n\n"
        text += "The measured `distance` is in units of standardized KSW quality (q⁺ ∈ [1, 2] within product), not in λ, so a "
        text += "block that recovers `truth.eco_effect` from it compares the sign and significance, not the magnitude."
        if context.recoversPseudoTrue {
            text += "\n\nTwo kinds of truth appear. `truth.eco_effect` (and `truth.tfp_eco_effect`) is the model's mean record-level "
            text += "derivative; `pseudo-true` is the same regression (same rows, regressors and fixed effects) on the outcome without "
            text += "noise (the distances measured from noise-free quantities and prices without demand appeal ξ, on the observed "
            text += "scale; TFP without its noise; breadth as its expectation given the patents; variety from the records that pass "
            text += "the filters without noise), i.e. what the estimator converges to under the model. Because the effect of Eco "
            text += "decays with Eco, a linear regression weights the records differently from their plain mean, so it can cover its "
            text += "pseudo-true value and still miss the model truth; OLS misses both when ξ makes Eco endogenous."
        }
        return text
    }

    private func diagnosticsSection(_ outcome: MonteCarloOutcome<QualityLadderPipeline>) -> String {
        var text = "### Measures and instruments (per replication in `diagnostics.csv`)\n\n"
        text += "KSW quality is identified within product × destination × year cells only, so its correlation with the cell-demeaned "
        text += "ln λ is the fair test; with `demand = \"linear\"` the CES demand residual is misspecified.\n\n"
        text += QualityDiagnostics.markdown(outcome.extras, demand: theory.parameters.simulation.demandLayer.rawValue)
        return text
    }

    private func sweepSection(_ sweep: QualitySweep) -> String {
        var text = "## Sweep: the as-printed regime table at every grid point (`propositions.csv`, plots `propositions-*`)\n\n"
        text += "Each plot is a one-dimensional slice over the swept parameter with the others at their `[model]` values: ϕ, the "
        text += "corrected ∂Δλ/∂ρ and ∂Δλ/∂θ per unit of φ_D − φ_i, D and a zero line (the sign boundary); the `.dat` column `soc` "
        text += "flags D < 0 (a profit maximum). ✓ = the claim holds with the paper's sign. The consistent ϕ is shown where the "
        text += "consistent variant has an equilibrium.\n\n"
        let header = sweep.axes.map { Self.symbol(of: $0.parameter) } + ["β − μ", "D", "SOC", "ϕ", "(12)", "(13)", "(14)", "Prop. 5",
                                                                           "(11)", "consistent ϕ"]
        let rows = zip(sweep.points, sweep.rows).prefix(Self.sweepRowLimit).map { values, row -> [String] in
            sweep.axes.map { number(values.real($0.parameter) ?? .nan) }
                + [number(row.betaMinusMu), number(row.table.secondOrderValue), row.table.isProfitMaximum ? "max" : "min",
                   number(row.value(0))] + (0..<5).map { mark(row.holds($0)) }
                + [row.consistentPhi.isFinite ? number(row.consistentPhi) : "none"]
        }
        text += MarkdownTable(header: header, rows: rows).render()
        if sweep.rows.count > Self.sweepRowLimit {
            text += "\n\n(first \(Self.sweepRowLimit) of \(sweep.rows.count) points; all are in `propositions.csv`)"
        }
        let atMaximum = sweep.rows.filter(\.table.isProfitMaximum)
        let allPrinted = atMaximum.filter { row in (0..<3).allSatisfy(row.holds) }
        text += "\n\nOf \(sweep.rows.count) points, \(atMaximum.count) are profit maxima (D < 0); at \(allPrinted.count) of those, "
        text += "(12), (13) and (14) hold together with the printed signs; Proposition 5 holds at "
        text += "\(sweep.rows.filter { $0.holds(3) }.count) points (it needs ϕ < 0)."
        return text
    }
}
