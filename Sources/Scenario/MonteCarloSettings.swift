/// The `[montecarlo]` section.
public struct MonteCarloSettings: Sendable, Equatable {
    /// The replications a scenario (`[montecarlo] replications`) or `--replications` may ask for.
    public static let replicationRange = 1...1_000_000
    /// The most worker threads (`[montecarlo] threads`, `--threads`); 0 means all cores.
    public static let maximumThreads = 1024

    /// Number of replications, 1…1 000 000 (default 200).
    public let replications: Int
    /// Worker threads, 0…`maximumThreads`; 0 means all cores (default 0).
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
