/// The outcome of a multidimensional minimization.
public struct MinimizationResult: Sendable, Equatable {
    /// The best point found.
    public let point: [Double]
    /// The objective at ``point``.
    public let value: Double
    /// The number of iterations performed.
    public let iterations: Int
    /// Whether the stopping criterion was met (false when the iteration limit was reached
    /// or, for BFGS, when the line search could make no further progress first).
    public let converged: Bool

    /// A result from its parts.
    public init(point: [Double], value: Double, iterations: Int, converged: Bool) {
        self.point = point
        self.value = value
        self.iterations = iterations
        self.converged = converged
    }
}
