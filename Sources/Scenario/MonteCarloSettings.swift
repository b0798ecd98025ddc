/// The `[montecarlo]` section.
public struct MonteCarloSettings: Sendable, Equatable {
    /// Number of replications, 1…1 000 000 (default 200).
    public let replications: Int
    /// Worker threads; 0 means all cores (default 0).
    public let threads: Int
    /// The model's recoverable parameters to check (default: all of them, in the model's order).
    public let recover: [String]
    /// Confidence level of the coverage intervals, in (0, 1) (default 0.95).
    public let level: Double

    public init(replications: Int = 200, threads: Int = 0, recover: [String], level: Double = 0.95) {
        self.replications = replications
        self.threads = threads
        self.recover = recover
        self.level = level
    }
}
