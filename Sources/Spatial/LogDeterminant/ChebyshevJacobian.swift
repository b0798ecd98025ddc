import Foundation

/// ln|I − ρW| approximately by the Chebyshev method of Pace & LeSage (2004), for large n.
///
/// With W̃ = W/σ (σ the largest row sum; 1 when row-standardised) and ρ̃ = ρσ, ln|I − ρW| =
/// tr ln(I − ρ̃W̃) = Σ_i f(λ_i) for f(x) = ln(1 − ρ̃x) over the eigenvalues λ_i of W̃. f is
/// replaced by its Chebyshev interpolant of degree q on [−1, 1],
///
///     p(x) = Σ_{j=0}^{q} c_j T_j(x) − c_0/2,  c_j = 2/(q+1) · Σ_{k=0}^{q} f(x_k) T_j(x_k),
///     x_k = cos(π(k + ½)/(q + 1)),
///
/// so that ln|I − ρW| ≈ Σ_j c_j tr(T_j(W̃)) − c_0·n/2. The traces tr(T_j(W̃)) are computed once
/// (T_0: n; T_1: 0; T_2 = 2W̃² − I exactly; j ≥ 3 from m seeded Rademacher vectors through the
/// recurrence T_{j+1}(W̃)z = 2W̃·T_j(W̃)z − T_{j−1}(W̃)z, see ``TraceProbes``); each evaluation is
/// then O(q² + mq).
///
/// Error. f has the Chebyshev series −ln(1 + s²) − 2 Σ_{j≥1} s^j T_j(x)/j with
/// s = (1 − √(1 − ρ̃²))/ρ̃, so the interpolant is within 2·Σ_{j>q} 2|s|^j/j ≤
/// 4|s|^{q+1}/((q + 1)(1 − |s|)) of f on [−1, 1]; times n, this bounds the truncation error when
/// the eigenvalues are real (W symmetrisable). For a non-symmetrisable W (k nearest neighbours)
/// the eigenvalues are complex and the same figure is an estimate, not a bound. The reported
/// error adds 1.96 standard errors of the trace estimates over the draws.
///
/// Traces (information matrix) come from a sparse LU factorisation built when asked
/// (``SparseLUJacobian``: exact for n ≤ its exact-trace limit, Hutchinson above).
public struct ChebyshevJacobian: SpatialJacobian {
    public static let defaultOrder = 40
    public static let defaultDraws = 50

    public let admissibleInterval: SpatialInterval
    public let methodDescription: String
    public let approximationError: Double?
    let support: ApproximateJacobianSupport
    let probes: TraceProbes

    /// - Parameters:
    ///   - order: q, the degree of the Chebyshev interpolant (≥ 3).
    ///   - draws: m, the number of Rademacher vectors (≥ 2).
    ///   - seed: master seed of the vectors (stream (seed, r, "spatial-logdet-probes") for draw r).
    public init(weights: SpatialWeights, order: Int = ChebyshevJacobian.defaultOrder,
                draws: Int = ChebyshevJacobian.defaultDraws, seed: UInt64) throws {
        guard order >= 3 else { throw LogDeterminantError.invalidSetting("Chebyshev order q = \(order); at least 3") }
        guard draws >= 2 else { throw LogDeterminantError.invalidSetting("Chebyshev draws m = \(draws); at least 2") }
        let support = try ApproximateJacobianSupport(weights: weights, seed: seed)
        self.support = support
        self.probes = TraceProbes(weights: weights, scale: support.scale, family: .chebyshev, order: order, draws: draws, seed: seed)
        self.admissibleInterval = support.interval
        var description = "approximate, Chebyshev interpolation of order \(order) (Pace & LeSage 2004), traces from \(draws) draws"
        if support.scale != 1 { description += ", W scaled by its largest row sum \(support.scale)" }
        if !support.realSpectrum { description += ", error estimated (W not symmetrisable: complex eigenvalues)" }
        self.methodDescription = description + "; \(support.spectrumDescription)"
        let probes = self.probes, scale = support.scale
        self.approximationError = support.largestError { rho in Self.estimate(probes: probes, scale: scale, rho: rho).error }
    }

    public func logDeterminant(at rho: Double) throws -> Double {
        try support.check(rho, method: "the Chebyshev log-determinant")
        return Self.estimate(probes: probes, scale: support.scale, rho: rho).value
    }

    /// The estimate with its error: the interpolation bound plus 1.96 standard errors.
    public func logDeterminantWithError(at rho: Double) throws -> (value: Double, error: Double) {
        try support.check(rho, method: "the Chebyshev log-determinant")
        return Self.estimate(probes: probes, scale: support.scale, rho: rho)
    }

    public func traces(at rho: Double) throws -> SpatialTraces {
        try support.check(rho, method: "the Chebyshev log-determinant")
        return try support.traces(at: rho)
    }

    public func crossTraces(rho: Double, lambda: Double) throws -> SpatialCrossTraces {
        try support.check(rho, method: "the Chebyshev log-determinant")
        try support.check(lambda, method: "the Chebyshev log-determinant")
        return try support.sparseJacobian().crossTraces(rho: rho, lambda: lambda)
    }

    /// The derivative of this approximation in ρ: Σ_j c_j′ tr(T_j(W̃)) − c_0′n/2, where c_j′ are the
    /// interpolation coefficients of ∂/∂ρ ln(1 − ρσx) = −σx/(1 − ρσx), so that a score built on it
    /// matches ``logDeterminant(at:)`` exactly.
    public func logDeterminantDerivative(at rho: Double) throws -> Double {
        try support.check(rho, method: "the Chebyshev log-determinant")
        var coefficients = Self.coefficients(scaledRho: rho * support.scale, order: probes.order, derivative: true)
        coefficients[0] /= 2
        return support.scale * probes.combination(coefficients).estimate
    }

    /// c_0 … c_q of the degree-q interpolant of ln(1 − ρ̃x) (or, with `derivative`, of its
    /// derivative in ρ̃, −x/(1 − ρ̃x)) at the Chebyshev nodes.
    static func coefficients(scaledRho: Double, order: Int, derivative: Bool = false) -> [Double] {
        let nodes = order + 1
        var coefficients = [Double](repeating: 0, count: nodes)
        for k in 0..<nodes {
            let angle = Double.pi * (Double(k) + 0.5) / Double(nodes)
            let node = cos(angle)
            let value = derivative ? -node / (1 - scaledRho * node) : log(1 - scaledRho * node)
            for j in 0..<nodes { coefficients[j] += value * cos(Double(j) * angle) }
        }
        return coefficients.map { 2 * $0 / Double(nodes) }
    }

    static func estimate(probes: TraceProbes, scale: Double, rho: Double) -> (value: Double, error: Double) {
        let scaled = rho * scale
        var coefficients = Self.coefficients(scaledRho: scaled, order: probes.order)
        coefficients[0] /= 2  // Σ_j c_j tr(T_j) − c_0·n/2 with tr(T_0) = n
        let combination = probes.combination(coefficients)
        let magnitude = abs(scaled)
        let s = magnitude == 0 ? 0 : (1 - (1 - magnitude * magnitude).squareRoot()) / magnitude
        let truncation = Double(probes.unitCount) * 4 * pow(s, Double(probes.order + 1)) / (Double(probes.order + 1) * (1 - s))
        return (combination.estimate, 1.96 * combination.standardError + truncation)
    }
}
