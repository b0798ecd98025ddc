/// A plant's normal belief N(mean, variance) about a destination's log demand level d_m.
public struct DemandBelief: Sendable, Codable, Equatable {
    /// μ, the belief's mean.
    public var mean: Double
    /// P, the belief's variance.
    public var variance: Double

    public init(mean: Double, variance: Double) {
        self.mean = mean
        self.variance = variance
    }

    /// A published level: the belief N(level, 0) of `revelation = "annual"`.
    public static func published(_ level: Double) -> DemandBelief { DemandBelief(mean: level, variance: 0) }
}
