import Foundation
import Models
import MonteCarlo
import PanelData
import Reporting
import Spatial

/// A run of any model, from its theory to its summary: solve at the scenario's point, the theory over
/// the sweep grid, the Monte Carlo (checkpointed, shardable, resumable) with replication 0's tables
/// and panel, the Monte Carlo again at every sweep point, the model's own files, and summary.md.
/// Every Monte Carlo runs the blocks bound to what the model supplies at its simulator
/// (``ModelSupplies``, e.g. the W of `weights = "model:NAME"`); the main run writes each supplied
/// weight matrix as `weights/NAME.gwt`.
/// What differs between models is only what their ``ModelPipeline`` contributes.
public struct ModelRun<Pipeline: ModelPipeline>: Sendable {
    public let context: RunContext
    let pipeline = Pipeline()

    public init(context: RunContext) { self.context = context }

    public func run() throws -> RunArtifacts {
        var artifacts = RunArtifacts()
        context.report("solving \(Pipeline.key) at the scenario's parameters")
        let theory = try pipeline.solve(context.parameters, context: context)
        var sweepTheory: Pipeline.SweepTheory?
        if !context.sweep.isEmpty {
            context.report("evaluating the theory at \(context.sweep.points.count) sweep points")
            sweepTheory = try pipeline.sweepTheory(points: context.sweep.points, context: context)
        }
        var monteCarlo: MonteCarloOutcome<Pipeline>?
        var sweepRecovery: SweepRecovery?
        if pipeline.wantsMonteCarlo(context) {
            let (outcome, supplies) = try monteCarloRun(theory: theory, values: context.parameters, plan: context.plan,
                                                        keepFirst: true, warnings: &artifacts.warnings)
            artifacts.warnings += outcome.warnings
            addWeightsFiles(supplies, into: &artifacts)
            try addRecoveryFiles(outcome, into: &artifacts)
            monteCarlo = outcome
            if context.sweepMonteCarlo, !context.sweep.isEmpty, let sweepPlan = context.sweepPlan {
                sweepRecovery = try sweepMonteCarlo(plan: sweepPlan, warnings: &artifacts.warnings)
                if let sweepRecovery {
                    artifacts.series += sweepRecovery.series
                    artifacts.scripts += sweepRecovery.scripts
                    artifacts.texts.append((path: "sweep-recovery.csv", contents: sweepRecovery.csv()))
                }
            }
        }
        let own = try pipeline.artifacts(theory: theory, monteCarlo: monteCarlo, sweep: sweepTheory, context: context)
        artifacts.texts += own.texts
        artifacts.series += own.series
        artifacts.scripts += own.scripts
        artifacts.warnings += own.warnings
        if context.writePanel, let first = monteCarlo?.firstDraw?.mainPanel {
            context.report("writing the replication-0 panel (\(first.rowCount) rows)")
            artifacts.texts.append((path: "panel.csv", contents: CSVWriter.string(first)))
        }
        let sections = pipeline.summary(theory: theory, monteCarlo: monteCarlo, sweep: sweepTheory, sweepRecovery: sweepRecovery,
                                        context: context)
        let document = SummaryDocument(title: "\(context.scenarioName): \(Pipeline.key)", model: Pipeline.descriptor,
                                       seed: context.seed, level: context.level, sections: sections, warnings: artifacts.warnings)
        artifacts.texts.append((path: "summary.md", contents: document.markdown(
            monteCarlo: monteCarlo.map { (report: $0.report, replications: $0.records.count, table: $0.table,
                                          statistics: BlockStatisticsReport(rows: $0.statistics)) },
            sweepRecovery: sweepRecovery, name: pipeline.displayName(of:))))
        return artifacts
    }

    /// The Monte Carlo at `values` (the scenario's point or a sweep point), its blocks bound to what the
    /// model supplies at this simulator; returns those supplies too.
    /// - Throws: ``RunFailure`` when a block names a supply the model does not give (before any replication).
    func monteCarloRun(theory: Pipeline.Theory, values: ParameterValues, plan: ReplicationPlan, keepFirst: Bool,
                       warnings: inout [String]) throws -> (outcome: MonteCarloOutcome<Pipeline>, supplies: ModelSupplies) {
        let simulator = try pipeline.simulator(for: theory, values: values, context: context, warnings: &warnings)
        let supplies = ModelSupplies(spatialWeights: try pipeline.spatialWeights(for: simulator, context: context))
        let bound = ModelSupplies.needed(by: context.blocks) ? context.replacingBlocks(try supplies.binding(context.blocks)) : context
        if keepFirst {
            context.report("running \(plan.selected.count) replications on up to \(context.runner.threads) threads")
        }
        let outcome = try MonteCarloJob(pipeline: pipeline, simulator: simulator, context: bound, keepFirst: keepFirst).run(plan: plan)
        return (outcome, supplies)
    }

    /// Each weight matrix the model supplied as `weights/NAME.gwt` (NAME made file-safe), so that
    /// `hetfirm spatial panel.csv … --weights weights/NAME.gwt` refits replication 0's panel with it.
    /// A matrix GWT cannot hold (an island) is a warning, not a failed run.
    func addWeightsFiles(_ supplies: ModelSupplies, into artifacts: inout RunArtifacts) {
        for name in supplies.spatialWeights.keys.sorted() {
            guard let weights = supplies.spatialWeights[name] else { continue }
            do {
                let text = try SpatialWeightsWriter.text(weights, format: .gwt)
                artifacts.texts.append((path: Self.weightsFile(name), contents: text))
            } catch {
                artifacts.warnings.append("the model's weight matrix '\(name)' is not written as \(Self.weightsFile(name)): \(error)")
            }
        }
    }

    /// `weights/NAME.gwt` of the model's weight matrix NAME.
    static func weightsFile(_ name: String) -> String { "weights/" + FileStem.of(name) + ".gwt" }

    /// The Monte Carlo at every sweep point, each with its own checkpoint.
    func sweepMonteCarlo(plan: @Sendable (Int) throws -> ReplicationPlan, warnings: inout [String]) throws -> SweepRecovery {
        let grid = context.sweep
        context.report("repeating the Monte Carlo at \(grid.points.count) sweep points × \(context.replications) replications")
        var reports: [RecoveryReport] = []
        for (index, values) in grid.points.enumerated() {
            context.report("sweep point \(index + 1) of \(grid.points.count): \(grid.label(index))")
            var pointWarnings: [String] = []
            do {
                let theory = try pipeline.solve(values, context: context)
                let (outcome, _) = try monteCarloRun(theory: theory, values: values, plan: try plan(index), keepFirst: false,
                                                     warnings: &pointWarnings)
                pointWarnings += outcome.warnings
                reports.append(outcome.report)
            } catch let violation as DomainViolation {
                // A point where the model cannot be simulated (no equilibrium there) has no Monte Carlo; the
                // others still run, and its theory is in the model's own sweep sections.
                pointWarnings.append("no Monte Carlo at this point: \(violation.message)")
                reports.append(RecoveryReport.summarize([], level: context.level))
            } catch let failure as RunFailure {
                // Every replication failed here (e.g. the simulator's own no-equilibrium check): a gap in the curves.
                pointWarnings.append("no Monte Carlo at this point: \(failure.reason)")
                reports.append(RecoveryReport.summarize([], level: context.level))
            }
            warnings += pointWarnings.map { "sweep point \(index + 1) (\(grid.label(index))): \($0)" }
        }
        return try SweepRecovery(grid: grid, reports: reports, level: context.level, format: context.plotFormat)
    }

    /// recovery.csv, replications.csv, replication 0's side-by-side table (Markdown, LaTeX, CSV) when there
    /// is one, and a sampling-distribution plot per recovered quantity.
    func addRecoveryFiles(_ outcome: MonteCarloOutcome<Pipeline>, into artifacts: inout RunArtifacts) throws {
        artifacts.recovery = outcome.report
        artifacts.records = outcome.records
        artifacts.texts.append((path: "recovery.csv", contents: RecoveryTables.csv(outcome.report)))
        artifacts.texts.append((path: "replications.csv", contents: RecoveryTables.replicationsCSV(outcome.records)))
        let statistics = BlockStatisticsReport(rows: outcome.statistics)
        if !statistics.isEmpty { artifacts.texts.append((path: "statistics.csv", contents: statistics.csv())) }
        if let table = outcome.table {
            artifacts.texts.append((path: "table.md", contents: table.markdown()))
            artifacts.texts.append((path: "table.tex", contents: table.latex()))
            artifacts.texts.append((path: "table.csv", contents: table.csv()))
        }
        // A plot that cannot be made (no finite estimate, a non-finite truth) is a warning: the tables
        // above are the run's results and are always written.
        for row in outcome.report.rows {
            let estimates = outcome.records.flatMap { $0.estimates.filter { $0.parameter == row.parameter }.map(\.estimate) }
            do {
                let plot = try GnuplotPlots.samplingDistribution(
                    estimates: estimates, truth: row.truth, meanStandardError: row.meanStandardError,
                    parameterSymbol: pipeline.symbol(of: row.parameter), stem: "sampling-" + FileStem.of(row.parameter),
                    format: context.plotFormat)
                artifacts.series.append(plot.data)
                artifacts.scripts.append(plot.script)
            } catch {
                artifacts.warnings.append("no sampling-distribution plot for \(row.parameter): \(error)")
            }
        }
    }
}
