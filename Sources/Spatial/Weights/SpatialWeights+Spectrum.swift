import Numerical

/// The eigenvalue range of a small W, for `hetfirm weights describe`.
extension SpatialWeights {
    /// The real parts of W's extreme eigenvalues and the largest imaginary part, and the interval of
    /// ρ for which I − ρW is non-singular around 0: (1/λ_min, 1/λ_max) for the real extremes
    /// (λ_max = 1 for a row-standardised W without islands). Complex eigenvalues (a non-symmetric W)
    /// are reported, not used for the interval.
    public struct Spectrum: Sendable, Equatable {
        public let minimumReal: Double
        public let maximumReal: Double
        public let largestImaginary: Double
        /// (1/λ_min, 1/λ_max); an end is ∓∞ when W has no negative (positive) real eigenvalue.
        public let admissibleRho: SpatialInterval
    }

    /// The largest n whose spectrum ``spectrum()`` computes (a dense n × n eigenvalue problem).
    public static let maximumUnitsForSpectrum = 2_000

    /// W's spectrum by the dense non-symmetric eigenvalue routine; nil above
    /// ``maximumUnitsForSpectrum`` units (the log-determinant code handles large W without it).
    public func spectrum() throws -> Spectrum? {
        guard unitCount > 0, unitCount <= Self.maximumUnitsForSpectrum else { return nil }
        let eigenvalues = try Matrix(rows: unitCount, columns: unitCount, elements: denseElements()).nonsymmetricEigenvalues()
        let reals = eigenvalues.map(\.real)
        let minimum = reals.min() ?? 0, maximum = reals.max() ?? 0
        let imaginary = eigenvalues.map { abs($0.imaginary) }.max() ?? 0
        return Spectrum(
            minimumReal: minimum, maximumReal: maximum, largestImaginary: imaginary,
            admissibleRho: SpatialInterval(lower: minimum < 0 ? 1 / minimum : -.infinity, upper: maximum > 0 ? 1 / maximum : .infinity))
    }
}
