import Estimation
import Foundation
import Measures
import Models
import MonteCarlo
import PanelData
import Reporting

/// Scenario → theory (δ(n), statics) → simulated plant panels with the paper-003 regressors →
/// `[[estimate]]` / `[[mediate]]` blocks and the structural fit of v_z/v_d → recovery report, tables
/// of replication 0 and, with a `[sweep]`, the recovery over the grid; for `information-spillover`.
struct InformationSpilloverPipeline: ScenarioPipeline {
    let scenario: Scenario
    let settings: RunSettings
    let progress: (@Sendable (RunProgress) -> Void)?

    /// Bins of n for the structural fit of δ(n).
    static let signalBins = 8

    func run() throws -> RunArtifacts {
        var artifacts = RunArtifacts()
        let parameters = try modelParameters(scenario.parameters)
        let model = InformationSpilloverModel(parameters: parameters)
        let theory = SpilloverTheory(parameters: parameters)
        var outcomeOfMonteCarlo: SpilloverMonteCarlo.Outcome?
        if settings.replications > 0,
           !(scenario.montecarlo.recover.isEmpty && scenario.estimations.isEmpty && scenario.mediations.isEmpty) {
            progress?(.stage("running \(settings.replications) replications on up to \(runner.threads) threads"))
            let outcome = try monteCarlo(model: model, plan: settings.plan, keepTables: true)
            try report(outcome, theory: theory, artifacts: &artifacts)
            outcomeOfMonteCarlo = outcome
        }
        let sweep = try runSweep(artifacts: &artifacts)
        if let first = outcomeOfMonteCarlo?.firstPanel, scenario.output.writePanel {
            progress?(.stage("writing the replication-0 panel (\(first.rowCount) rows)"))
            artifacts.texts.append((path: "panel.csv", contents: CSVWriter.string(first)))
        }
        let summary = InformationSpilloverSummary(
            scenario: scenario, settings: settings, theory: theory, monteCarlo: outcomeOfMonteCarlo, sweep: sweep,
            warnings: artifacts.warnings)
        artifacts.texts.append((path: "summary.md", contents: summary.markdown()))
        return artifacts
    }

    /// Typed parameters; a domain violation is a scenario error located at its key.
    func modelParameters(_ values: ParameterValues) throws -> InformationSpilloverParameters {
        try typedParameters(values, InformationSpilloverParameters.init)
    }

    func monteCarlo(model: InformationSpilloverModel, plan: ReplicationPlan, keepTables: Bool) throws -> SpilloverMonteCarlo.Outcome {
        let structural = scenario.montecarlo.recover.contains(SpilloverStructuralFit.parameter)
            ? SpilloverStructuralFit(binCount: Self.signalBins, asPrinted: model.parameters.variant == .asPrinted) : nil
        var job = SpilloverMonteCarlo(
            assembly: SpilloverAssembly(model: model, seed: scenario.seed,
                                        withProducts: scenario.estimations.contains { $0.data == "products" }),
            regressions: try preparedEstimations(),
            mediations: preparedMediations,
            structural: structural, keepTables: keepTables)
        if keepTables, let progress { job.reportStage = { progress(.stage($0)) } }
        return try job.run(plan: plan, runner: runner, level: scenario.montecarlo.level, progress: progress)
    }

    /// recovery.csv, replications.csv, the regression tables of replication 0, sampling plots and the δ(n) plot.
    func report(_ outcome: SpilloverMonteCarlo.Outcome, theory: SpilloverTheory, artifacts: inout RunArtifacts) throws {
        artifacts.warnings += outcome.warnings
        try writeRecovery(report: outcome.report, records: outcome.records, table: outcome.table,
                          symbol: { $0 == SpilloverStructuralFit.parameter ? "v_z/v_d" : $0 }, into: &artifacts)
        if let bins = outcome.meanBins {
            let plot = try theory.weightPlot(bins: bins, fittedRatio: outcome.meanFittedRatio, format: plotFormat)
            artifacts.series += plot.series
            artifacts.scripts.append(plot.script)
        }
    }

    // MARK: Sweep

    /// The Monte Carlo at every sweep point (estimates only): mean estimate and mean truth of every recovered
    /// quantity against the swept parameter.
    func runSweep(artifacts: inout RunArtifacts) throws -> SpilloverSweep? {
        let points = scenario.sweepPoints
        // A shard folder keeps only its own replications, so a shard skips the sweep; otherwise the
        // sweep's Monte Carlo runs every replication at every point, without a checkpoint.
        guard !points.isEmpty, settings.replications > 0, settings.shard == nil else { return nil }
        progress?(.stage("sweeping \(scenario.sweep.map(\.parameter).joined(separator: " × ")) over \(points.count) points"
            + " × \(settings.replications) replications"))
        var outcomes: [RecoveryReport] = []
        for (index, values) in points.enumerated() {
            let model = InformationSpilloverModel(parameters: try modelParameters(values))
            let outcome = try monteCarlo(model: model, plan: ReplicationPlan(total: settings.replications), keepTables: false)
            let point = scenario.sweep.map { "\($0.parameter) = \(values.real($0.parameter).map { "\($0)" } ?? "?")" }.joined(separator: ", ")
            artifacts.warnings += outcome.warnings.map { "sweep point \(index + 1) (\(point)): \($0)" }
            outcomes.append(outcome.report)
        }
        let sweep = try SpilloverSweep(axes: scenario.sweep, points: points, reports: outcomes, format: plotFormat)
        artifacts.series += sweep.series
        artifacts.scripts += sweep.scripts
        return sweep
    }
}
