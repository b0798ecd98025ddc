import Foundation

/// ln|I − ρW| approximately by the Monte Carlo method of Barry & Pace (1999), for large n.
///
/// With σ the largest row sum of W (1 when row-standardised), W̃ = W/σ and ρ̃ = ρσ, the
/// spectral radius of W̃ is at most 1 and, for |ρ̃| < 1,
///
///     ln|I − ρW| = ln|I − ρ̃W̃| = −Σ_{k≥1} ρ̃^k tr(W̃^k) / k.
///
/// The precomputation estimates tr(W̃^k), k ≤ q, from m seeded Rademacher vectors
/// (``TraceProbes``; tr(W̃) = 0 and tr(W̃²) exact); each evaluation is then O(mq). Draw r gives
/// V_r(ρ) = −Σ_{k≤q} ρ̃^k t_{r,k}/k; the estimate is their mean V̄ and its error, as in Barry &
/// Pace's interval, is 1.96·sd(V_r)/√m (sampling) plus the truncation bound
/// |Σ_{k>q} ρ̃^k tr(W̃^k)/k| ≤ n·|ρ̃|^{q+1} / ((q + 1)(1 − |ρ̃|)) (since |tr(W̃^k)| ≤ n).
/// The bound is a worst case and grows without limit as |ρ̃| → 1, so the method is defined on
/// (−1/σ, 1/σ) ∩ the admissible interval and ``approximationError`` reports the largest error
/// for |ρ̃| ≤ ``ApproximateJacobianSupport/reportingLimit``.
///
/// Traces (information matrix) come from a sparse LU factorisation built when asked
/// (``SparseLUJacobian``: exact for n ≤ its exact-trace limit, Hutchinson above).
public struct MonteCarloJacobian: SpatialJacobian {
    public static let defaultOrder = 50
    public static let defaultDraws = 50

    public let admissibleInterval: SpatialInterval
    public let methodDescription: String
    public let approximationError: Double?
    let support: ApproximateJacobianSupport
    let probes: TraceProbes

    /// - Parameters:
    ///   - order: q, the number of terms of the series (≥ 3).
    ///   - draws: m, the number of Rademacher vectors (≥ 2).
    ///   - seed: master seed of the vectors (stream (seed, r, "spatial-logdet-probes") for draw r).
    public init(weights: SpatialWeights, order: Int = MonteCarloJacobian.defaultOrder,
                draws: Int = MonteCarloJacobian.defaultDraws, seed: UInt64) throws {
        guard order >= 3 else { throw LogDeterminantError.invalidSetting("Monte Carlo order q = \(order); at least 3") }
        guard draws >= 2 else { throw LogDeterminantError.invalidSetting("Monte Carlo draws m = \(draws); at least 2") }
        let support = try ApproximateJacobianSupport(weights: weights, seed: seed)
        self.support = support
        self.probes = TraceProbes(weights: weights, scale: support.scale, family: .powers, order: order, draws: draws, seed: seed)
        self.admissibleInterval = support.interval
        var description = "approximate, Monte Carlo traces of W^k (Barry & Pace 1999): order \(order), \(draws) draws"
        if support.scale != 1 { description += ", W scaled by its largest row sum \(support.scale)" }
        self.methodDescription = description + "; \(support.spectrumDescription)"
        let probes = self.probes, scale = support.scale
        self.approximationError = support.largestError { rho in Self.estimate(probes: probes, scale: scale, rho: rho).error }
    }

    public func logDeterminant(at rho: Double) throws -> Double {
        try support.check(rho, method: "the Monte Carlo log-determinant")
        return Self.estimate(probes: probes, scale: support.scale, rho: rho).value
    }

    /// The estimate with Barry & Pace's error: 1.96 standard errors plus the truncation bound.
    public func logDeterminantWithError(at rho: Double) throws -> (value: Double, error: Double) {
        try support.check(rho, method: "the Monte Carlo log-determinant")
        return Self.estimate(probes: probes, scale: support.scale, rho: rho)
    }

    public func traces(at rho: Double) throws -> SpatialTraces {
        try support.check(rho, method: "the Monte Carlo log-determinant")
        return try support.traces(at: rho)
    }

    public func crossTraces(rho: Double, lambda: Double) throws -> SpatialCrossTraces {
        try support.check(rho, method: "the Monte Carlo log-determinant")
        try support.check(lambda, method: "the Monte Carlo log-determinant")
        return try support.sparseJacobian().crossTraces(rho: rho, lambda: lambda)
    }

    /// The derivative of this approximation, −σ·Σ_{k≤q} ρ̃^{k−1} tr(W̃^k) (averaged over the draws),
    /// so that a score built on it matches ``logDeterminant(at:)`` exactly.
    public func logDeterminantDerivative(at rho: Double) throws -> Double {
        try support.check(rho, method: "the Monte Carlo log-determinant")
        let scaled = rho * support.scale
        var coefficients = [Double](repeating: 0, count: probes.order + 1)
        var power = 1.0
        for k in 1...probes.order {
            coefficients[k] = -support.scale * power
            power *= scaled
        }
        return probes.combination(coefficients).estimate
    }

    static func estimate(probes: TraceProbes, scale: Double, rho: Double) -> (value: Double, error: Double) {
        let scaled = rho * scale
        var coefficients = [Double](repeating: 0, count: probes.order + 1)
        var power = 1.0
        for k in 1...probes.order {
            power *= scaled
            coefficients[k] = -power / Double(k)
        }
        let combination = probes.combination(coefficients)
        let magnitude = abs(scaled)
        let truncation = Double(probes.unitCount) * pow(magnitude, Double(probes.order + 1))
            / (Double(probes.order + 1) * (1 - magnitude))
        return (combination.estimate, 1.96 * combination.standardError + truncation)
    }
}
