import CGSL

/// Upper-tail probabilities of the χ² and F distributions, for test statistics.
public enum TestDistributions {
    /// P(χ²_ν > x) (`gsl_cdf_chisq_Q`); NaN for invalid input.
    public static func chiSquaredSurvival(_ x: Double, degreesOfFreedom: Double) -> Double {
        guard x.isFinite || x == .infinity, degreesOfFreedom > 0, degreesOfFreedom.isFinite, !x.isNaN else { return .nan }
        GSLRuntime.prepare()
        return gsl_cdf_chisq_Q(max(x, 0), degreesOfFreedom)
    }

    /// P(F_{ν1, ν2} > x) (`gsl_cdf_fdist_Q`); NaN for invalid input.
    public static func fSurvival(_ x: Double, numeratorDegrees: Double, denominatorDegrees: Double) -> Double {
        guard !x.isNaN, numeratorDegrees > 0, denominatorDegrees > 0, numeratorDegrees.isFinite, denominatorDegrees.isFinite else {
            return .nan
        }
        GSLRuntime.prepare()
        return gsl_cdf_fdist_Q(max(x, 0), numeratorDegrees, denominatorDegrees)
    }
}
