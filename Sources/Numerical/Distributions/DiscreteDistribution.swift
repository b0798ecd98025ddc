/// A probability distribution on the integers.
public protocol DiscreteDistribution: Sendable {
    /// The probability mass P(X = value) (zero outside the support).
    func probability(_ value: Int) -> Double
    /// One draw, consuming values from `stream`.
    func sample(_ stream: RandomStream) -> Int
}

extension DiscreteDistribution {
    /// `count` independent draws from `stream`.
    public func samples(_ count: Int, from stream: RandomStream) -> [Int] {
        (0..<max(count, 0)).map { _ in sample(stream) }
    }
}
