/// What the approximate log-determinants share: the scaling W̃ = W/σ, the interval on which their
/// series converge, the largest reported error, and traces through a sparse LU built on demand.
struct ApproximateJacobianSupport: Sendable {
    /// Errors are reported for |ρσ| up to this (the bounds grow without limit as |ρσ| → 1).
    static let reportingLimit = 0.95

    let weights: SpatialWeights
    let seed: UInt64
    /// σ: the largest row sum of W.
    let scale: Double
    /// (−1/σ, 1/σ) ∩ the admissible interval.
    let interval: SpatialInterval
    let spectrumDescription: String
    /// True when W is symmetrisable (real eigenvalues), so the Chebyshev bound is rigorous.
    let realSpectrum: Bool

    init(weights: SpatialWeights, seed: UInt64) throws {
        guard weights.unitCount > 0 else { throw LogDeterminantError.unsupportedWeights("W has no units") }
        let bounds = try SpatialSpectrumBounds(weights: weights, seed: seed)
        let scale = weights.rowSums.max() ?? 0
        self.weights = weights
        self.seed = seed
        self.scale = scale
        self.interval = SpatialInterval(
            lower: max(bounds.interval.lower, -1 / scale), upper: min(bounds.interval.upper, 1 / scale))
        self.spectrumDescription = bounds.description
        self.realSpectrum = SpatialSpectrumBounds.symmetrizer(weights) != nil
    }

    func check(_ rho: Double, method: String) throws {
        guard interval.contains(rho) else {
            throw LogDeterminantError.outsideInterval(rho: rho, lower: interval.lower, upper: interval.upper, method: method)
        }
    }

    /// The largest of `error(ρ)` over 201 equally spaced ρ with |ρσ| ≤ ``reportingLimit`` inside the interval.
    func largestError(_ error: (Double) -> Double) -> Double {
        let lower = max(interval.lower, -Self.reportingLimit / scale)
        let upper = min(interval.upper, Self.reportingLimit / scale)
        return (0...200).reduce(0.0) { largest, step in
            max(largest, error(lower + (upper - lower) * Double(step) / 200))
        }
    }

    /// The sparse LU method behind the traces, built when asked (its ordering costs about as much
    /// as a few factorisations).
    func sparseJacobian() throws -> SparseLUJacobian {
        try SparseLUJacobian(weights: weights, seed: seed)
    }

    func traces(at rho: Double) throws -> SpatialTraces {
        try sparseJacobian().traces(at: rho)
    }
}
