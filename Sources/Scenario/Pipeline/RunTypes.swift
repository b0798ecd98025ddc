import MonteCarlo
import Reporting

/// Command-line overrides of a scenario's settings.
public struct RunOverrides: Sendable {
    public var outputDirectory: String?
    public var replications: Int?
    public var threads: Int?
    /// Continue from the checkpoint `OUT.checkpoint.csv` of an interrupted run (see ``Checkpoint``).
    public var resume: Bool
    /// Run only this shard's replications and write a shard folder for `hetfirm merge`.
    public var shard: ShardSpec?
    /// Replace an output folder that holds another scenario's output (``OutputFolder``).
    public var force: Bool
    /// Test hook: stop the Monte Carlo with an error once this many replications have started.
    var interruptAfter: Int?
    /// Test hook: stop the Monte Carlo at sweep point `point` (0-based) once `replications` have started
    /// there, after the main Monte Carlo and the earlier points completed (``interruptAfter`` stops the main one).
    var interruptSweep: (point: Int, replications: Int)?

    public init(outputDirectory: String? = nil, replications: Int? = nil, threads: Int? = nil,
                resume: Bool = false, shard: ShardSpec? = nil, force: Bool = false) {
        self.force = force
        self.outputDirectory = outputDirectory
        self.replications = replications
        self.threads = threads
        self.resume = resume
        self.shard = shard
    }
}

/// The outcome of `ScenarioRunner.run`.
public struct RunSummary: Sendable {
    public let outputDirectory: String
    public let files: [String]
    public let warnings: [String]
    /// Things worth knowing that do not make the run's outcome doubtful (e.g. gnuplot is missing).
    public let notes: [String]
    public let recovery: RecoveryReport?
}

