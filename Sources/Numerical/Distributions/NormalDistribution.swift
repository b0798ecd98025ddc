import CGSL

/// The normal (Gaussian) distribution N(mean, standardDeviation²).
public struct NormalDistribution: ContinuousDistribution {
    /// The expected value μ.
    public let mean: Double
    /// The standard deviation σ > 0.
    public let standardDeviation: Double

    /// Throws ``NumericalError/invalidArgument(_:)`` unless `mean` is finite and `standardDeviation` finite and positive.
    public init(mean: Double, standardDeviation: Double) throws {
        try ParameterCheck.finite(mean, "normal mean")
        try ParameterCheck.positive(standardDeviation, "normal standard deviation")
        self.mean = mean
        self.standardDeviation = standardDeviation
    }

    /// σ².
    public var variance: Double { standardDeviation * standardDeviation }

    /// φ((x − μ)/σ) / σ (`gsl_ran_gaussian_pdf`).
    public func density(_ x: Double) -> Double {
        GSLRuntime.prepare()
        return gsl_ran_gaussian_pdf(x - mean, standardDeviation)
    }

    /// Φ((x − μ)/σ) (`gsl_cdf_gaussian_P`, accurate in the lower tail).
    public func cumulative(_ x: Double) -> Double {
        if x.isNaN { return .nan }
        GSLRuntime.prepare()
        return gsl_cdf_gaussian_P(x - mean, standardDeviation)
    }

    /// μ + σ Φ⁻¹(p) (`gsl_cdf_gaussian_Pinv`); −∞ at 0, +∞ at 1.
    public func quantile(_ probability: Double) -> Double {
        guard probability >= 0, probability <= 1 else { return .nan }
        if probability == 0 { return -.infinity }
        if probability == 1 { return .infinity }
        GSLRuntime.prepare()
        return mean + gsl_cdf_gaussian_Pinv(probability, standardDeviation)
    }

    /// μ + σ z with z from `gsl_ran_gaussian_ziggurat`.
    public func sample(_ stream: RandomStream) -> Double {
        mean + gsl_ran_gaussian_ziggurat(stream.generator, standardDeviation)
    }
}
