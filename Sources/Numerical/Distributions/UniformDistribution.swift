import CGSL

/// The continuous uniform distribution on [lower, upper].
public struct UniformDistribution: ContinuousDistribution {
    /// The lower end of the support.
    public let lower: Double
    /// The upper end of the support.
    public let upper: Double

    /// Throws ``NumericalError/invalidArgument(_:)`` unless both ends are finite and `lower < upper`.
    public init(lower: Double, upper: Double) throws {
        try ParameterCheck.finite(lower, "lower")
        try ParameterCheck.finite(upper, "upper")
        guard lower < upper else {
            throw NumericalError.invalidArgument("uniform: lower (\(lower)) must be below upper (\(upper))")
        }
        self.lower = lower
        self.upper = upper
    }

    /// 1 / (upper − lower) on [lower, upper], zero elsewhere.
    public func density(_ x: Double) -> Double {
        (x >= lower && x <= upper) ? 1 / (upper - lower) : 0
    }

    /// (x − lower) / (upper − lower), clamped to [0, 1].
    public func cumulative(_ x: Double) -> Double {
        if x.isNaN { return .nan }
        if x <= lower { return 0 }
        if x >= upper { return 1 }
        return (x - lower) / (upper - lower)
    }

    /// lower + p (upper − lower).
    public func quantile(_ probability: Double) -> Double {
        guard probability >= 0, probability <= 1 else { return .nan }
        return lower + probability * (upper - lower)
    }

    /// (lower + upper) / 2.
    public var mean: Double { lower / 2 + upper / 2 }

    /// (upper − lower)² / 12.
    public var variance: Double { (upper - lower) * (upper - lower) / 12 }

    /// `gsl_ran_flat`: lower + (upper − lower) u with u uniform on [0, 1).
    public func sample(_ stream: RandomStream) -> Double {
        gsl_ran_flat(stream.generator, lower, upper)
    }
}
