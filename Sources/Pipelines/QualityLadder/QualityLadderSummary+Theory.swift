import Foundation
import Models
import Reporting

/// The theory sections of a quality-ladder summary: the consistent equilibrium and statics, and the
/// as-printed equations with the regime table.
extension QualityLadderSummary {
    func consistentSection() -> String {
        let p = theory.parameters
        var text = "## Consistent variant: equilibrium\n\n"
        text += "ψ = ψ0/(θ^{2ρ} δ_λ² I), ϕ = E(β−μ)/(4γψ − E(β−μ)²), Π = Eψ/(4γψ − E(β−μ)²), "
        text += "c_D^{k+2} = (k+1)(k+2) c_M^k f_E/(2ΠΩ), λ_F = ϕ c_D, Δλ_i = ϕ c_i.\n\n"
        text += MarkdownTable(header: ["condition", "holds", "detail"],
                              rows: theory.conditions.map { [$0.condition, mark($0.holds), $0.detail] }).render()
        switch theory.consistent {
        case .noEquilibrium(let reason, let keys):
            text += "\n\n**No consistent equilibrium**: \(reason) (keys: \(keys.joined(separator: ", "))). "
            text += p.variant == .asPrinted ? "The as-printed reading below does not need one." : ""
        case .solved(let closed, let numerical, let statics, let ladder):
            func row(_ name: String, _ value: (QualityLadderEquilibrium) -> Double) -> [String] {
                let a = value(closed), b = value(numerical)
                let scale = max(abs(a), abs(b))
                return [name, number(a), number(b),
                        scale < 1e-12 ? "both ≈ 0" : NumberFormat.significant(abs(a - b) / scale, digits: 2)]
            }
            text += "\n\n" + MarkdownTable(header: ["quantity", "closed form", "numerical (Brent + quadrature)", "relative difference"], rows: [
                row("c_D, cost cutoff", \.costCutoff),
                row("ϕ, quality coefficient", \.qualityCoefficient),
                row("Π, profit coefficient", \.profitCoefficient),
                row("λ_F = ϕ c_D, frontier quality", \.frontierQuality),
                row("ψ, quality-cost coefficient", \.qualityCostCoefficient),
                row("4γψ − E(β−μ)² (SOC margin)", \.secondOrderMargin),
                row("Ω, ladder weight", \.ladderWeight),
                row("Q^c = (α − c_D)/η", \.aggregateConsumption),
                row("N_E, entrants", \.entrantMass),
                row("|E[π]/f_E − 1| at c_D", \.freeEntryResidual),
            ]).render()
            text += "\n\n### Comparative statics w.r.t. I, θ, ρ at c = \(number(statics.cost)): analytic and central finite differences\n\n"
            text += "Firm level: the firm's own I_i, θ_i or ρ_i moves (c_D, λ_F fixed), the catch-up effect. Industry level: "
            text += "everyone's moves and c_D, λ_F adjust by free entry, so ∂Δλ_i/∂x = (∂ϕ/∂x) c_i > 0 — distances widen.\n\n"
            let checks = statics.firmLevel.map { ("firm", $0) } + statics.industryLevel.map { ("industry", $0) }
            text += MarkdownTable(header: ["level", "derivative", "analytic", "finite difference", "relative difference"],
                                  rows: checks.map { level, check in
                [level, check.name, number(check.analytic), number(check.finiteDifference),
                 NumberFormat.significant(check.relativeDifference, digits: 2)]
            }).render()
            text += "\n\n### Product ladder and Proposition 5 (consistent reading)\n\n"
            text += "A firm with core cost c = c_D/4 = \(number(ladder.coreCost)) makes \(ladder.productCount) of up to "
            text += "\(p.maximumProducts) products (product n costs c/ω^{n−1}, ω = \(number(p.ladderCostFactor))):\n\n"
            text += MarkdownTable(header: ["n", "cost c/ω^{n−1}", "λ_n", "Δλ_n"], rows: ladder.rungs.map {
                ["\($0.product)", number($0.cost), number($0.quality), number($0.distance)]
            }).render()
            text += "\n\n**Proposition 5, stated honestly:** Δλ_n = ϕ c/ω^{n−1} *rises* in n whenever ϕ > 0 and c > 0, so a "
            text += "firm's added products lie further from the frontier; adding varieties does not narrow the quality distance "
            text += "product by product. The paper's claim needs ϕ < 0, which contradicts its own (12)."
        }
        return text
    }

    func printedSection() -> String {
        let table = theory.propositionTable
        var text = "## As-printed variant: eqs. (4), (9), (11)–(14) and the regime table (notes §2.4)\n\n"
        func value(_ result: Result<Double, ModelError>) -> String {
            switch result {
            case .success(let x): return number(x)
            case .failure(let error): return "undefined: \(error.description)"
            }
        }
        text += MarkdownTable(header: ["quantity", "value"], rows: [
            ["D = E(β−μ)² − 4γθ^{−2ρ}δ_λ^{−2}", number(table.secondOrderValue)],
            ["stationary point of (9)", table.isProfitMaximum ? "a profit maximum (D < 0)" : "NOT a maximum (D ≥ 0): the SOC fails"],
            ["ϕ = E(μ−β)/D, eq. (9)", number(table.distanceCoefficient)],
            ["φ_D, eq. (11) as printed", value(theory.printedThreshold)],
            ["φ_D, corrected (11)", value(theory.correctedThreshold)],
            ["Δλ_i = (1−δ_λ)θ^{−ρ}I^{−1/2}, eq. (4)", number(theory.printed.qualityDistance(digitalInput: theory.parameters.digitalInput))],
            ["∂ln Δλ/∂ln I, eq. (4)", number(PrintedQualityModel.digitalInputElasticity)],
        ]).render()
        if !theory.printedChecks.isEmpty {
            text += "\n\n### Derivatives (φ_D fixed, as the paper does): corrected analytic, finite difference, as printed\n\n"
            text += MarkdownTable(header: ["derivative", "point", "analytic", "finite difference", "as printed"],
                                  rows: theory.printedChecks.map {
                [$0.name, $0.point, number($0.analytic), number($0.finiteDifference), $0.printed.map(number) ?? "same"]
            }).render()
        }
        text += "\n\n### Regime table: which printed claims hold here\n\n"
        text += MarkdownTable(header: ["claim", "printed sign", "value", "holds", "condition", "SOC (maximum)"],
                              rows: table.rows.map {
            [$0.claim, $0.printedSign, number($0.value), mark($0.holds), $0.condition, mark($0.soc)]
        }).render()
        text += "\n\nThe printed signs of (12)–(14) hold together only at a profit minimum (D > 0) when θ > 1 and ρ > 0; "
        text += "Proposition 5 needs ϕ < 0, against (12)."
        return text
    }
}
