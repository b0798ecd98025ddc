import Numerical

/// The estimates of the varying-ρ spatial lag model (paper 000, eq. 25): β, ρ and ρ′ with
/// their information-matrix covariance, σ², the log-likelihood and the admissibility report.
public struct VaryingLagFit: Sendable {
    public let responseName: String
    /// The variable z whose level scales the spatial coefficient (paper 000: INTER).
    public let modifierName: String
    public let effects: SpatialEffects
    /// Regressor names, then "rho" and "rho_prime".
    public let coefficientNames: [String]
    public let coefficients: [Double]
    public let covariance: Matrix
    public let regressorCount: Int
    public let sigma2: Double
    public let logLikelihood: Double
    /// −2ℓ + 2(k + 3): β, ρ, ρ′ and σ².
    public let aic: Double
    public let observationCount: Int
    public let unitCount: Int
    public let periodCount: Int
    /// The largest real eigenvalue of (ρ̂I + ρ̂′D_t)W over the periods; admissible when below 1.
    public let largestMultiplierEigenvalue: Double
    /// ∂ℓ/∂(ρ, ρ′) at the optimum by central differences.
    public let gradient: [Double]
    public let converged: Bool
    public let warnings: [String]

    public var standardErrors: [Double] { covariance.diagonalElements.map { $0 > 0 ? $0.squareRoot() : .nan } }
    public var rho: Double { coefficients[regressorCount] }
    public var rhoPrime: Double { coefficients[regressorCount + 1] }

    public func coefficient(named name: String) -> (estimate: Double, standardError: Double)? {
        guard let index = coefficientNames.firstIndex(of: name) else { return nil }
        return (coefficients[index], standardErrors[index])
    }
}
