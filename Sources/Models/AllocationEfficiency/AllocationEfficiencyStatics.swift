import Foundation

/// One derivative evaluated analytically and by central finite differences, side by side.
public struct DerivativeCheck: Sendable, Codable, Equatable {
    /// What is differentiated, with the paper's equation, e.g. "∂π_x/∂m, eq. (10)".
    public let name: String
    /// Where it is evaluated, e.g. "m = 3, φ0 = 3".
    public let point: String
    public let analytic: Double
    public let finiteDifference: Double
    /// The paper's printed formula at the same point, when it differs from the corrected one.
    public let printed: Double?

    /// |analytic − finite difference| / max(|analytic|, 1e-300).
    public var relativeDifference: Double { abs(analytic - finiteDifference) / max(abs(analytic), 1e-300) }
}

/// A claim of the paper, and whether it holds at the given parameters.
public struct PropositionCheck: Sendable, Codable, Equatable {
    public let claim: String
    public let holds: Bool
    /// The condition under which it holds in this completion of the model.
    public let condition: String
}

/// Comparative statics of the allocation-efficiency model at one parameter point.
public struct AllocationEfficiencyStatics: Sendable, Codable, Equatable {
    public let internetLevel: Double
    /// Firm-level export-profit derivatives, eqs. (10) and (11), at φ0 = φ0_ref and each m.
    public let firmLevel: [DerivativeCheck]
    /// General-equilibrium derivatives with respect to I (empty outside the closed-form regime).
    public let equilibrium: [DerivativeCheck]
    public let propositions: [PropositionCheck]
}

extension AllocationEfficiencyModel {
    /// Export operating profit π_x(m, θ) = A_x τ^{1−σ} ((θ/κ)^m φ0)^{σ−1} − f_x, eq. (9) with φ0 restored.
    public func exportProfit(complexity m: Double, allocationEfficiency theta: Double, initialProductivity phi0: Double) -> Double {
        let p = parameters, sigma = p.elasticityOfSubstitution
        let shifter = p.foreignDemand * pow(p.icebergCost, 1 - sigma) * pow(phi0, sigma - 1)
        return shifter * pow(theta / p.complexityDilution, (sigma - 1) * m) - p.exportFixedCost
    }

    /// Eqs. (10) and (11) at every m, and the equilibrium derivatives in I, at the parameters' I.
    /// `equilibrium`: the numerical equilibrium at the parameters' I when the caller has it (else it
    /// is solved here).
    public func comparativeStatics(at equilibrium: AllocationEfficiencyEquilibrium? = nil) throws -> AllocationEfficiencyStatics {
        let p = parameters, sigma = p.elasticityOfSubstitution, kappa = p.complexityDilution
        let theta = exp(p.internetLevel), phi0 = p.referenceProductivity
        let shifter = p.foreignDemand * pow(p.icebergCost, 1 - sigma) * pow(phi0, sigma - 1)
        let logRatio = log(theta / kappa)
        let economy = ComplexityEconomy(parameters: p, internetLevel: p.internetLevel)
        var firmLevel: [DerivativeCheck] = []
        for m in economy.complexities {
            let md = Double(m)
            let power = pow(theta / kappa, (sigma - 1) * md)
            let h = 1e-4, e = 1e-4 * theta
            let profit = { (m: Double, t: Double) in self.exportProfit(complexity: m, allocationEfficiency: t, initialProductivity: phi0) }
            firmLevel.append(DerivativeCheck(
                name: "∂π_x/∂m, eq. (10)", point: "m = \(m), φ0 = \(phi0)",
                analytic: shifter * (sigma - 1) * logRatio * power,
                finiteDifference: (profit(md + h, theta) - profit(md - h, theta)) / (2 * h),
                printed: nil))
            let crossFD = (profit(md + h, theta + e) - profit(md + h, theta - e)
                - profit(md - h, theta + e) + profit(md - h, theta - e)) / (4 * h * e)
            firmLevel.append(DerivativeCheck(
                name: "∂²π_x/∂m∂θ, eq. (11)", point: "m = \(m), φ0 = \(phi0)",
                analytic: shifter * (sigma - 1) * power / theta * (1 + (sigma - 1) * md * logRatio),
                finiteDifference: crossFD,
                printed: shifter * (sigma - 1) * ((sigma - 1) * md + 1) * log(theta) * pow(theta, (sigma - 1) * md)))
        }
        let derivatives = try equilibriumDerivatives(center: equilibrium)
        return AllocationEfficiencyStatics(internetLevel: p.internetLevel, firmLevel: firmLevel,
                                  equilibrium: derivatives, propositions: try propositions(equilibriumDerivatives: derivatives))
    }

    /// d/dI of ln A_d, mean exporter complexity, exporter share, m*_x(φ0_ref), ln φ̃ and ln W, analytic
    /// (closed-form regime) against central differences of the numerical equilibrium.
    func equilibriumDerivatives(step: Double = 1e-4, center known: AllocationEfficiencyEquilibrium? = nil) throws -> [DerivativeCheck] {
        let p = parameters, sigma = p.elasticityOfSubstitution, k = p.paretoShape
        let center = try known ?? solve()
        guard center.regime.closedFormApplies else { return [] }
        let below = try solve(internetLevel: p.internetLevel - step)
        let above = try solve(internetLevel: p.internetLevel + step)
        func difference(_ value: (AllocationEfficiencyEquilibrium) -> Double) -> Double {
            (value(above) - value(below)) / (2 * step)
        }
        let economy = ComplexityEconomy(parameters: p, internetLevel: p.internetLevel)
        // Weights w_m ∝ P(m) ψ_m^k: the complexity distribution of producers and of exporters.
        let weights = economy.complexities.map { m in p.complexityProbabilities[m - 1] * pow(economy.productivityMultiplier(m), k) }
        let total = weights.reduce(0, +)
        let mean = zip(economy.complexities, weights).reduce(0) { $0 + Double($1.0) * $1.1 } / total
        let variance = zip(economy.complexities, weights).reduce(0) { $0 + pow(Double($1.0) - mean, 2) * $1.1 } / total
        let q = economy.freeEntryDomesticTerm, exportTerm = p.exportFixedCost * economy.exportAccessTerm
        let logDemandSlope = -(sigma - 1) * mean * (q + exportTerm) / q
        let point = "I = \(p.internetLevel)"
        var checks = [
            DerivativeCheck(name: "d ln A_d / dI", point: point, analytic: logDemandSlope,
                            finiteDifference: difference { log($0.domesticDemand) }, printed: nil),
            DerivativeCheck(name: "d(mean exporter complexity)/dI = k·Var(m | exporter)", point: point,
                            analytic: k * variance, finiteDifference: difference { $0.meanExporterComplexity }, printed: nil),
            DerivativeCheck(name: "d(exporter share)/dI", point: point,
                            analytic: center.exporterShare * (-k / (sigma - 1)) * logDemandSlope,
                            finiteDifference: difference { $0.exporterShare }, printed: nil),
            DerivativeCheck(name: "d ln φ̃ / dI (aggregate productivity)", point: point,
                            analytic: -logDemandSlope / (sigma - 1),
                            finiteDifference: difference { log($0.aggregateProductivity) }, printed: nil),
            DerivativeCheck(name: "d ln W / dI (welfare per worker)", point: point,
                            analytic: -logDemandSlope / (sigma - 1),
                            finiteDifference: difference { log($0.welfarePerWorker) }, printed: nil),
        ]
        let gap = log(center.effectiveExportCutoff / p.referenceProductivity), g = economy.logEfficiencyRatio
        if gap > 0, g > 0 {
            checks.append(DerivativeCheck(
                name: "d m*_x(φ0_ref, I) / dI", point: point + ", φ0 = \(p.referenceProductivity)",
                analytic: -gap / (g * g), finiteDifference: difference { $0.referenceExportCutoffComplexity }, printed: nil))
        }
        return checks
    }

    private func propositions(equilibriumDerivatives: [DerivativeCheck]) throws -> [PropositionCheck] {
        let p = parameters, sigma = p.elasticityOfSubstitution
        let g = p.internetLevel - log(p.complexityDilution)
        let maximum = Double(max(1, p.maximumComplexity))
        let crossHolds = g >= 0 || maximum < 1 / ((sigma - 1) * -g)
        var checks = [
            PropositionCheck(claim: "eq. (10): ∂π/∂m > 0 (more complex products earn more abroad)",
                             holds: g > 0, condition: "holds iff θ > κ, i.e. I > ln κ (always when κ = 1 and I > 0)"),
            PropositionCheck(claim: "eq. (11), corrected: ∂²π/∂m∂θ > 0 for every m ≤ M",
                             holds: crossHolds,
                             condition: "holds iff 1 + (σ−1) m ln(θ/κ) > 0 for all m ≤ M: always when θ ≥ κ; when θ < κ only if M < 1/((σ−1) ln(κ/θ))"),
            PropositionCheck(claim: "eq. (11), as printed: (σ−1)[m(σ−1)+1] ln θ θ^{(σ−1)m} (R/σ)(Pρφ0)^{σ−1} > 0",
                             holds: p.internetLevel > 0,
                             condition: "the printed form is not the derivative of (10); its sign is that of ln θ = I, whatever κ"),
        ]
        if let slope = equilibriumDerivatives.first(where: { $0.name.hasPrefix("d(mean exporter") }) {
            checks.append(PropositionCheck(
                claim: "Internet raises the mean complexity of exporters",
                holds: slope.analytic > 0,
                condition: "in the interior, partitioned regime d m̄_x/dI = k·Var(m | exporter) > 0 for every κ: θ/κ > 1 is not needed; it can fail only once the cutoffs of the most complex products fall below φ_min (see the sweep)"))
        }
        if let slope = equilibriumDerivatives.first(where: { $0.name.hasPrefix("d m*_x") }) {
            checks.append(PropositionCheck(
                claim: "the export cutoff complexity m*_x shifts right as Internet develops (paper, §2.3)",
                holds: slope.analytic > 0,
                condition: "fails here: with exogenous foreign demand the export cutoff φ*_x does not move, so m*_x = ln(φ*_x/φ0)/ln(θ/κ) falls in I; a rise needs a foreign-market competition effect the paper does not model"))
        }
        return checks
    }
}
