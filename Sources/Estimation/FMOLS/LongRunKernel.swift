import Foundation

/// The kernel that weights the autocovariances in a long-run covariance (Ω = Σ_h w(h) Γ_h).
///
/// Weights follow Python `arch`'s `covariance.kernel` (8.0) so that FMOLS matches
/// `FullyModifiedOLS` at the same bandwidth B:
///
/// - Bartlett (Newey–West): w_h = 1 − z, z = h / (B + 1), h = 0 … ⌊B⌋ (so B lags carry weight).
/// - Parzen: w_h = 1 − 6z²(1 − z) for z ≤ ½, 2(1 − z)³ for ½ < z ≤ 1, z = h / (B + 1), h = 0 … ⌊B⌋.
/// - Quadratic spectral (Andrews 1991): w_0 = 1, w_h = 3/x² (sin x / x − cos x), x = 6π z / 5,
///   z = h / B for every h = 1 … n − 1 (its support is not truncated); B = 0 keeps Γ_0 only.
public enum LongRunKernel: String, Sendable, Equatable, CaseIterable, Codable {
    case bartlett
    case parzen
    case quadraticSpectral = "quadratic-spectral"

    /// The names `--kernel` and `kernel =` accept.
    public static let names = allCases.map(\.rawValue)

    /// w_0, w_1, … for bandwidth `bandwidth` (≥ 0) and `observations` rows; the count is the number
    /// of lags with a weight (lags beyond `observations − 1` contribute nothing and are cut).
    public func weights(bandwidth: Double, observations: Int) -> [Double] {
        let lagLimit = max(observations, 1)
        switch self {
        case .bartlett, .parzen:
            // A bandwidth beyond the sample uses every lag (and never converts a huge Double to Int).
            let count = bandwidth >= Double(lagLimit) ? lagLimit : min(Int(bandwidth) + 1, lagLimit)
            return (0..<count).map { lag in
                let z = Double(lag) / (bandwidth + 1)
                if self == .bartlett { return 1 - z }
                return z <= 0.5 ? 1 - 6 * z * z * (1 - z) : 2 * (1 - z) * (1 - z) * (1 - z)
            }
        case .quadraticSpectral:
            guard bandwidth > 0 else { return [1] }
            return (0..<lagLimit).map { lag in
                guard lag > 0 else { return 1 }
                let x = 6 * Double.pi * (Double(lag) / bandwidth) / 5
                return 3 / (x * x) * (sin(x) / x - cos(x))
            }
        }
    }

    /// (c_k, q, rate) of the automatic bandwidth B = c_k (α̂(q) n)^{1/(2q+1)} (Newey–West 1994 as in
    /// `arch`): the kernel constant, its characteristic exponent q, and the rate r of the number of
    /// autocovariances ⌈4 (n/100)^r⌉ the pilot estimate α̂(q) uses.
    var automaticBandwidthConstants: (constant: Double, exponent: Double, rate: Double) {
        switch self {
        case .bartlett: return (1.1447, 1, 2.0 / 9)
        case .parzen: return (2.6614, 2, 4.0 / 25)
        case .quadraticSpectral: return (1.3221, 2, 2.0 / 25)
        }
    }
}

/// The bandwidth B of the long-run covariance: a fixed number, or chosen from each unit's data.
public enum LongRunBandwidth: Sendable, Equatable, CustomStringConvertible {
    /// B fixed; rounded up to a whole number (`arch`'s `force_int = True`, its FMOLS default).
    case fixed(Double)
    /// Newey–West (1994) automatic bandwidth per unit, rounded up, at most n − 1.
    case automatic

    public var description: String {
        switch self {
        case .fixed(let value): return value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
        case .automatic: return "auto"
        }
    }
}
