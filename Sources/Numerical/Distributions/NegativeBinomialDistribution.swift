import CGSL
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The negative binomial distribution: the number of failures before the `size`-th
/// success in trials with success probability p, extended to real `size` > 0;
/// P(X = k) = Γ(k + n) / (Γ(n) k!) pⁿ (1 − p)ᵏ.
///
/// With mean μ and size n it is the Poisson–gamma mixture with variance μ + μ²/n.
public struct NegativeBinomialDistribution: DiscreteDistribution {
    /// p in (0, 1), the success probability.
    public let successProbability: Double
    /// n > 0, the number of successes (the dispersion parameter; real values allowed).
    public let size: Double

    /// Parameterized as in `gsl_ran_negative_binomial(r, p, n)`.
    /// Throws ``NumericalError/invalidArgument(_:)`` unless 0 < p < 1 and n is finite and positive.
    public init(successProbability: Double, size: Double) throws {
        guard successProbability > 0, successProbability < 1 else {
            throw NumericalError.invalidArgument(
                "negative binomial success probability must be in (0, 1), got \(successProbability)")
        }
        try ParameterCheck.positive(size, "negative binomial size")
        self.successProbability = successProbability
        self.size = size
    }

    /// Parameterized by mean μ > 0 and size n > 0, so that the variance is μ + μ²/n;
    /// the success probability is n / (n + μ).
    public init(mean: Double, dispersion size: Double) throws {
        try ParameterCheck.positive(mean, "negative binomial mean")
        try ParameterCheck.positive(size, "negative binomial size")
        try self.init(successProbability: size / (size + mean), size: size)
    }

    /// n (1 − p) / p.
    public var mean: Double { size * (1 - successProbability) / successProbability }

    /// n (1 − p) / p².
    public var variance: Double { mean / successProbability }

    /// `gsl_ran_negative_binomial_pdf`; zero for negative values.
    public func probability(_ value: Int) -> Double {
        guard value >= 0 else { return 0 }
        GSLRuntime.prepare()
        guard let count = UInt32(exactly: value) else {
            // Same formula as GSL, for counts beyond its 32-bit argument.
            let count = Double(value)
            let logMass = gsl_sf_lngamma(count + size) - gsl_sf_lngamma(size) - gsl_sf_lngamma(count + 1)
                + size * log(successProbability) + count * log1p(-successProbability)
            return exp(logMass)
        }
        return gsl_ran_negative_binomial_pdf(count, successProbability, size)
    }

    /// P(X ≤ value) (`gsl_cdf_negative_binomial_P`); zero for negative values.
    public func cumulative(_ value: Int) -> Double {
        guard value >= 0 else { return 0 }
        guard let count = UInt32(exactly: value) else { return 1 }
        GSLRuntime.prepare()
        return gsl_cdf_negative_binomial_P(count, successProbability, size)
    }

    /// The algorithm of `gsl_ran_negative_binomial(r, p, n)`, written out so that large
    /// counts do not overflow GSL's 32-bit result: λ = G (1 − p)/p with G from
    /// `gsl_ran_gamma(r, n, 1)`, then a Poisson(λ) draw from `gsl_ran_poisson`. The draws
    /// (and the generator values consumed) are identical to GSL's whenever λ ≤ 10⁹; above
    /// that, the Poisson draw is replaced by its normal approximation round(λ + √λ z),
    /// whose error in distribution is of order λ^(−1/2) ≤ 3·10⁻⁵.
    public func sample(_ stream: RandomStream) -> Int {
        let gammaDraw = gsl_ran_gamma(stream.generator, size, 1.0)
        let poissonMean = gammaDraw * (1 - successProbability) / successProbability
        if poissonMean <= PoissonDistribution.maximumMean {
            return Int(gsl_ran_poisson(stream.generator, poissonMean))
        }
        let approximation = poissonMean + poissonMean.squareRoot() * gsl_ran_gaussian_ziggurat(stream.generator, 1)
        return Int(exactly: approximation.rounded()) ?? Int.max
    }
}
