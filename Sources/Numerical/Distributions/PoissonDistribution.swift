import CGSL

/// The Poisson distribution with the given mean λ.
public struct PoissonDistribution: DiscreteDistribution {
    /// λ ≥ 0, the mean (and variance).
    public let mean: Double

    /// The largest accepted mean; GSL's sampler returns a 32-bit count.
    public static let maximumMean: Double = 1e9

    /// Throws ``NumericalError/invalidArgument(_:)`` unless 0 ≤ `mean` ≤ ``maximumMean``.
    public init(mean: Double) throws {
        guard mean.isFinite, mean >= 0, mean <= PoissonDistribution.maximumMean else {
            throw NumericalError.invalidArgument(
                "poisson mean must be in [0, \(PoissonDistribution.maximumMean)], got \(mean)")
        }
        self.mean = mean
    }

    /// λ.
    public var variance: Double { mean }

    /// λᵏ e^(−λ) / k! (`gsl_ran_poisson_pdf`); zero for negative values.
    public func probability(_ value: Int) -> Double {
        guard value >= 0 else { return 0 }
        GSLRuntime.prepare()
        guard let count = UInt32(exactly: value) else {
            // Beyond 2³² − 1, with λ ≤ 10⁹, the mass underflows to zero.
            return 0
        }
        return gsl_ran_poisson_pdf(count, mean)
    }

    /// P(X ≤ value) (`gsl_cdf_poisson_P`); zero for negative values.
    public func cumulative(_ value: Int) -> Double {
        guard value >= 0 else { return 0 }
        guard let count = UInt32(exactly: value) else { return 1 }
        GSLRuntime.prepare()
        return gsl_cdf_poisson_P(count, mean)
    }

    /// `gsl_ran_poisson`.
    public func sample(_ stream: RandomStream) -> Int {
        Int(gsl_ran_poisson(stream.generator, mean))
    }
}
