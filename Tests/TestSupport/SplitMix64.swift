import Foundation

/// SplitMix64 (Steele, Lea and Flood 2014): a small deterministic generator for test data and
/// mutations, independent of thread count and platform, so a failure can be replayed from its seed.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    /// The generator's state; the next output mixes `state + γ`.
    public var state: UInt64

    public init(seed: UInt64) { state = seed }

    public init(state: UInt64) { self.state = state }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }

    /// A uniform integer in 0..<bound (0 when `bound` < 1), by the modulo of the next output.
    public mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(Swift.max(bound, 1))) }

    /// Same as `below(_:)`.
    public mutating func integer(below bound: Int) -> Int { below(bound) }

    /// A uniform double in [0, 1) from the top 53 bits.
    public mutating func uniform() -> Double { Double(next() >> 11) / Double(UInt64(1) << 53) }

    /// A standard normal draw (Box–Muller, one of the pair).
    public mutating func normal() -> Double {
        let u = Swift.max(uniform(), 1e-300), v = uniform()
        return (-2 * log(u)).squareRoot() * cos(2 * Double.pi * v)
    }
}
