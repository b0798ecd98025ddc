/// A univariate continuous probability distribution.
public protocol ContinuousDistribution: Sendable {
    /// The probability density at `x` (zero outside the support).
    func density(_ x: Double) -> Double
    /// The cumulative distribution function P(X ≤ x).
    func cumulative(_ x: Double) -> Double
    /// The inverse of ``cumulative(_:)``: the smallest `x` with P(X ≤ x) ≥ `probability`.
    /// Returns the lower end of the support for 0, the upper end for 1, and NaN outside [0, 1].
    func quantile(_ probability: Double) -> Double
    /// The expected value; `.infinity` when it does not exist.
    var mean: Double { get }
    /// One draw, consuming values from `stream`.
    func sample(_ stream: RandomStream) -> Double
}

extension ContinuousDistribution {
    /// `count` independent draws from `stream`.
    public func samples(_ count: Int, from stream: RandomStream) -> [Double] {
        (0..<max(count, 0)).map { _ in sample(stream) }
    }
}

/// Validation helpers shared by the distribution initializers.
enum ParameterCheck {
    /// Throws unless `value` is finite.
    static func finite(_ value: Double, _ name: String) throws(NumericalError) {
        guard value.isFinite else {
            throw NumericalError.invalidArgument("\(name) must be finite, got \(value)")
        }
    }

    /// Throws unless `value` is finite and strictly positive.
    static func positive(_ value: Double, _ name: String) throws(NumericalError) {
        guard value.isFinite, value > 0 else {
            throw NumericalError.invalidArgument("\(name) must be finite and positive, got \(value)")
        }
    }
}
