import Foundation

/// Kernel estimates of the long-run covariances of the rows of η (n × m), not centred, divisor n:
///
///   Γ_0 = η'η / n,  Λ₁ = Σ_{h≥1} w_h Γ_h,  Γ_h = Σ_t η_{t+h} η_t' / n,
///   Ω = Γ_0 + Λ₁ + Λ₁'  (long run),  Δ = Γ_0 + Λ₁  (one-sided, including lag 0).
///
/// These are `arch`'s `CovarianceEstimate.long_run` and `.one_sided` with `center=False`, `df_adjust=0`.
public struct LongRunCovariance: Sendable, Equatable {
    /// Ω, m × m, row-major.
    public let longRun: [Double]
    /// Δ = Γ_0 + Λ₁, m × m, row-major (element (a, b) = Σ_h w_h Σ_t η_{t+h,a} η_{t,b} / n).
    public let oneSided: [Double]
    /// Number of columns m.
    public let dimension: Int
    /// The bandwidth used (a whole number).
    public let bandwidth: Double

    /// Estimates Ω and Δ from `eta`, `rows × columns` row-major.
    public init(eta: [Double], rows: Int, columns: Int, kernel: LongRunKernel, bandwidth: LongRunBandwidth) {
        let chosen: Double
        switch bandwidth {
        case .fixed(let value): chosen = value.rounded(.up)
        case .automatic: chosen = Self.automaticBandwidth(eta: eta, rows: rows, columns: columns, kernel: kernel)
        }
        let weights = kernel.weights(bandwidth: chosen, observations: rows)
        var oneSided = [Double](repeating: 0, count: columns * columns)
        let divisor = Double(rows)
        for (lag, weight) in weights.enumerated() where weight != 0 && lag < rows {
            for a in 0..<columns {
                for b in 0..<columns {
                    var sum = 0.0
                    for t in 0..<(rows - lag) { sum += eta[(t + lag) * columns + a] * eta[t * columns + b] }
                    oneSided[a * columns + b] += weight * sum / divisor
                }
            }
        }
        var longRun = oneSided
        // Ω = Δ + Λ₁' where Λ₁ = Δ − Γ_0: add the transpose of the strict part.
        let shortRun = Self.shortRun(eta: eta, rows: rows, columns: columns)
        for a in 0..<columns {
            for b in 0..<columns {
                longRun[a * columns + b] += oneSided[b * columns + a] - shortRun[b * columns + a]
            }
        }
        self.longRun = longRun
        self.oneSided = oneSided
        self.dimension = columns
        self.bandwidth = chosen
    }

    /// Γ_0 = η'η / n.
    static func shortRun(eta: [Double], rows: Int, columns: Int) -> [Double] {
        var result = [Double](repeating: 0, count: columns * columns)
        for a in 0..<columns {
            for b in 0..<columns {
                var sum = 0.0
                for t in 0..<rows { sum += eta[t * columns + a] * eta[t * columns + b] }
                result[a * columns + b] = sum / Double(rows)
            }
        }
        return result
    }

    /// Newey–West (1994) as `arch` computes it: on v_t = Σ_a η_{t,a} (every column weighted 1),
    /// L = ⌈4 (n/100)^r⌉, σ_j = Σ_t v_{t+j} v_t / n, f_0 = Σ_{j=0}^{L} (1 + [j>0]) σ_j,
    /// f_q = Σ (1 + [j>0]) j^q σ_j, B = ⌈c_k (n (f_q/f_0)²)^{1/(2q+1)}⌉, at most n − 1.
    static func automaticBandwidth(eta: [Double], rows: Int, columns: Int, kernel: LongRunKernel) -> Double {
        let (constant, exponent, rate) = kernel.automaticBandwidthConstants
        let v = (0..<rows).map { t in (0..<columns).reduce(0.0) { $0 + eta[t * columns + $1] } }
        let n = Double(rows)
        let lags = Int((4 * pow(n / 100, rate)).rounded(.up))
        var f0 = 0.0, fq = 0.0
        for j in 0...lags {
            var sigma = 0.0
            if j < rows { for t in 0..<(rows - j) { sigma += v[t + j] * v[t] } }
            sigma /= n
            let scale = j == 0 ? 1.0 : 2.0
            f0 += scale * sigma
            fq += scale * pow(Double(j), exponent) * sigma
        }
        let alpha = (fq / f0) * (fq / f0)
        let bandwidth = (constant * pow(alpha * n, 1 / (2 * exponent + 1))).rounded(.up)
        guard bandwidth.isFinite else { return 0 }
        return min(bandwidth, n - 1)
    }
}
