import Foundation

/// The free-entry equilibrium of the consistent `quality-ladder` variant at a common digital
/// input I: an immutable value. Firm-level quantities are functions of the cost draw c.
public struct QualityLadderEquilibrium: Sendable, Codable, Equatable {
    public let parameters: QualityLadderParameters
    public let method: SolutionMethod
    /// ψ = ψ0 / (θ^{2ρ} δ_λ² I), the quality-cost coefficient.
    public let qualityCostCoefficient: Double
    /// 4γψ − E(β−μ)² > 0 (the SOC).
    public let secondOrderMargin: Double
    /// ϕ = E(β−μ) / (4γψ − E(β−μ)²): λ(c) = ϕ (c_D − c).
    public let qualityCoefficient: Double
    /// Π = Eψ / (4γψ − E(β−μ)²): π(c) = Π (c_D − c)².
    public let profitCoefficient: Double
    /// Ω = Σ_{n=1}^{N} ω^{k(n−1)} (1 for single-product firms).
    public let ladderWeight: Double
    /// c_D, the cost cutoff (= choke price α − ηQ^c): firms with c < c_D produce.
    public let costCutoff: Double
    /// Q^c = (α − c_D)/η, aggregate consumption of differentiated goods per consumer.
    public let aggregateConsumption: Double
    /// N_E, the mass of entrants that makes Q^c consistent with firms' supplies.
    public let entrantMass: Double
    /// N = N_E (c_D/c_M)^k, the mass of producing firms.
    public let producerMass: Double
    /// λ_F = ϕ c_D, the frontier quality (the firm with c → 0: the industry maximum).
    public let frontierQuality: Double
    /// |E[π]/f_E − 1| at c_D, with E[π] in closed form.
    public let freeEntryResidual: Double

    /// λ(c) = ϕ (c_D − c) for a producer, 0 for c ≥ c_D.
    public func quality(cost: Double) -> Double { qualityCoefficient * max(costCutoff - cost, 0) }

    /// Δλ(c) = λ_F − λ(c) = ϕ c for producers: the distance to the quality frontier.
    public func distance(cost: Double) -> Double { frontierQuality - quality(cost: cost) }

    /// p(c) = ½ [c_D + c + (β+μ) λ(c)], the optimal price.
    public func price(cost: Double) -> Double {
        let b = parameters.qualityPreference + parameters.qualityMarginalCost
        return 0.5 * (costCutoff + cost + b * quality(cost: cost))
    }

    /// q(c) = (E/2γ)[c_D − c + (β−μ) λ(c)], the optimal quantity (0 for c ≥ c_D).
    public func quantity(cost: Double) -> Double {
        guard cost < costCutoff else { return 0 }
        let p = parameters
        return p.marketSize / (2 * p.productDifferentiation)
            * (costCutoff - cost + p.netQualityValue * quality(cost: cost))
    }

    /// π(c) = Π (c_D − c)², operating profit net of the quality cost (0 for c ≥ c_D).
    public func profit(cost: Double) -> Double {
        let margin = max(costCutoff - cost, 0)
        return profitCoefficient * margin * margin
    }
}
