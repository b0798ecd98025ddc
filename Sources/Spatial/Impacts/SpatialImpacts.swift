import Foundation
import Numerical

/// Direct, indirect and total effects of each regressor in a spatial-lag model (LeSage & Pace
/// 2009, *Introduction to Spatial Econometrics*, sec. 2.7).
///
/// In a model with the lag ρWy, a change in x_k moves y through S_k = (I − ρW)⁻¹(β_k·I + θ_k·W)
/// (θ_k = 0 without the Durbin term). The average direct effect is tr(S_k)/n, the average total
/// effect 1′S_k1/n, and the indirect (spill-over) effect their difference. The traces come from
/// W's eigenvalues: tr((I − ρW)⁻¹) = Σ 1/(1 − ρλ_i) and tr((I − ρW)⁻¹W) = Σ λ_i/(1 − ρλ_i).
/// tr((I − ρW)⁻¹) = n + ρ·tr(G) with G = W(I − ρW)⁻¹ (``ResolventTrace``), so every
/// log-determinant method can supply impacts. In SEM and SDEM there is no lag: the direct effect is β_k, the indirect θ_k.
///
/// Standard errors either by simulation (LeSage & Pace 2009, sec. 2.7.3: draws of (β, θ, ρ)
/// from the normal with the estimated information-matrix covariance, a seeded stream, standard
/// deviation over draws with divisor R − 1) or by the delta method on the same covariance.
public struct SpatialImpacts: Sendable {
    /// One regressor's effects.
    public struct Effect: Sendable, Equatable {
        public let variable: String
        public let direct: Double
        public let indirect: Double
        public let total: Double
        public let directStandardError: Double
        public let indirectStandardError: Double
        public let totalStandardError: Double
    }

    /// How the standard errors were computed.
    public enum Inference: Sendable, Equatable {
        case simulation(draws: Int, seed: UInt64)
        case deltaMethod
    }

    public let effects: [Effect]
    public let inference: Inference

    /// Simulated standard errors with `draws` draws from the stream (seed, purpose "spatial-impacts").
    public static func estimate(_ fit: SpatialFit, weights: SpatialWeights, draws: Int, seed: UInt64) throws -> SpatialImpacts {
        try estimate(fit, weights: weights, inference: .simulation(draws: draws, seed: seed))
    }

    /// `jacobian` supplies tr(W(I − ρW)⁻¹): exactly from eigenvalues (``DenseEigenJacobian``) or
    /// interpolated from another method's log-determinant derivative; by default the automatic choice.
    public static func estimate(
        _ fit: SpatialFit, weights: SpatialWeights, inference: Inference, jacobian: (any SpatialJacobian)? = nil
    ) throws -> SpatialImpacts {
        let calculator = try SpatialImpactCalculator(fit: fit, weights: weights, jacobian: jacobian)
        let point = calculator.effects(at: fit.coefficients)
        let errors: [[Double]]
        switch inference {
        case .deltaMethod:
            errors = try calculator.deltaMethodStandardErrors(fit: fit)
        case .simulation(let draws, let seed):
            guard draws >= 2, draws <= 1_000_000 else {
                throw SpatialError.unsupportedSpecification("impacts need between 2 and 1,000,000 draws, got \(draws)")
            }
            errors = try calculator.simulatedStandardErrors(fit: fit, draws: draws, seed: seed)
        }
        let effects = calculator.variables.indices.map { index in
            Effect(
                variable: calculator.variables[index].name, direct: point[index][0], indirect: point[index][1],
                total: point[index][2], directStandardError: errors[index][0], indirectStandardError: errors[index][1],
                totalStandardError: errors[index][2])
        }
        return SpatialImpacts(effects: effects, inference: inference)
    }
}
