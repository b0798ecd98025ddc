import Foundation
import Numerical

/// The `allocation-efficiency` model: a Melitz economy with Pareto productivity, product
/// complexity m and allocation efficiency θ = e^I (paper 000, completed as in docs/models/allocation-efficiency.md).
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
        var domesticDemand: Double, fallbacks = 0
        switch method {
        case .closedForm:
            guard let closedForm = economy.closedFormDomesticDemand else {
                throw ModelError.noEquilibrium(
                    reason: "the closed form needs f_e (k−σ+1)/((σ−1) φ_min^k S) > f_x X; use the numerical solver",
                    keys: ["f_e", "A_x", "f_x"])
            }
            domesticDemand = closedForm
        case .numerical:
            (domesticDemand, fallbacks) = try solveNumerically(economy, byQuadrature: true)
        }
        let equilibrium = try describe(economy, domesticDemand: domesticDemand, method: method, quadratureFallbacks: fallbacks)
        if method == .closedForm, !equilibrium.regime.closedFormApplies {
            throw ModelError.noEquilibrium(
                reason: "at I = \(economy.internetLevel) the cutoffs are not interior and partitioned, so the closed form does not apply",
                keys: ["f_e", "A_x", "phi_min"])
        }
        return equilibrium
    }

    /// The equilibrium at `internetLevel` by the closed form where it applies, and elsewhere by Brent's
    /// method on ln A_d with every expected-profit integral in closed form (``ComplexityEconomy/paretoProfitIntegral(shifter:fixedCost:lowerLimit:)``,
    /// exact for truncated cutoffs and unpartitioned exporting too), without quadrature: the fast route of
    /// simulations that solve thousands of economies (`allocation-regional`). Agrees with the quadrature
    /// route to its tolerance (tested); `method` is `.numerical` outside the closed form's regime.
    public func solveWithExactIntegrals(internetLevel: Double) throws -> AllocationEfficiencyEquilibrium {
        if let closedForm = try? solve(internetLevel: internetLevel, method: .closedForm) { return closedForm }
        let economy = ComplexityEconomy(parameters: parameters, internetLevel: internetLevel)
        let (domesticDemand, _) = try solveNumerically(economy, byQuadrature: false)
        return try describe(economy, domesticDemand: domesticDemand, method: .numerical, quadratureFallbacks: 0)
    }

    /// The A_d that solves free entry, by bracketing ln A_d and Brent's method (expected profits by
    /// quadrature, or by the exact integrals), and the number of integrals at the solution that fell back
    /// from quadrature to the closed form.
    private func solveNumerically(_ economy: ComplexityEconomy, byQuadrature: Bool) throws -> (demand: Double, fallbacks: Int) {
        let entryCost = parameters.entryCost
        var failure: Error?
        var fallbacks = 0
        func excessProfit(_ logDemand: Double) -> Double {
            do {
                let (profit, fellBack) = economy.expectedProfit(domesticDemand: exp(logDemand), byQuadrature: byQuadrature)
                fallbacks = fellBack
                if profit.isNaN {
                    failure = failure ?? ModelError.noEquilibrium(
                        reason: "expected profit is not a number at A_d = \(exp(logDemand)): these parameters push productivity or sales outside floating-point range",
                        keys: ["I", "kappa", "k", "sigma", "phi_min"])
                    return .nan
                }
                // +∞ still says "too profitable": keep the sign, stay finite for Brent.
                return min(profit / entryCost - 1, .greatestFiniteMagnitude)
            } catch {
                failure = failure ?? error
                return .nan
            }
        }
        // Start from the closed form's ln A_d (exact in its regime) with a narrow bracket, so Brent
        // needs few steps; outside the regime (or without a closed form) the bracket widens below.
        let guess = economy.closedFormDomesticDemand.map(log) ?? 0
        let halfWidth = economy.closedFormDomesticDemand == nil ? 0.5 : 1e-6 * max(1, abs(guess))
        var lower = guess - halfWidth, upper = guess + halfWidth
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
            if let failure { throw bracketFailure(failure) }
            _ = excessProfit(root)
            return (exp(root), fallbacks)
        } catch let error as ModelError {
            throw error
        } catch {
            if let failure { throw bracketFailure(failure) }
            throw ModelError.numerical("free entry: \(error)")
        }
    }

    private func bracketFailure(_ failure: Error?) -> ModelError {
        if let failure = failure as? ModelError { return failure }
        if let failure { return .numerical("expected profit: \(failure)") }
        return .noEquilibrium(reason: "expected profit never crosses f_e", keys: ["f_e", "f", "A_x"])
    }

    /// Every reported quantity at a given A_d.
    private func describe(_ economy: ComplexityEconomy, domesticDemand: Double, method: SolutionMethod,
                          quadratureFallbacks: Int) throws -> AllocationEfficiencyEquilibrium {
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
            // E[φ^{σ−1} 1{active}] for this m: ψ^{σ−1} k a^{σ−1} (φ_min/a)^k / (k−σ+1), through logarithms.
            let a = max(phiD, scale)
            productivityMoment += probability * k / (k - sigma + 1)
                * exp((sigma - 1) * log(psi * a) + k * log(scale / a))
        }
        guard activeMass > 0 else {
            throw ModelError.noEquilibrium(
                reason: "no firm produces at I = \(economy.internetLevel) (θ = e^I raises the domestic cutoff above every entrant)",
                keys: ["I", "f", "f_e"])
        }
        let residual = economy.expectedProfit(domesticDemand: domesticDemand, byQuadrature: false).value / p.entryCost - 1
        let regime = EquilibriumRegime(interiorCutoffs: interior,
                                       partitioned: economy.effectiveExportBreakEven > domesticCutoff)
        return AllocationEfficiencyEquilibrium(
            parameters: p,
            internetLevel: economy.internetLevel,
            domesticDemand: domesticDemand,
            method: method,
            quadratureFallbacks: quadratureFallbacks,
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
