/// The outcome of an adaptive quadrature: the integral and GSL's estimate of its absolute error.
public struct QuadratureResult: Sendable, Equatable {
    /// The approximation to the integral.
    public let value: Double
    /// GSL's estimate of |value − exact integral|.
    public let estimatedError: Double

    /// A result from its two parts.
    public init(value: Double, estimatedError: Double) {
        self.value = value
        self.estimatedError = estimatedError
    }
}
