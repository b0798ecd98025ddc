import Models
import MonteCarlo
import Reporting

/// Everything a run of one scenario needs besides the model: built by the scenario layer from the
/// validated scenario and the command line, read by ``ModelRun`` and the model's ``ModelPipeline``.
public struct RunContext: Sendable {
    /// `[scenario] name`.
    public let scenarioName: String
    public let seed: UInt64
    /// The scenario's own parameter point, every default filled in.
    public let parameters: ParameterValues
    /// The sweep grid (empty without `[sweep]`).
    public let sweep: SweepGrid
    /// Whether the Monte Carlo is repeated at every sweep point (`[sweep] montecarlo`, default true).
    public let sweepMonteCarlo: Bool
    /// The model's built-in estimators to check (`[montecarlo] recover`).
    public let recover: [String]
    /// Confidence level of the coverage intervals.
    public let level: Double
    /// Monte Carlo replications of the whole run (all shards).
    public let replications: Int
    public let threads: Int
    /// The `[[estimate]]` requests (models read them for what their panels must contain).
    public let estimations: [EstimationRequest]
    /// The `[[mediate]]` requests.
    public let mediations: [MediationRequest]
    /// Every estimator block, in file order: the `[[estimate]]` blocks, then the `[[mediate]]` blocks.
    public let blocks: [any EstimatorBlock]
    /// `[output] panel`: write replication 0's main panel as `panel.csv`.
    public let writePanel: Bool
    public let plotFormat: PlotFormat
    /// The main Monte Carlo's replications (a shard's, or all), checkpointed.
    public let plan: ReplicationPlan
    /// The replications of sweep point `index`, checkpointed separately; `nil` when a shard skips the sweep.
    public let sweepPlan: (@Sendable (Int) throws -> ReplicationPlan)?
    public let progress: (@Sendable (RunProgress) -> Void)?

    public init(scenarioName: String, seed: UInt64, parameters: ParameterValues, sweep: SweepGrid, sweepMonteCarlo: Bool,
                recover: [String], level: Double, replications: Int, threads: Int, estimations: [EstimationRequest],
                mediations: [MediationRequest], blocks: [any EstimatorBlock], writePanel: Bool, plotFormat: PlotFormat,
                plan: ReplicationPlan, sweepPlan: (@Sendable (Int) throws -> ReplicationPlan)?,
                progress: (@Sendable (RunProgress) -> Void)?) {
        self.scenarioName = scenarioName
        self.seed = seed
        self.parameters = parameters
        self.sweep = sweep
        self.sweepMonteCarlo = sweepMonteCarlo
        self.recover = recover
        self.level = level
        self.replications = replications
        self.threads = threads
        self.estimations = estimations
        self.mediations = mediations
        self.blocks = blocks
        self.writePanel = writePanel
        self.plotFormat = plotFormat
        self.plan = plan
        self.sweepPlan = sweepPlan
        self.progress = progress
    }

    /// The same context with `blocks` in place of ``blocks`` (e.g. the blocks bound to what the model
    /// supplies, ``ModelSupplies/binding(_:)``), for one Monte Carlo.
    public func replacingBlocks(_ blocks: [any EstimatorBlock]) -> RunContext {
        RunContext(scenarioName: scenarioName, seed: seed, parameters: parameters, sweep: sweep, sweepMonteCarlo: sweepMonteCarlo,
                   recover: recover, level: level, replications: replications, threads: threads, estimations: estimations,
                   mediations: mediations, blocks: blocks, writePanel: writePanel, plotFormat: plotFormat, plan: plan,
                   sweepPlan: sweepPlan, progress: progress)
    }

    /// The worker pool of the Monte Carlo.
    public var runner: ReplicationRunner { ReplicationRunner(threads: threads) }

    /// Reports a stage to the user.
    public func report(_ stage: String) { progress?(.stage(stage)) }

    /// The panels the estimator blocks read (a model builds an optional panel only when one reads it).
    public var panelsRead: Set<PanelSelection> { Set(blocks.map(\.panel)) }

    /// Whether an `[[estimate]]` block recovers a ``TruthTarget/pseudoTrue`` value (the model then
    /// simulates the noise-free outcomes too).
    public var recoversPseudoTrue: Bool {
        estimations.contains { $0.recover.contains { $0.truth == .pseudoTrue } }
    }
}

/// The `[sweep]` grid: its axes and every point (first axis slowest).
public struct SweepGrid: Sendable {
    public let axes: [SweepAxis]
    public let points: [ParameterValues]

    public init(axes: [SweepAxis], points: [ParameterValues]) {
        self.axes = axes
        self.points = points
    }

    public var isEmpty: Bool { points.isEmpty }

    /// "v_z = 0.5, n = 3" for point `index`.
    public func label(_ index: Int) -> String {
        axes.map { "\($0.parameter) = \(points[index].real($0.parameter).map { "\($0)" } ?? "?")" }.joined(separator: ", ")
    }
}
