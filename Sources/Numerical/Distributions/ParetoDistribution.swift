import CGSL
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The Pareto (type I) distribution with shape k and scale x_m:
/// density k x_mᵏ / xᵏ⁺¹ for x ≥ x_m, P(X > x) = (x_m / x)ᵏ.
///
/// The productivity distribution of Melitz models with a Pareto tail.
public struct ParetoDistribution: ContinuousDistribution {
    /// k > 0, the tail index.
    public let shape: Double
    /// x_m > 0, the lower end of the support.
    public let scale: Double

    /// Throws ``NumericalError/invalidArgument(_:)`` unless both parameters are finite and positive.
    public init(shape: Double, scale: Double) throws {
        try ParameterCheck.positive(shape, "pareto shape")
        try ParameterCheck.positive(scale, "pareto scale")
        self.shape = shape
        self.scale = scale
    }

    /// (k / x_m)(x_m / x)ᵏ⁺¹ for x ≥ x_m, zero below.
    public func density(_ x: Double) -> Double {
        if x.isNaN { return .nan }
        guard x >= scale else { return 0 }
        return shape / scale * pow(scale / x, shape + 1)
    }

    /// 1 − (x_m / x)ᵏ, evaluated as −expm1(k log(x_m / x)) so that it stays accurate near x_m.
    public func cumulative(_ x: Double) -> Double {
        if x.isNaN { return .nan }
        guard x > scale else { return 0 }
        return -expm1(shape * log(scale / x))
    }

    /// x_m (1 − p)^(−1/k), evaluated as x_m exp(−log1p(−p)/k); +∞ at 1.
    public func quantile(_ probability: Double) -> Double {
        guard probability >= 0, probability <= 1 else { return .nan }
        if probability == 1 { return .infinity }
        return scale * exp(-log1p(-probability) / shape)
    }

    /// k x_m / (k − 1) for k > 1, otherwise `.infinity`.
    public var mean: Double {
        shape > 1 ? shape * scale / (shape - 1) : .infinity
    }

    /// k x_m² / ((k − 1)² (k − 2)) for k > 2, otherwise `.infinity`.
    public var variance: Double {
        guard shape > 2 else { return .infinity }
        return shape * scale * scale / ((shape - 1) * (shape - 1) * (shape - 2))
    }

    /// `gsl_ran_pareto(r, shape, scale)`: x_m u^(−1/k) with u uniform on (0, 1).
    public func sample(_ stream: RandomStream) -> Double {
        gsl_ran_pareto(stream.generator, shape, scale)
    }
}
