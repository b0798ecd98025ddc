import Foundation
import Models
import MonteCarlo
import Reporting

/// summary.md of an allocation-efficiency run: equilibrium, statics, propositions, sweep and recovery.
struct AllocationEfficiencySummary {
    let theory: AllocationEfficiencyTheory
    let sweep: AllocationEfficiencySweep?

    var equilibrium: AllocationEfficiencyEquilibrium { theory.equilibrium }
    var closedForm: AllocationEfficiencyEquilibrium? { theory.closedForm }
    var statics: AllocationEfficiencyStatics { theory.statics }
    /// The sweep's equilibria when the sweep is over I alone, otherwise the theory's own grid of I.
    var claimGrid: [AllocationEfficiencyEquilibrium] {
        if let sweep, sweep.axes.count == 1, sweep.axes.first?.parameter == "I" { return sweep.equilibria }
        return theory.claimGrid
    }

    /// The paper's symbol of a scenario key, e.g. "σ" for "sigma".
    static func symbol(of key: String) -> String {
        if key == "sales_shape" { return "α" }
        return AllocationEfficiency.descriptor.parameter(key)?.symbol ?? key
    }

    /// Six significant digits without trailing zeros.
    static func number(_ value: Double) -> String { NumberFormat.general(value, digits: 6) }

    private func number(_ value: Double) -> String { Self.number(value) }

    /// The model's sections of summary.md.
    func sections() -> ModelSummary {
        var summary = ModelSummary()
        summary.theory = [equilibriumSection(), cutoffSection(), staticsSection(), propositionSection(), claimSection()]
        if let sweep { summary.theory.append(sweepSection(sweep)) }
        summary.recoveryPreamble = "Each replication draws a \(equilibrium.parameters.regionCount)-region × \(equilibrium.parameters.yearCount)-year firm panel. "
            + "α̂ is the Pareto tail MLE of final-year domestic sales, σ̂ = μ̂/(μ̂ − 1) with ln μ̂ the mean of ln(revenue ÷ production employment), "
            + "and k̂ = α̂(σ̂ − 1) with a delta-method SE."
        return summary
    }

    private func equilibriumSection() -> String {
        let e = equilibrium
        var rows: [[String]] = [
            ["allocation efficiency", "θ = e^I", number(e.allocationEfficiency)],
            ["domestic demand level", "A_d", number(e.domesticDemand)],
            ["effective domestic cutoff", "φ*_d", number(e.effectiveDomesticCutoff)],
            ["effective export cutoff", "φ*_x", number(e.effectiveExportCutoff)],
            ["exporter share of producers", "", number(e.exporterShare)],
            ["mean complexity of exporters", "m̄_x", number(e.meanExporterComplexity)],
            ["mean complexity of producers", "m̄", number(e.meanActiveComplexity)],
            ["export cutoff complexity at φ0 = \(number(e.parameters.referenceProductivity))", "m*_x(φ0, I)",
             number(e.referenceExportCutoffComplexity)],
            ["aggregate productivity", "φ̃", number(e.aggregateProductivity)],
            ["welfare per worker", "W = 1/P", number(e.welfarePerWorker)],
            ["free-entry residual", "|E[π]/f_e − 1|", NumberFormat.significant(e.freeEntryResidual, digits: 2)],
            ["regime", "", e.regime.closedFormApplies ? "interior cutoffs, partitioned exporting"
                : "\(e.regime.interiorCutoffs ? "interior" : "truncated") cutoffs, \(e.regime.partitioned ? "partitioned" : "all producers export")"],
        ]
        if let closedForm {
            let difference = abs(closedForm.domesticDemand / e.domesticDemand - 1)
            rows.append(["closed-form A_d (relative difference)", "A_d",
                         "\(number(closedForm.domesticDemand)) (\(NumberFormat.significant(difference, digits: 2)))"])
        }
        let table = MarkdownTable(header: ["quantity", "symbol", "value"], rows: rows).render()
        return "## Equilibrium at I = \(number(e.internetLevel))\n\nSolved numerically (Brent on ln A_d, expected profit by QAGIU quadrature).\n\n" + table
    }

    private func cutoffSection() -> String {
        let rows = equilibrium.cutoffs.map { c in
            ["\(c.complexity)", number(c.probability), number(c.domesticCutoff), number(c.exportCutoff),
             number(c.activeShare), number(c.exporterShare)]
        }
        return "### Cutoffs by complexity (initial productivity φ0)\n\n" + MarkdownTable(
            header: ["m", "P(m)", "φ*_d(m)", "φ*_x(m)", "share producing", "share exporting"], rows: rows).render()
    }

    private func staticsSection() -> String {
        let rows = (statics.firmLevel + statics.equilibrium).map { check in
            [check.name, check.point, number(check.analytic), number(check.finiteDifference),
             NumberFormat.significant(check.relativeDifference, digits: 2), check.printed.map(number) ?? ""]
        }
        var text = "## Comparative statics\n\nAnalytic (corrected) beside central finite differences; the last column is the paper's printed eq. (11).\n\n"
        text += MarkdownTable(header: ["derivative", "at", "analytic", "finite difference", "relative difference", "as printed"],
                              rows: rows).render()
        if statics.equilibrium.isEmpty {
            text += "\n\nThe equilibrium derivatives in I are reported only in the interior, partitioned regime."
        }
        return text
    }

    private func propositionSection() -> String {
        let rows = statics.propositions.map { [$0.claim, $0.holds ? "yes" : "no", $0.condition] }
        return "## Which claims hold at these parameters\n\n" + MarkdownTable(header: ["claim", "holds", "condition"], rows: rows).render()
    }

    private func claimSection() -> String {
        guard let first = claimGrid.first, let last = claimGrid.last else { return "" }
        let falls = (1..<max(1, claimGrid.count)).filter { claimGrid[$0].meanExporterComplexity < claimGrid[$0 - 1].meanExporterComplexity }
        var text = "## Grid check: does Internet raise the mean complexity of exporters?\n\n"
        text += "Over \(claimGrid.count) values of I from \(number(first.internetLevel)) to \(number(last.internetLevel)), "
        text += "m̄_x goes from \(number(first.meanExporterComplexity)) to \(number(last.meanExporterComplexity)). "
        if falls.isEmpty {
            text += "It rises at every step of the grid."
        } else {
            let places = falls.prefix(5).map { "I = \(number(claimGrid[$0 - 1].internetLevel)) → \(number(claimGrid[$0].internetLevel))" }
            text += "It falls at \(falls.count) steps: \(places.joined(separator: "; "))."
        }
        let outside = claimGrid.filter { !$0.regime.closedFormApplies }.count
        text += " \(claimGrid.count - outside) of the \(claimGrid.count) points are in the interior, partitioned regime, where d m̄_x/dI = k·Var(m | exporter) > 0 holds analytically whatever κ is."
        return text
    }

    private func sweepSection(_ sweep: AllocationEfficiencySweep) -> String {
        let header = sweep.axes.map { Self.symbol(of: $0.parameter) } + ["A_d", "exporter share", "m̄_x", "m*_x(φ0_ref)", "W", "regime"]
        let rows = zip(sweep.points, sweep.equilibria).map { values, e in
            sweep.axes.map { number(values.real($0.parameter) ?? .nan) } + [
                number(e.domesticDemand), number(e.exporterShare), number(e.meanExporterComplexity),
                number(e.referenceExportCutoffComplexity), number(e.welfarePerWorker),
                e.regime.closedFormApplies ? "closed form" : "numerical only",
            ]
        }
        return "## Sweep\n\nSeries in `sweep.dat`; plot script `sweep.gp`.\n\n" + MarkdownTable(header: header, rows: rows).render()
    }
}
