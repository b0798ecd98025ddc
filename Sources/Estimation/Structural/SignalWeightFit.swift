import Foundation
import Numerical

/// Structural recovery of the noise-to-signal ratio ρ = v_z/v_d of paper 003 from slopes estimated
/// within bins of the number of signals n.
///
/// In the model the slope of log sales on the pooled signal mean is the Bayesian weight
/// δ(n) = n v_d/(v_z + n v_d) = n/(ρ + n), eq. (9). A bin b holds rows with different n, and OLS
/// weights each row by the variance of its regressor, which for a mean of n signals is v_z/n; so a
/// bin's slope estimates the variance-weighted mean
/// m_b(ρ) = Σ_{i∈b} (1/n_i)·n_i/(ρ + n_i) / Σ_{i∈b} 1/n_i = Σ 1/(ρ + n_i) / Σ 1/n_i
/// (rows with n = 0 have no signal and do not enter). The fit minimizes the weighted
/// sum of squares Q(ρ) = Σ_b (β̂_b − m_b(ρ))²/se_b² over ρ > 0 (a log-spaced grid, then golden-
/// section refinement on ln ρ), and its standard error is the sandwich of that M-estimator:
/// Var(ρ̂) = (JᵀWVWJ)/(JᵀWJ)², J_b = ∂m_b/∂ρ = −Σ 1/(ρ+n)² / Σ 1/n, W = diag(1/se_b²), V the full
/// covariance of the bin slopes (so correlated bin estimates are handled).
public struct SignalWeightFit: Sendable, Equatable, Codable {
    /// ρ̂ = v_z/v_d.
    public let noiseRatio: Double
    /// Sandwich standard error of ρ̂.
    public let standardError: Double
    /// The weighted sum of squares at ρ̂.
    public let objective: Double
    /// Per bin: the harmonic mean of n, slope estimate, its standard error, and the fitted m_b(ρ̂).
    public let bins: [Bin]

    public struct Bin: Sendable, Equatable, Codable {
        public let meanSignals: Double
        public let slope: Double
        public let standardError: Double
        public let fitted: Double

        public init(meanSignals: Double, slope: Double, standardError: Double, fitted: Double) {
            self.meanSignals = meanSignals
            self.slope = slope
            self.standardError = standardError
            self.fitted = fitted
        }
    }

    /// Fits ρ. `signalCounts[b]` lists the n of every row in bin b (n ≥ 0).
    public static func fit(slopes: [Double], covariance: Matrix, signalCounts: [[Double]]) throws -> SignalWeightFit {
        let binCount = slopes.count
        guard binCount >= 1, covariance.rows == binCount, covariance.columns == binCount, signalCounts.count == binCount else {
            throw EstimationError.degenerate(
                estimator: "signal-weight fit",
                reason: "\(binCount) slopes, a \(covariance.rows)×\(covariance.columns) covariance and \(signalCounts.count) bins")
        }
        let variances = covariance.diagonalElements
        guard slopes.allSatisfy(\.isFinite), variances.allSatisfy({ $0.isFinite && $0 > 0 }) else {
            throw EstimationError.degenerate(estimator: "signal-weight fit", reason: "a bin slope or its variance is not finite and positive")
        }
        let histograms = try signalCounts.map(Histogram.init)
        let weights = variances.map { 1 / $0 }
        func objective(_ logRatio: Double) -> Double {
            let ratio = exp(logRatio)
            var total = 0.0
            for bin in 0..<binCount {
                let residual = slopes[bin] - histograms[bin].meanWeight(ratio)
                total += weights[bin] * residual * residual
            }
            return total
        }
        let logRatio = minimizeOnGrid(objective, lower: log(1e-6), upper: log(1e8))
        let ratio = exp(logRatio)
        let jacobian = histograms.map { -$0.meanWeightDerivative(ratio) }
        var information = 0.0, meat = 0.0
        for b in 0..<binCount {
            information += jacobian[b] * weights[b] * jacobian[b]
            for c in 0..<binCount { meat += jacobian[b] * weights[b] * covariance[b, c] * weights[c] * jacobian[c] }
        }
        let standardError = information > 0 ? sqrt(max(meat, 0)) / information : .infinity
        let bins = (0..<binCount).map { b in
            Bin(meanSignals: histograms[b].meanSignals, slope: slopes[b], standardError: variances[b].squareRoot(),
                fitted: histograms[b].meanWeight(ratio))
        }
        return SignalWeightFit(noiseRatio: ratio, standardError: standardError, objective: objective(logRatio), bins: bins)
    }

    /// The model's weight δ(n) = n/(ρ + n) at the fitted ρ.
    public func weight(signals: Double) -> Double { signals / (noiseRatio + signals) }

    /// A 200-point log grid, then golden-section search between the grid neighbours of the best point.
    static func minimizeOnGrid(_ f: (Double) -> Double, lower: Double, upper: Double) -> Double {
        let steps = 200
        let h = (upper - lower) / Double(steps)
        var best = 0, bestValue = Double.infinity
        for step in 0...steps {
            let value = f(lower + Double(step) * h)
            if value < bestValue { bestValue = value; best = step }
        }
        var a = lower + Double(max(best - 1, 0)) * h, b = lower + Double(min(best + 1, steps)) * h
        let golden = (sqrt(5.0) - 1) / 2
        var c = b - golden * (b - a), d = a + golden * (b - a)
        var fc = f(c), fd = f(d)
        for _ in 0..<200 where b - a > 1e-12 {
            if fc < fd { b = d; d = c; fd = fc; c = b - golden * (b - a); fc = f(c) } else {
                a = c; c = d; fc = fd; d = a + golden * (b - a); fd = f(d)
            }
        }
        return (a + b) / 2
    }

    /// The distinct n of one bin with their frequencies.
    struct Histogram {
        let values: [Double]
        let frequencies: [Double]
        let total: Double

        init(_ counts: [Double]) throws {
            guard !counts.isEmpty else {
                throw EstimationError.degenerate(estimator: "signal-weight fit", reason: "a bin has no rows")
            }
            guard counts.allSatisfy({ $0.isFinite && $0 >= 0 }) else {
                throw EstimationError.degenerate(estimator: "signal-weight fit", reason: "a signal count is negative or not finite")
            }
            var tally: [Double: Double] = [:]
            for n in counts { tally[n, default: 0] += 1 }
            let keys = tally.keys.sorted()
            values = keys
            frequencies = keys.map { tally[$0] ?? 0 }
            total = Double(counts.count)
        }

        /// The harmonic mean of the bin's positive n: the n the variance-weighted slope refers to
        /// (with weights 1/n the regression's effective n is the harmonic mean).
        var meanSignals: Double {
            let positive = zip(values, frequencies).filter { $0.0 > 0 }.reduce(0) { $0 + $1.1 }
            let mass = inverseSignalMass
            return mass > 0 ? positive / mass : 0
        }

        /// Σ f/n over the bin's positive n: the normalizer of the variance weights.
        var inverseSignalMass: Double { zip(values, frequencies).reduce(0) { $0 + ($1.0 > 0 ? $1.1 / $1.0 : 0) } }

        /// m_b(ρ) = Σ 1/(ρ + n) / Σ 1/n over the bin's positive n (0 for a bin without signals).
        func meanWeight(_ ratio: Double) -> Double {
            let mass = inverseSignalMass
            guard mass > 0 else { return 0 }
            return zip(values, frequencies).reduce(0) { $0 + ($1.0 > 0 ? $1.1 / (ratio + $1.0) : 0) } / mass
        }

        /// −∂m_b/∂ρ = Σ 1/(ρ + n)² / Σ 1/n.
        func meanWeightDerivative(_ ratio: Double) -> Double {
            let mass = inverseSignalMass
            guard mass > 0 else { return 0 }
            return zip(values, frequencies).reduce(0) { sum, pair in
                pair.0 > 0 ? sum + pair.1 / ((ratio + pair.0) * (ratio + pair.0)) : sum
            } / mass
        }
    }
}
