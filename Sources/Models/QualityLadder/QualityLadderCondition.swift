import Foundation

/// A condition the consistent variant needs for a valid equilibrium. Each is checkable from the
/// parameters alone (the cutoff has a closed form), so the descriptor lists each as a
/// `ParameterConstraint` and `QualityLadderModel.solve` throws `ModelError.noEquilibrium` with
/// the same wording.
public enum QualityLadderCondition: String, Sendable, CaseIterable {
    /// β > μ: quality must be worth more to consumers than it adds to marginal cost, or firms
    /// choose no quality upgrading (β = μ) or negative quality (β < μ).
    case qualityUpgrading = "β > μ"
    /// 4γψ > E(β−μ)²: the quality FOC is a profit maximum (SOC); otherwise quality is so cheap
    /// that profit rises without bound in λ.
    case secondOrder = "4γψ > E(β−μ)², ψ = ψ0/(θ^{2ρ} δ_λ² I)"
    /// c_D < c_M: the cutoff lies inside the support of the cost draw (otherwise every entrant
    /// survives and the Pareto free-entry closed form does not apply).
    case interiorCutoff = "c_D < c_M"
    /// c_D < α: aggregate consumption Q^c = (α − c_D)/η is positive, so a differentiated sector exists.
    case positiveDemand = "c_D < α"

    /// What is wrong, the keys to revisit, and a fix.
    public struct Violation: Sendable, Equatable {
        public let condition: QualityLadderCondition
        public let reason: String
        public let keys: [String]
        public let fix: String

        /// The error `solve` throws.
        public var error: ModelError {
            .noEquilibrium(reason: "\(condition.rawValue) fails: \(reason)", keys: keys)
        }
    }

    /// The violation of this condition by `model`, or nil when it holds. `cutoff` defaults to the
    /// closed-form c_D.
    public func violation(in model: QualityLadderModel, cutoff: Double? = nil) -> Violation? {
        let p = model.parameters
        switch self {
        case .qualityUpgrading:
            guard p.qualityPreference <= p.qualityMarginalCost else { return nil }
            return Violation(
                condition: self,
                reason: "β = \(p.qualityPreference) ≤ μ = \(p.qualityMarginalCost): no firm upgrades quality (ϕ ≤ 0)",
                keys: ["beta", "mu"], fix: "raise beta above mu")
        case .secondOrder:
            let margin = model.secondOrderMargin
            guard !(margin > 0) else { return nil }
            return Violation(
                condition: self,
                reason: "4γψ − E(β−μ)² = \(margin) ≤ 0: the quality FOC is not a profit maximum (quality cost ψ = \(model.qualityCostCoefficient) too low)",
                keys: ["I", "psi0", "theta", "rho", "delta_lambda", "gamma", "E", "beta", "mu"],
                fix: "raise psi0 or gamma, or lower I, theta^rho, delta_lambda, E or beta − mu")
        case .interiorCutoff:
            let value = cutoff ?? model.closedFormCutoff
            guard !(value < p.costUpperBound) else { return nil }
            return Violation(
                condition: self,
                reason: "c_D = \(value) ≥ c_M = \(p.costUpperBound): every entrant would survive",
                keys: ["f_E", "c_M"], fix: "lower f_E or raise c_M")
        case .positiveDemand:
            let value = cutoff ?? model.closedFormCutoff
            guard !(value < p.demandIntercept) else { return nil }
            return Violation(
                condition: self,
                reason: "c_D = \(value) ≥ α = \(p.demandIntercept): aggregate consumption Q^c = (α − c_D)/η would not be positive",
                keys: ["alpha", "f_E"], fix: "raise alpha or lower f_E")
        }
    }
}
