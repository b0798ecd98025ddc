import CGSL

/// Student's t distribution with ν degrees of freedom, for t tests and confidence intervals.
public struct StudentTDistribution: ContinuousDistribution {
    /// ν > 0.
    public let degreesOfFreedom: Double

    /// Throws ``NumericalError/invalidArgument(_:)`` unless ν is finite and positive.
    public init(degreesOfFreedom: Double) throws {
        try ParameterCheck.positive(degreesOfFreedom, "Student t degrees of freedom")
        self.degreesOfFreedom = degreesOfFreedom
    }

    /// 0 for ν > 1, undefined (NaN) otherwise.
    public var mean: Double { degreesOfFreedom > 1 ? 0 : .nan }

    /// `gsl_ran_tdist_pdf`.
    public func density(_ x: Double) -> Double {
        GSLRuntime.prepare()
        return gsl_ran_tdist_pdf(x, degreesOfFreedom)
    }

    /// P(T ≤ x) (`gsl_cdf_tdist_P`).
    public func cumulative(_ x: Double) -> Double {
        if x.isNaN { return .nan }
        GSLRuntime.prepare()
        return gsl_cdf_tdist_P(x, degreesOfFreedom)
    }

    /// P(T > x) (`gsl_cdf_tdist_Q`), accurate in the upper tail.
    public func survival(_ x: Double) -> Double {
        if x.isNaN { return .nan }
        GSLRuntime.prepare()
        return gsl_cdf_tdist_Q(x, degreesOfFreedom)
    }

    /// Two-sided p-value of an observed t statistic, 2 P(T > |t|).
    public func twoSidedPValue(_ statistic: Double) -> Double {
        statistic.isNaN ? .nan : min(1, 2 * survival(abs(statistic)))
    }

    /// `gsl_cdf_tdist_Pinv`; −∞ at 0, +∞ at 1.
    public func quantile(_ probability: Double) -> Double {
        guard probability >= 0, probability <= 1 else { return .nan }
        if probability == 0 { return -.infinity }
        if probability == 1 { return .infinity }
        GSLRuntime.prepare()
        return gsl_cdf_tdist_Pinv(probability, degreesOfFreedom)
    }

    /// `gsl_ran_tdist`.
    public func sample(_ stream: RandomStream) -> Double {
        gsl_ran_tdist(stream.generator, degreesOfFreedom)
    }
}
