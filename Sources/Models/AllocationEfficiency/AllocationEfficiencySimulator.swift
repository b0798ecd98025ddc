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
    /// Solves every region-year economy of the panel (numerically, valid in every regime);
    /// `progress` is told the number solved so far after each region.
    public func solvePanel(progress: ((_ solved: Int, _ total: Int) -> Void)? = nil) throws -> AllocationEfficiencyPanelEquilibrium {
        let p = parameters
        let total = p.regionCount * p.yearCount
        try AllocationGuard.check([p.regionCount, p.yearCount], bytesPerElement: 400,
                                  what: "the region-year equilibria", keys: ["regions", "years"])
        let equilibria = try (0..<p.regionCount).map { region in
            let row = try (0..<p.yearCount).map { year in try solve(internetLevel: p.internetLevel(region: region, year: year)) }
            progress?((region + 1) * p.yearCount, total)
            return row
        }
        return AllocationEfficiencyPanelEquilibrium(parameters: p, byRegionYear: equilibria)
    }

    /// Draws a firm × year panel.
    ///
    /// Each region has N potential entrants, each drawing φ0 ~ Pareto(k, φ_min) and m ~ P(m) once from
    /// `firmDraws`. In year t a firm produces if (θ_rt/κ)^m φ0 ≥ φ*_d,rt and exports if also above φ*_x,rt.
    /// Only producing firm-years are rows. Sales are r_d = σ A_d φ^{σ−1} and r_x = σ A_x τ^{1−σ} φ^{σ−1};
    /// `employment` counts production workers, ρ(r_d + r_x), times e^ε with ε ~ N(0, s_ε²) drawn from
    /// `measurementErrors` for every row in row order.
    public func simulate(_ panel: AllocationEfficiencyPanelEquilibrium, firmDraws: RandomStream, measurementErrors: RandomStream) throws -> AllocationEfficiencyPanel {
        let p = parameters, sigma = p.elasticityOfSubstitution
        let productivity = try ParetoDistribution(shape: p.paretoShape, scale: p.paretoScale)
        let complexity = try CategoricalDistribution(probabilities: p.complexityProbabilities)
        let noise = try NormalDistribution(mean: 0, standardDeviation: 1)
        let exportShifter = sigma * p.foreignDemand * pow(p.icebergCost, 1 - sigma)
        let kappaLog = log(p.complexityDilution)
        // The few numbers the firm loop needs from each region-year, in a flat array of plain values:
        // copying whole equilibria (which hold arrays) per firm-year costs reference counting.
        let years = p.yearCount, complexities = p.maximumComplexity
        let terms = panel.byRegionYear.flatMap { $0.map(RegionYearTerms.init) }
        // (θ_rt/κ)^m for every region-year and m, so the firm loop multiplies instead of calling exp.
        let multipliers = terms.flatMap { term in
            (1...max(1, complexities)).map { exp((term.internetLevel - kappaLog) * Double($0)) }
        }
        var columns = PanelColumns()
        var firm = 0
        for region in 0..<p.regionCount {
            for _ in 0..<p.entrantsPerRegion {
                let phi0 = productivity.sample(firmDraws)
                let m = complexity.sample(firmDraws) + 1
                for year in 0..<years {
                    let cell = region * years + year
                    let term = terms[cell]
                    let phi = multipliers[cell * complexities + m - 1] * phi0
                    guard phi >= term.domesticCutoff else { continue }
                    let scaled = pow(phi, sigma - 1)
                    let domesticSales = sigma * term.domesticDemand * scaled
                    let exports = phi >= term.exportCutoff
                    let exportSales = exports ? exportShifter * scaled : 0
                    let error = p.employmentErrorScale * noise.sample(measurementErrors)
                    columns.append(firm: firm, region: region + 1, year: year + 1, internetLevel: term.internetLevel,
                                   phi0: phi0, complexity: m, exporter: exports, domesticSales: domesticSales,
                                   exportSales: exportSales,
                                   employment: p.inverseMarkup * (domesticSales + exportSales) * exp(error))
                }
                firm += 1
            }
        }
        let truth = AllocationEfficiencyTruth(paretoShape: p.paretoShape, elasticityOfSubstitution: sigma,
                                              salesScale: sigma * p.fixedCost)
        return AllocationEfficiencyPanel(dataset: try columns.dataset(), truth: truth)
    }
}

/// What the simulator needs of one region-year's equilibrium.
private struct RegionYearTerms {
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

/// Row-wise accumulation of the panel's columns.
private struct PanelColumns {
    var firm: [Int] = [], region: [Int] = [], year: [Int] = [], complexity: [Int] = [], exporter: [Int] = []
    var internetLevel: [Double] = [], phi0: [Double] = [], domesticSales: [Double] = []
    var exportSales: [Double] = [], employment: [Double] = []

    mutating func append(firm: Int, region: Int, year: Int, internetLevel: Double, phi0: Double, complexity: Int,
                         exporter: Bool, domesticSales: Double, exportSales: Double, employment: Double) {
        self.firm.append(firm)
        self.region.append(region)
        self.year.append(year)
        self.internetLevel.append(internetLevel)
        self.phi0.append(phi0)
        self.complexity.append(complexity)
        self.exporter.append(exporter ? 1 : 0)
        self.domesticSales.append(domesticSales)
        self.exportSales.append(exportSales)
        self.employment.append(employment)
    }

    func dataset() throws -> Dataset {
        try Dataset(columns: [
            .int("firm", firm), .int("region", region), .int("year", year), .double("I", internetLevel),
            .double("phi0", phi0), .int("m", complexity), .int("exporter", exporter),
            .double("domestic_sales", domesticSales), .double("export_sales", exportSales),
            .double("employment", employment),
        ])
    }
}
