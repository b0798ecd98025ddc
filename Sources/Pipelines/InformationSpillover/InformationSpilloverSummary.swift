import Estimation
import Foundation
import Models
import MonteCarlo
import Reporting

/// summary.md of an information-spillover run: theory at the parameters, the simulated panel, the
/// regressions of replication 0, the recovery report, the structural fit and the sweep.
struct InformationSpilloverSummary {
    let theory: InformationSpilloverTheory
    let firstDraw: SpilloverAssembly.Replication?
    /// The structural fit averaged over replications, when it ran.
    let meanFit: (bins: [SignalWeightFit.Bin], ratio: Double)?

    private func number(_ value: Double) -> String { NumberFormat.general(value, digits: 6) }

    func sections() -> ModelSummary {
        let p = theory.parameters
        var summary = ModelSummary()
        summary.headline = "Variant `\(p.variant.rawValue)`, revelation `\(p.revelation.rawValue)`, own variance "
            + "`\(p.ownVariance.rawValue)`, ξ `\(p.xiConvention.rawValue)`; the model is documented in `docs/models/information-spillover.md`."
        summary.theory = [theorySection()]
        if let firstDraw { summary.panel = [panelSection(firstDraw.summary, truth: firstDraw.truth)] }
        summary.recoveryPreamble = "Truths vary by replication (they are averages over each panel's rows); bias is the mean of estimate − truth."
        summary.recoveryAppendix = structuralSection()
        return summary
    }

    private func theorySection() -> String {
        let p = theory.parameters
        var text = "## Theory at v_d = \(number(p.demandVariance)), v_z = \(number(p.signalNoiseVariance)) (ρ = v_z/v_d = \(number(p.noiseRatio)))\n\n"
        let weights = InformationSpilloverTheory.signalCounts.map { n in
            [number(n), number(theory.weight(n)), number(theory.posteriorVariance(n))]
        }
        text += MarkdownTable(header: ["n", "δ(n), eq. (9)", "v^post(n), eq. (10)"], rows: weights).render()
        text += "\n\n### Comparative statics (§2.5 of the notes): analytic and central finite differences\n\n"
        let rows = theory.derivatives.map { d in
            [d.name, number(d.signalCount), number(d.analytic), number(d.finiteDifference),
             NumberFormat.significant(d.relativeDifference, digits: 2),
             (d.analytic > 0) == d.expectedPositive ? "yes" : "NO"]
        }
        text += MarkdownTable(header: ["derivative", "n", "analytic", "finite difference", "relative difference", "sign as stated"],
                              rows: rows).render()
        text += "\n\n### The paper's claims under this variant\n\n"
        text += MarkdownTable(header: ["claim", "holds", "why"], rows: theory.claims.map { [$0.claim, $0.holds, $0.why] }).render()
        return text
    }

    private func panelSection(_ summary: SpilloverSummary, truth: InformationSpilloverTruth?) -> String {
        var rows = [
            ["plant × destination × year rows", "\(summary.rowCount)"],
            ["product rows", "\(summary.productRowCount)"],
            ["plants per firm: mean / median", "\(number(summary.meanPlantsPerFirm)) / \(number(summary.medianPlantsPerFirm))"],
            ["largest plant's share of firm exports (Table 1: 0.6–0.8)", number(summary.meanLargestPlantShare)],
            ["share of rows with sister-city signals", number(summary.shareWithSisterSignals)],
        ]
        if let truth {
            rows += [
                ["mean δ (rows with sister-city signals)", number(truth.deltaMean)],
                ["mean ∂ln r/∂ȳ^oth = δ n^oth/n: plain / weighted by 1/n^oth", "\(number(truth.slopeOtherMean)) / \(number(truth.slopeOtherWeightedMean))"],
                ["target of β1 / β2 (1/n^oth-weighted projection of the slope on 1, lndensity)", "\(number(truth.beta1)) / \(number(truth.beta2))"],
            ]
        }
        return "## Simulated panel (replication 0)\n\n" + MarkdownTable(header: ["moment", "value"], rows: rows).render()
    }

    private func structuralSection() -> String {
        guard let (bins, ratio) = meanFit else { return "" }
        var text = "### Structural fit of δ(n) = n/(ρ + n) (mean over replications; plot `plots/delta-of-n`)\n\n"
        text += "Slopes of lnexp on the pooled signal within \(bins.count) quantile bins of n, FE it + mt + cm + bin, "
        text += "clustered by city × destination; ρ̂ by weighted nonlinear least squares with a sandwich SE.\n\n"
        text += MarkdownTable(header: ["bin harmonic-mean n", "slope", "mean SE", "fitted δ (1/n-weighted bin mean)"], rows: bins.map {
            [number($0.meanSignals), number($0.slope), number($0.standardError), number($0.fitted)]
        }).render()
        text += "\n\nMean ρ̂ = \(number(ratio)) against the true v_z/v_d = \(number(theory.parameters.noiseRatio))."
        return text
    }
}
