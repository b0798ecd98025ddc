import Models
import MonteCarlo
import PanelData
import Reporting
import Spatial

/// What a model contributes to a run, and nothing more: its theory, its simulator, its built-in
/// estimators and its own summary sections and plots. Everything else — replications, checkpoints,
/// shards, resume, the `[[estimate]]` and `[[mediate]]` blocks, replication 0's tables, `panel.csv`,
/// the recovery files and plots, the sweep and the summary's frame — is the generic run's
/// (``ModelRun``), the same for every model.
///
/// The pattern is QuantEcon's: parameters → ``solve(_:context:)`` → an immutable theory →
/// ``simulator(for:values:context:)`` → ``ReplicationSimulator/draw(replication:)`` from streams
/// derived from (seed, replication, purpose).
public protocol ModelPipeline: Sendable {
    /// The model (`Sources/Models/<Model>`): descriptor, typed parameters, theory.
    associatedtype Model: HeterogeneousFirmModel
    /// The solved theory at one parameter point: equilibrium, comparative statics, claims.
    typealias Theory = Model.Theory
    /// A solved model that simulates replications.
    associatedtype Simulator: ReplicationSimulator
    /// What the model keeps from every replication beyond its estimates (checkpointed as JSON).
    associatedtype Extra: Codable & Sendable = NoExtra
    /// The theory over the sweep grid, when the model evaluates one.
    associatedtype SweepTheory: Sendable = Never

    /// The model's parameters, domains and what a Monte Carlo can recover.
    static var descriptor: ModelDescriptor { get }

    /// A tiny scenario (TOML text) on which the contract suite (`ModelContractTests`) checks that the
    /// generic run works for this model: it must validate and run in seconds in a debug build, with a
    /// small panel, one `[[estimate]]` block with a `recover`, a `[montecarlo]` section, a one-axis
    /// `[sweep]` of two points and `[output] panel = true` and `gnuplot = false`.
    static var contractScenario: String { get }

    /// The theory at `values` (by default the model's ``HeterogeneousFirmModel/theory()``).
    /// - Throws: ``Models/DomainViolation`` for parameters outside the model's domain or without an
    ///   equilibrium (a located scenario error), anything else for a failed run.
    func solve(_ values: ParameterValues, context: RunContext) throws -> Theory

    /// Whether the scenario asks for a Monte Carlo this model can run.
    func wantsMonteCarlo(_ context: RunContext) -> Bool

    /// The simulator at `values` with the solved `theory`; conditions the user must see go to `warnings`.
    func simulator(for theory: Theory, values: ParameterValues, context: RunContext,
                   warnings: inout [String]) throws -> Simulator

    /// The spatial weight matrices the model supplies at this simulator, by the names its descriptor lists
    /// (``Models/ModelDescriptor/spatialWeights``): a block with `weights = "model:NAME"` is fitted with
    /// `NAME`'s matrix, and the main run writes each as `weights/NAME.gwt`. They must depend only on
    /// the seed and the parameters (what the scenario's fingerprint covers). By default none.
    func spatialWeights(for simulator: Simulator, context: RunContext) throws -> [String: SpatialWeights]

    /// The built-in estimators on one replication (before the scenario's blocks), with the extra they keep.
    func builtInEstimates(on draw: Simulator.Draw, simulator: Simulator, context: RunContext,
                          failures: inout BlockFailures) -> BuiltInEstimates<Extra>

    /// The replication's extra once every block ran (e.g. instrument strength read from the blocks' statistics).
    func completedExtra(_ extra: Extra?, draw: Simulator.Draw, statistics: [BlockStatistic]) -> Extra?

    /// The theory over the sweep grid (`[sweep]`), evaluated at every point; `nil` when the model has none.
    func sweepTheory(points: [ParameterValues], context: RunContext) throws -> SweepTheory?

    /// The model's own files: plots and tables of its theory, its Monte Carlo extras and its sweep.
    func artifacts(theory: Theory, monteCarlo: MonteCarloOutcome<Self>?, sweep: SweepTheory?,
                   context: RunContext) throws -> RunArtifacts

    /// The model's sections of summary.md (after the generic header and warnings).
    func summary(theory: Theory, monteCarlo: MonteCarloOutcome<Self>?, sweep: SweepTheory?,
                 sweepRecovery: SweepRecovery?, context: RunContext) -> ModelSummary

    /// A recovered quantity as gnuplot enhanced-text markup on its plots (e.g. `sigma` → σ).
    func symbol(of parameter: String) -> String

    /// A recovered quantity as summary.md names it (e.g. `sales_shape` → α).
    func displayName(of parameter: String) -> String

    /// What the user can change when replications produce nothing (appended to the warning).
    var failureHint: String { get }

    init()
}

/// A solved model's replication source: replication r from streams of (seed, r, purpose) only.
public protocol ReplicationSimulator: Sendable {
    associatedtype Draw: SimulatedReplication
    func draw(replication: Int) throws -> Draw
}

extension SimulatedReplication {
    /// The panel `selection` names: the main panel, or `nil` when this replication has no such panel.
    public func panel(_ selection: PanelSelection) -> Dataset? {
        switch selection {
        case .main: return mainPanel
        case .named(let name): return panel(named: name)
        }
    }
}

/// The built-in estimates of one replication and what the model keeps beside them.
public struct BuiltInEstimates<Extra: Sendable>: Sendable {
    public var estimates: [ParameterEstimate]
    public var extra: Extra?

    public init(estimates: [ParameterEstimate] = [], extra: Extra? = nil) {
        self.estimates = estimates
        self.extra = extra
    }
}

/// The extra of a model that keeps nothing beyond its estimates.
public struct NoExtra: Codable, Sendable {}

/// A model's sections of summary.md.
public struct ModelSummary: Sendable {
    /// A sentence after the title (variant, conventions, where the model is documented).
    public var headline: String = ""
    /// Theory sections (equilibrium, statics, claims), before the Monte Carlo.
    public var theory: [String] = []
    /// Replication 0's panel, before the regression table.
    public var panel: [String] = []
    /// What the recovery table reports and how (before the table).
    public var recoveryPreamble: String = ""
    /// Sections after the recovery table (structural fits, diagnostics).
    public var recoveryAppendix: String = ""
    /// Sections on the theory over the sweep grid.
    public var sweep: [String] = []

    public init() {}
}

extension ModelPipeline {
    public static var key: String { descriptor.key }

    public static var descriptor: ModelDescriptor { Model.descriptor }

    public func solve(_ values: ParameterValues, context: RunContext) throws -> Model.Theory {
        let model = Model(parameters: try Model.Parameters(values))
        do { return try model.theory() } catch let error as ModelError {
            throw Self.located(error)
        }
    }

    /// "No equilibrium" as a domain violation at the first key to change (a located scenario error, exit
    /// code 2); any other model error as a failed run.
    public static func located(_ error: ModelError) -> any Error {
        if case .noEquilibrium(let reason, let keys) = error {
            return DomainViolation(key: keys.first ?? "model", message: "no equilibrium: \(reason)",
                                   fix: "change \(keys.joined(separator: " or "))")
        }
        return RunFailure(stage: "solving the model", reason: error.description)
    }

    public func wantsMonteCarlo(_ context: RunContext) -> Bool {
        context.replications > 0 && !(context.recover.isEmpty && context.blocks.isEmpty)
    }

    public func spatialWeights(for simulator: Simulator, context: RunContext) throws -> [String: SpatialWeights] { [:] }

    public func builtInEstimates(on draw: Simulator.Draw, simulator: Simulator, context: RunContext,
                                 failures: inout BlockFailures) -> BuiltInEstimates<Extra> { BuiltInEstimates() }

    public func completedExtra(_ extra: Extra?, draw: Simulator.Draw, statistics: [BlockStatistic]) -> Extra? { extra }

    public func symbol(of parameter: String) -> String { parameter }

    public func displayName(of parameter: String) -> String { parameter }

    public var failureHint: String { "" }
}

extension ModelPipeline where SweepTheory == Never {
    public func sweepTheory(points: [ParameterValues], context: RunContext) throws -> Never? { nil }
}
