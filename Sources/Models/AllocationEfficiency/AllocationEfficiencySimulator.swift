import Foundation
import Numerical
import PanelData

/// Equilibria of every region and year of a simulated panel. Deterministic: solved once per run
/// and shared by all replications.
public struct AllocationEfficiencyPanelEquilibrium: Sendable {
    public let parameters: AllocationEfficiencyParameters
    /// `byRegionYear[r][t]` is region r's equilibrium in year t (both 0-based).
    public let byRegionYear: [[AllocationEfficiencyEquilibrium]]

    /// Whether active firms' domestic sales are exactly Pareto(k/(σ−1), σf) in every region-year.
    public var salesAreExactlyPareto: Bool { byRegionYear.allSatisfy { $0.allSatisfy { $0.regime.interiorCutoffs } } }
}

/// What the simulator knows and the estimators must recover.
public struct AllocationEfficiencyTruth: Sendable, Codable, Equatable, ModelTruth {
    /// k.
    public let paretoShape: Double
    /// σ.
    public let elasticityOfSubstitution: Double
    /// α = k/(σ−1), the Pareto shape of active firms' domestic sales.
    public var salesShape: Double { paretoShape / (elasticityOfSubstitution - 1) }
    /// σf, the Pareto scale of active firms' domestic sales.
    public let salesScale: Double

    /// The truths a scenario's `[[estimate]]` may name, with their meaning.
    public static let meanings: [(name: String, meaning: String)] = [
        ("k", "Pareto shape of φ0"),
        ("sigma", "elasticity of substitution σ"),
        ("sigma_minus_one", "σ − 1: the elasticity of sales and of employment with respect to productivity"),
        ("sales_shape", "α = k/(σ − 1), the Pareto shape of producers' domestic sales"),
    ]

    /// The truth called `name` (see `meanings`), or nil.
    public func value(named name: String) -> Double? {
        switch name {
        case "k": return paretoShape
        case "sigma": return elasticityOfSubstitution
        case "sigma_minus_one": return elasticityOfSubstitution - 1
        case "sales_shape": return salesShape
        default: return nil
        }
    }
}

/// A simulated firm × year panel and the truth behind it.
public struct AllocationEfficiencyPanel: Sendable {
    /// Columns: firm, region, year, I, phi0, m, exporter, domestic_sales, export_sales, employment.
    public let dataset: Dataset
    public let truth: AllocationEfficiencyTruth
}

extension AllocationEfficiencyModel {
    /// The equilibrium at `internetLevel` by the closed form for A_d where it applies (every cutoff
    /// interior and exporting partitioned, checked on the solution), and by the numerical solver
    /// elsewhere, so it is valid in every regime. Where both apply they agree to about 1e-16
    /// (`summary.md`'s closed-form row; tested). The equilibrium's `method` records which was used.
    public func solvePreferringClosedForm(internetLevel: Double) throws -> AllocationEfficiencyEquilibrium {
        if let closedForm = try? solve(internetLevel: internetLevel, method: .closedForm) { return closedForm }
        return try solve(internetLevel: internetLevel)
    }

    /// Solves every region-year economy of the panel (``solvePreferringClosedForm(internetLevel:)``);
    /// `progress` is told the number solved so far after each region.
    public func solvePanel(progress: ((_ solved: Int, _ total: Int) -> Void)? = nil) throws -> AllocationEfficiencyPanelEquilibrium {
        let p = parameters
        let total = p.regionCount * p.yearCount
        try AllocationGuard.check([p.regionCount, p.yearCount], bytesPerElement: 400,
                                  what: "the region-year equilibria", keys: ["regions", "years"])
        let equilibria = try (0..<p.regionCount).map { region in
            let row = try (0..<p.yearCount).map { year in
                try solvePreferringClosedForm(internetLevel: p.internetLevel(region: region, year: year))
            }
            progress?((region + 1) * p.yearCount, total)
            return row
        }
        return AllocationEfficiencyPanelEquilibrium(parameters: p, byRegionYear: equilibria)
    }

    /// Draws a firm × year panel.
    ///
    /// Each region has N potential entrants. Entrant j draws two uniforms from `firmDraws`, in
    /// this order: U₁ gives φ0 = φ_min U₁^{−1/k} (Pareto(k, φ_min) by inversion) and U₂ gives m by
    /// inversion of the cumulative P(m). In year t a firm produces if (θ_rt/κ)^m φ0 ≥ φ*_d,rt and
    /// exports if also above φ*_x,rt. Only producing firm-years are rows, in the order region,
    /// firm, year. Sales are r_d = σ A_d φ^{σ−1} and r_x = σ A_x τ^{1−σ} φ^{σ−1};
    /// `employment` counts production workers, ρ(r_d + r_x), times e^ε with ε = s_ε z and z a
    /// standard normal from `measurementErrors` (``NormalZiggurat``), one per row in row order.
    ///
    /// Two passes: the first draws every entrant and keeps those that can produce in some year
    /// (an entrant whose U₁ exceeds (φ_min/φ̲)^k, where φ̲ is the least φ0 that produces in some
    /// year of its region at its m, never produces and is skipped without computing φ0; the bound
    /// is widened by 1e-12 relative, and the year-by-year test decides), counting their rows; the
    /// second fills columns of exactly that length.
    public func simulate(_ panel: AllocationEfficiencyPanelEquilibrium, firmDraws: inout PhiloxStream,
                         measurementErrors: inout PhiloxStream) throws -> AllocationEfficiencyPanel {
        let p = parameters
        let layout = FirmPanelLayout(model: self, panel: panel)
        let producers = layout.drawProducers(firmDraws: &firmDraws)
        let rows = producers.reduce(0) { $0 + $1.producingYears }
        try AllocationGuard.check([rows, 10], bytesPerElement: 8, what: "the simulated firm panel",
                                  keys: ["regions", "years", "firms_per_region"])
        let dataset = try layout.fill(producers: producers, rows: rows, measurementErrors: &measurementErrors)
        let truth = AllocationEfficiencyTruth(paretoShape: p.paretoShape, elasticityOfSubstitution: p.elasticityOfSubstitution,
                                              salesScale: p.elasticityOfSubstitution * p.fixedCost)
        return AllocationEfficiencyPanel(dataset: dataset, truth: truth)
    }
}

/// What the simulator needs of one region-year's equilibrium.
struct RegionYearTerms {
    let internetLevel: Double
    let domesticDemand: Double
    let domesticCutoff: Double
    let exportCutoff: Double

    init(_ equilibrium: AllocationEfficiencyEquilibrium) {
        internetLevel = equilibrium.internetLevel
        domesticDemand = equilibrium.domesticDemand
        domesticCutoff = equilibrium.effectiveDomesticCutoff
        exportCutoff = equilibrium.effectiveExportCutoff
    }
}
