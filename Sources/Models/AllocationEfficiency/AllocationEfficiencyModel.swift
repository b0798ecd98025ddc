import Foundation
import Numerical

/// The `allocation-efficiency` model: a Melitz economy with Pareto productivity, product
/// complexity m and allocation efficiency θ = e^I (paper 000, completed as in the README).
///
/// Model → `solve` → immutable `AllocationEfficiencyEquilibrium` → `simulate(…, streams)`.
public struct AllocationEfficiencyModel: Sendable {
    public let parameters: AllocationEfficiencyParameters

    public init(parameters: AllocationEfficiencyParameters) {
        self.parameters = parameters
    }

    /// Solves the equilibrium at Internet level `internetLevel` (default: the parameters' I).
    ///
    /// `.numerical` finds ln A_d by Brent's method on E[π](A_d) − f_e, with E[π] by quadrature; it
    /// works in every regime because E[π] rises strictly in A_d. `.closedForm` uses the explicit
    /// free-entry formula and throws when its regime conditions fail.
    public func solve(internetLevel: Double? = nil, method: SolutionMethod = .numerical) throws -> AllocationEfficiencyEquilibrium {
        let economy = ComplexityEconomy(parameters: parameters, internetLevel: internetLevel ?? parameters.internetLevel)
        let domesticDemand: Double
        switch method {
        case .closedForm:
            guard let closedForm = economy.closedFormDomesticDemand else {
                throw ModelError.noEquilibrium(
                    reason: "the closed form needs f_e (k−σ+1)/((σ−1) φ_min^k S) > f_x X; use the numerical solver",
                    keys: ["f_e", "A_x", "f_x"])
            }
            domesticDemand = closedForm
        case .numerical:
            domesticDemand = try solveNumerically(economy)
        }
        let equilibrium = try describe(economy, domesticDemand: domesticDemand, method: method)
        if method == .closedForm, !equilibrium.regime.closedFormApplies {
            throw ModelError.noEquilibrium(
                reason: "at I = \(economy.internetLevel) the cutoffs are not interior and partitioned, so the closed form does not apply",
                keys: ["f_e", "A_x", "phi_min"])
        }
        return equilibrium
    }

    /// The ln A_d that solves free entry, by bracketing and Brent's method.
    private func solveNumerically(_ economy: ComplexityEconomy) throws -> Double {
        let entryCost = parameters.entryCost
        var failure: Error?
        func excessProfit(_ logDemand: Double) -> Double {
            do {
                return try economy.expectedProfit(domesticDemand: exp(logDemand), byQuadrature: true) / entryCost - 1
            } catch {
                failure = failure ?? error
                return .nan
            }
        }
        let guess = economy.closedFormDomesticDemand.map(log) ?? 0
        var lower = guess - 0.5, upper = guess + 0.5
        var expansions = 0
        while excessProfit(lower) > 0 {
            lower -= 2 * Double(expansions + 1)
            expansions += 1
            guard expansions < 60 else { throw bracketFailure(failure) }
        }
        while excessProfit(upper) < 0 {
            upper += 2 * Double(expansions + 1)
            expansions += 1
            guard expansions < 120 else { throw bracketFailure(failure) }
        }
        do {
            let root = try RootFinder.brent(bracket: lower...upper, absoluteTolerance: 1e-14, relativeTolerance: 1e-15) {
                excessProfit($0)
            }
            if let failure { throw ModelError.numerical(String(describing: failure)) }
            return exp(root)
        } catch let error as ModelError {
            throw error
        } catch {
            throw ModelError.numerical("free entry: \(error)")
        }
    }

    private func bracketFailure(_ failure: Error?) -> ModelError {
        if let failure { return .numerical("expected profit: \(failure)") }
        return .noEquilibrium(reason: "expected profit never crosses f_e", keys: ["f_e", "f", "A_x"])
    }

    /// Every reported quantity at a given A_d.
    private func describe(_ economy: ComplexityEconomy, domesticDemand: Double,
                          method: SolutionMethod) throws -> AllocationEfficiencyEquilibrium {
        let p = parameters
        let sigma = p.elasticityOfSubstitution, k = p.paretoShape, scale = p.paretoScale
        let domesticCutoff = economy.effectiveDomesticCutoff(domesticDemand: domesticDemand)
        let exportCutoff = economy.effectiveExportCutoff(domesticDemand: domesticDemand)
        var cutoffs: [ComplexityCutoffs] = []
        var activeMass = 0.0, exporterMass = 0.0, activeComplexity = 0.0, exporterComplexity = 0.0
        var productivityMoment = 0.0
        var interior = true
        for (index, probability) in p.complexityProbabilities.enumerated() {
            let m = index + 1
            let psi = economy.productivityMultiplier(m)
            let phiD = domesticCutoff / psi, phiX = exportCutoff / psi
            if probability > 0, phiD < scale || phiX < scale { interior = false }
            let activeShare = pow(scale / max(phiD, scale), k)
            let exporterShare = pow(scale / max(phiX, scale), k)
            cutoffs.append(.init(complexity: m, probability: probability, domesticCutoff: phiD,
                                 exportCutoff: phiX, activeShare: activeShare, exporterShare: exporterShare))
            activeMass += probability * activeShare
            exporterMass += probability * exporterShare
            activeComplexity += Double(m) * probability * activeShare
            exporterComplexity += Double(m) * probability * exporterShare
            // E[φ^{σ−1} 1{active}] for this m: ψ^{σ−1} k φ_min^k a^{σ−1−k}/(k−σ+1).
            let a = max(phiD, scale)
            productivityMoment += probability * pow(psi, sigma - 1) * k * pow(scale, k) * pow(a, sigma - 1 - k) / (k - sigma + 1)
        }
        guard activeMass > 0 else {
            throw ModelError.noEquilibrium(reason: "no firm produces", keys: ["f", "f_e"])
        }
        let residual = try economy.expectedProfit(domesticDemand: domesticDemand, byQuadrature: false) / p.entryCost - 1
        let regime = EquilibriumRegime(interiorCutoffs: interior,
                                       partitioned: economy.effectiveExportBreakEven > domesticCutoff)
        return AllocationEfficiencyEquilibrium(
            parameters: p,
            internetLevel: economy.internetLevel,
            domesticDemand: domesticDemand,
            method: method,
            freeEntryResidual: abs(residual),
            effectiveDomesticCutoff: domesticCutoff,
            effectiveExportCutoff: exportCutoff,
            cutoffs: cutoffs,
            regime: regime,
            exporterShare: exporterMass / activeMass,
            meanExporterComplexity: exporterMass > 0 ? exporterComplexity / exporterMass : .nan,
            meanActiveComplexity: activeComplexity / activeMass,
            referenceExportCutoffComplexity: exportCutoffComplexity(
                initialProductivity: p.referenceProductivity, economy: economy, effectiveExportCutoff: exportCutoff),
            aggregateProductivity: pow(productivityMoment / activeMass, 1 / (sigma - 1)),
            welfarePerWorker: p.inverseMarkup * pow(p.labourForce / (sigma * domesticDemand), 1 / (sigma - 1)))
    }

    /// m*_x(φ0, I) = ln(φ*_x / φ0) / ln(θ/κ): the least (continuous) complexity at which a firm with
    /// initial productivity φ0 exports. 0 when it exports at any m ≥ 0; +∞ when θ ≤ κ and it does not.
    func exportCutoffComplexity(initialProductivity: Double, economy: ComplexityEconomy,
                                effectiveExportCutoff: Double) -> Double {
        let gap = log(effectiveExportCutoff / initialProductivity)
        if gap <= 0 { return 0 }
        let g = economy.logEfficiencyRatio
        return g > 0 ? gap / g : .infinity
    }
}
