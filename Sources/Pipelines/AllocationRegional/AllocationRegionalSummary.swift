import Foundation
import Measures
import Models
import Reporting

/// summary.md of an allocation-regional run: the geography and the noise-free path.
struct AllocationRegionalSummary {
    let theory: AllocationRegionalTheory

    static func number(_ value: Double) -> String { NumberFormat.general(value, digits: 6) }

    func sections() -> ModelSummary {
        var summary = ModelSummary()
        let p = theory.parameters
        summary.headline = "Paper 000's province layer: \(p.regionCount) provinces × \(p.yearCount) years (\(p.firstYear)–\(p.calendarYear(p.yearCount - 1))), "
            + "\(p.entrantsPerRegion) potential entrants per province, \(p.productCount) products; documented in docs/models/allocation-efficiency.md."
        summary.theory = [pathSection(), structureSection()]
        summary.recoveryPreamble = "Each replication redraws Internet, allocation, control and technology innovations, the firms and the "
            + "indicators (the geography and W stay fixed), measures MET by PRODY/EXPY over the drawn exports and INTER by projection "
            + "pursuit, and runs the scenario's blocks. Truths named truth.* are defined in docs/models/allocation-efficiency.md."
        return summary
    }

    /// Means by year of the noise-free path: Internet, efficiency, technology, expected MET, PGDP and ALLO.
    private func pathSection() -> String {
        let p = theory.parameters, regions = p.regionCount
        let assembly = RegionalAssembly(parameters: p, geography: theory.geography, seed: theory.seed)
        let met = (try? assembly.sophistication(productExports: assembly.expectedProductExports(theory.economies.classExports),
                                                income: theory.economies.income).met) ?? []
        func mean(_ values: [Double], _ t: Int, coastal: Bool? = nil) -> Double {
            let picked = (0..<regions).filter { coastal == nil || theory.geography.coastal[$0] == coastal }.map { values[t * regions + $0] }
            return picked.reduce(0, +) / Double(max(picked.count, 1))
        }
        let rows = (0..<p.yearCount).map { t -> [String] in
            [String(p.calendarYear(t)), Self.number(mean(theory.paths.internet, t)), Self.number(mean(theory.paths.technology, t)),
             met.isEmpty ? "—" : Self.number(mean(met, t, coastal: true)), met.isEmpty ? "—" : Self.number(mean(met, t, coastal: false)),
             Self.number(mean(theory.economies.income, t)), Self.number(mean(theory.accounts.allo, t))]
        }
        let table = MarkdownTable(header: ["year", "mean I", "mean T", "MET coastal", "MET inland", "PGDP", "ALLO"], rows: rows,
                                  alignments: [.left] + Array(repeating: .right, count: 6)).render()
        return "## The noise-free path\n\nEvery innovation zero and exports at their expectations (MET by eqs. 12–13 over expected "
            + "exports). \(theory.economies.numericalSolutions) of \(regions * p.yearCount) province-year equilibria have cutoffs below φ_min for some complexity, or every producer exporting, and were solved numerically (Brent and quadrature; the closed form elsewhere).\n\n" + table
    }

    private func structureSection() -> String {
        let p = theory.parameters
        let rows: [[String]] = [
            ["θ's response to Internet", "λ", Self.number(p.thetaInternet)],
            ["technology diffusion (W_FP)", "ρ", Self.number(p.technologyDiffusion)],
            ["Internet's strengthening of diffusion", "ρ′", Self.number(p.technologyDiffusionInternet)],
            ["catch-up", "α1", Self.number(p.catchUp)],
            ["Internet's acceleration of the catch-up", "α3", Self.number(p.catchUpInternet)],
            ["convergence acceleration", "α3/α1", Self.number(p.convergenceAcceleration)],
            ["coastal provinces", "", "\(theory.geography.coastal.filter { $0 }.count) of \(p.regionCount)"],
        ]
        return "## Structural channels\n\n" + MarkdownTable(header: ["channel", "symbol", "value"], rows: rows).render()
    }
}
