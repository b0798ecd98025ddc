import Foundation

/// The firm economy of every province-year of one replication: the allocation-efficiency equilibrium
/// at efficiency level ln θ_rt + T_rt with the province-year's fixed cost, φ_min, foreign demand and
/// labour force (the controls' channels), its income per worker and its expected exports by complexity
/// class, and the same at the level ± h for the contemporaneous derivatives. Arrays are `[t * R + r]`
/// (classes: `[(t * R + r) * M + m − 1]`).
public struct RegionalEconomyPanel: Sendable {
    /// The region-year economies' parameters (the firm draws need φ_min, A_x and the cutoffs).
    let economies: [AllocationEfficiencyParameters]
    let equilibria: [AllocationEfficiencyEquilibrium]
    /// ln θ_rt + T_rt.
    public let efficiencyLevel: [Double]
    /// PGDP_rt = y₀ × real income per worker, and at the level ± h.
    public let income: [Double], incomeUp: [Double], incomeDown: [Double]
    /// E[exports of class m] = N P(m) σ A_x τ^{1−σ} ψ_m^{σ−1} E[φ0^{σ−1}; ψ_m φ0 ≥ φ*_x], and at ± h.
    public let classExports: [Double], classExportsUp: [Double], classExportsDown: [Double]
    /// L_rt.
    public let labourForce: [Double]
    /// The step of the central differences in the efficiency level.
    public static let step = 1e-4
    /// Province-years whose equilibrium needed the numerical solver (cutoffs not interior).
    public let numericalSolutions: Int

    init(parameters p: AllocationRegionalParameters, geography: RegionalGeography, paths: RegionalPaths) throws {
        let regions = p.regionCount, cells = p.regionCount * p.yearCount, classes = p.complexityCount
        var economies: [AllocationEfficiencyParameters] = [], equilibria: [AllocationEfficiencyEquilibrium] = []
        var level = [Double](repeating: 0, count: cells), labour = level
        var income = level, incomeUp = level, incomeDown = level
        var exports = [Double](repeating: 0, count: cells * classes), exportsUp = exports, exportsDown = exports
        var numerical = 0
        let worldDemand = Self.worldDemandFactors(parameters: p, paths: paths)
        economies.reserveCapacity(cells)
        equilibria.reserveCapacity(cells)
        for cell in 0..<cells {
            let region = cell % regions
            var economy = p.economy
            let deviation = { (control: RegionalControl) in paths.controls[control.rawValue][cell] - control.mean }
            economy.fixedCost *= exp(p.governmentEffect * deviation(.government))
            economy.paretoScale *= exp(p.labourQualityEffect * deviation(.labourQuality))
            economy.foreignDemand *= exp(p.opennessEffect * deviation(.openness)) * worldDemand[cell / regions]
            economy.labourForce = geography.labourForce[region] * exp(p.urbanisationEffect * deviation(.urbanisation))
            let efficiency = paths.logTheta[cell] + paths.technology[cell]
            let model = AllocationEfficiencyModel(parameters: economy)
            let solve = { (at: Double) throws -> AllocationEfficiencyEquilibrium in
                do { return try model.solveWithExactIntegrals(internetLevel: at) } catch let error as ModelError {
                    throw Self.located(error, cell: cell, parameters: p)
                }
            }
            let equilibrium = try solve(efficiency)
            let up = try solve(efficiency + Self.step), down = try solve(efficiency - Self.step)
            if equilibrium.method == .numerical { numerical += 1 }
            for (solution, target) in [(equilibrium, 0), (up, 1), (down, 2)] {
                let perClass = Self.expectedClassExports(solution, entrants: p.entrantsPerRegion)
                let value = p.incomeScale * solution.welfarePerWorker
                switch target {
                case 0: income[cell] = value; exports.replaceSubrange((cell * classes)..<((cell + 1) * classes), with: perClass)
                case 1: incomeUp[cell] = value; exportsUp.replaceSubrange((cell * classes)..<((cell + 1) * classes), with: perClass)
                default: incomeDown[cell] = value; exportsDown.replaceSubrange((cell * classes)..<((cell + 1) * classes), with: perClass)
                }
            }
            level[cell] = efficiency
            labour[cell] = economy.labourForce
            economies.append(economy)
            equilibria.append(equilibrium)
        }
        self.economies = economies
        self.equilibria = equilibria
        efficiencyLevel = level
        self.income = income
        self.incomeUp = incomeUp
        self.incomeDown = incomeDown
        classExports = exports
        classExportsUp = exportsUp
        classExportsDown = exportsDown
        labourForce = labour
        numericalSolutions = numerical
    }

    /// The foreign demand factor of each year, (S(ḡ_t)/S(ḡ_0))^{−χ(σ−1)/k}: foreign competitors' technology
    /// keeps pace (χ = 1) with the provinces' mean efficiency level ḡ_t = mean_r(ln θ_rt + T_rt), so that the
    /// export market tightens as the domestic one does (in the closed form A_d ∝ S^{−(σ−1)/k}); S(g) =
    /// Σ_m P(m) (e^g/κ)^{mk}. A_x is foreign demand in the first year. With χ = 0 it is frozen, and a rising
    /// ḡ soon makes every producer an exporter.
    static func worldDemandFactors(parameters p: AllocationRegionalParameters, paths: RegionalPaths) -> [Double] {
        let regions = p.regionCount, economy = p.economy
        let moments = (0..<p.yearCount).map { t in
            var total = 0.0
            for r in 0..<regions { total += paths.logTheta[t * regions + r] + paths.technology[t * regions + r] }
            return ComplexityEconomy(parameters: economy, internetLevel: total / Double(regions)).complexityMoment
        }
        return moments.map { pow($0 / moments[0], -p.worldTracking * (economy.elasticityOfSubstitution - 1) / economy.paretoShape) }
    }

    /// Expected exports of each complexity class of N entrants: N P(m) ∫ σ A_x τ^{1−σ} (ψ_m φ0)^{σ−1} dG
    /// over φ0 ≥ φ*_x/ψ_m (φ*_x the effective export cutoff, which includes serving the home market).
    static func expectedClassExports(_ equilibrium: AllocationEfficiencyEquilibrium, entrants: Int) -> [Double] {
        let p = equilibrium.parameters
        let economy = ComplexityEconomy(parameters: p, internetLevel: equilibrium.internetLevel)
        let sigma = p.elasticityOfSubstitution
        return (1...p.maximumComplexity).map { m in
            let psi = economy.productivityMultiplier(m)
            let shifter = sigma * economy.exportShifter * pow(psi, sigma - 1)
            let perEntrant = economy.paretoProfitIntegral(shifter: shifter, fixedCost: 0,
                                                          lowerLimit: equilibrium.effectiveExportCutoff / psi)
            return Double(entrants) * p.complexityProbabilities[m - 1] * perEntrant
        }
    }

    /// A model error of one province-year, naming it.
    static func located(_ error: ModelError, cell: Int, parameters p: AllocationRegionalParameters) -> ModelError {
        let place = "province \(cell % p.regionCount + 1), \(p.calendarYear(cell / p.regionCount))"
        switch error {
        case .noEquilibrium(let reason, let keys):
            return .noEquilibrium(reason: "\(place): \(reason)", keys: keys + ["I0", "I_trend", "rho"])
        case .numerical(let message): return .numerical("\(place): \(message)")
        default: return error
        }
    }
}
