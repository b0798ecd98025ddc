import MonteCarlo
import Reporting

/// Everything a run produces, before it is written to disk.
public struct RunArtifacts: Sendable {
    /// Text files by path relative to the output folder (summary.md, *.csv, scenario.toml).
    public var texts: [(path: String, contents: String)] = []
    public var series: [DataSeries] = []
    public var scripts: [GnuplotScript] = []
    /// Conditions the user must see; the CLI exits with code 3 when there are any.
    public var warnings: [String] = []
    public var recovery: RecoveryReport?
    /// The Monte Carlo's records sorted by replication (what a shard folder keeps).
    public var records: [ReplicationRecord]?

    public init() {}
}

/// A run that failed for a reason other than bad input (CLI exit code 1).
public struct RunFailure: Error, Sendable, CustomStringConvertible {
    public let stage: String
    public let reason: String

    public init(stage: String, reason: String) {
        self.stage = stage
        self.reason = reason
    }

    public var description: String { "\(stage) failed: \(reason)" }
}
