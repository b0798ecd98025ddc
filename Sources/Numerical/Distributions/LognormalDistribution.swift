import CGSL
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The lognormal distribution: exp(Y) with Y ~ N(logMean, logStandardDeviation²).
public struct LognormalDistribution: ContinuousDistribution {
    /// ζ, the mean of log X.
    public let logMean: Double
    /// σ > 0, the standard deviation of log X.
    public let logStandardDeviation: Double

    /// Throws ``NumericalError/invalidArgument(_:)`` unless `logMean` is finite and `logStandardDeviation` finite and positive.
    public init(logMean: Double, logStandardDeviation: Double) throws {
        try ParameterCheck.finite(logMean, "lognormal log mean")
        try ParameterCheck.positive(logStandardDeviation, "lognormal log standard deviation")
        self.logMean = logMean
        self.logStandardDeviation = logStandardDeviation
    }

    /// φ((log x − ζ)/σ) / (σ x) for x > 0 (`gsl_ran_lognormal_pdf`).
    public func density(_ x: Double) -> Double {
        guard x > 0 else { return x.isNaN ? .nan : 0 }
        GSLRuntime.prepare()
        return gsl_ran_lognormal_pdf(x, logMean, logStandardDeviation)
    }

    /// Φ((log x − ζ)/σ) for x > 0 (`gsl_cdf_lognormal_P`).
    public func cumulative(_ x: Double) -> Double {
        guard x > 0 else { return x.isNaN ? .nan : 0 }
        GSLRuntime.prepare()
        return gsl_cdf_lognormal_P(x, logMean, logStandardDeviation)
    }

    /// exp(ζ + σ Φ⁻¹(p)) (`gsl_cdf_lognormal_Pinv`); 0 at 0, +∞ at 1.
    public func quantile(_ probability: Double) -> Double {
        guard probability >= 0, probability <= 1 else { return .nan }
        if probability == 0 { return 0 }
        if probability == 1 { return .infinity }
        GSLRuntime.prepare()
        return gsl_cdf_lognormal_Pinv(probability, logMean, logStandardDeviation)
    }

    /// exp(ζ + σ²/2).
    public var mean: Double {
        exp(logMean + logStandardDeviation * logStandardDeviation / 2)
    }

    /// (exp(σ²) − 1) exp(2ζ + σ²).
    public var variance: Double {
        let logVariance = logStandardDeviation * logStandardDeviation
        return expm1(logVariance) * exp(2 * logMean + logVariance)
    }

    /// exp(ζ + σ z) with z from `gsl_ran_gaussian_ziggurat` (the same normal sampler as
    /// ``NormalDistribution``, rather than GSL's Box–Muller `gsl_ran_lognormal`).
    public func sample(_ stream: RandomStream) -> Double {
        exp(logMean + gsl_ran_gaussian_ziggurat(stream.generator, logStandardDeviation))
    }
}
