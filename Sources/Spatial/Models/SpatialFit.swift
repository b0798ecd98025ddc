import Numerical

/// The result of a spatial ML estimation: named coefficients (β, θ for W·X, then ρ and λ) with
/// their information-matrix covariance, σ², the log-likelihood and the optimiser's report.
public struct SpatialFit: Sendable {
    public let model: SpatialModelKind
    public let effects: SpatialEffects
    public let approach: SpatialFixedEffectsApproach
    public let responseName: String
    /// Regressor names (β, then θ as "W*x" in Durbin models), then "rho" and/or "lambda".
    public let coefficientNames: [String]
    public let coefficients: [Double]
    /// Asymptotic covariance of `coefficients`, the inverse of the information matrix with σ²'s
    /// row and column removed after inversion.
    public let covariance: Matrix
    /// Number of β (and θ) entries at the front of `coefficients`.
    public let regressorCount: Int
    /// σ̂² = e′e/m (m = NT for the direct approach) and its asymptotic standard error.
    public let sigma2: Double
    public let sigma2StandardError: Double
    /// The maximised log-likelihood (with the constant −(m/2)·ln 2π).
    public let logLikelihood: Double
    /// −2ℓ + 2p with p = the coefficients plus σ² (fixed effects not counted, as spatialreg and spreg).
    public let aic: Double
    /// Squared correlation of y with the reduced-form prediction (I − ρW)⁻¹Xβ (SEM: Xβ), on the
    /// transformed (demeaned) data.
    public let pseudoRSquared: Double
    public let observationCount: Int
    public let unitCount: Int
    public let periodCount: Int
    public let admissibleInterval: SpatialInterval
    public let jacobianMethod: String
    /// The log-determinant's reported error bound when it is approximate (reported, not a warning).
    public let jacobianApproximationError: Double?
    /// True when the optimiser met its tolerance away from the admissible interval's ends.
    public let converged: Bool
    /// ∂ℓ/∂(ρ, λ) at the optimum by central differences (near zero at an interior maximum).
    public let gradient: [Double]
    /// Messages the user must see (boundary optimum, approximate log-determinant, …).
    public let warnings: [String]
    /// ε̂ = B(Ay − Xβ) on the transformed data.
    public let residuals: [Double]

    /// Standard errors, the square roots of the covariance's diagonal.
    public var standardErrors: [Double] { covariance.diagonalElements.map { $0 > 0 ? $0.squareRoot() : .nan } }

    /// The estimate named `name` ("rho", "lambda", a regressor or "W*regressor").
    public func coefficient(named name: String) -> (estimate: Double, standardError: Double)? {
        guard let index = coefficientNames.firstIndex(of: name) else { return nil }
        return (coefficients[index], standardErrors[index])
    }

    /// ρ̂ (0 for models without a spatial lag).
    public var rho: Double { coefficient(named: "rho")?.estimate ?? 0 }
    /// λ̂ (0 for models without a spatial error process).
    public var lambda: Double { coefficient(named: "lambda")?.estimate ?? 0 }
}
