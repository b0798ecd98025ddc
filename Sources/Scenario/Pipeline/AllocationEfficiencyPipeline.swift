import Estimation
import Foundation
import Models
import MonteCarlo
import Numerical
import PanelData
import Reporting

/// Scenario → equilibrium and statics → sweep → simulated panels → estimates → recovery report,
/// for the `allocation-efficiency` model.
struct AllocationEfficiencyPipeline: ScenarioPipeline {
    let scenario: Scenario
    let settings: RunSettings
    let progress: (@Sendable (RunProgress) -> Void)?

    func run() throws -> RunArtifacts {
        var artifacts = RunArtifacts()
        let parameters = try modelParameters(scenario.parameters)
        let model = AllocationEfficiencyModel(parameters: parameters)

        progress?(.stage("solving the equilibrium at I = \(parameters.internetLevel)"))
        let equilibrium = try located { try model.solve() }
        let closedForm = equilibrium.regime.closedFormApplies ? try? model.solve(method: .closedForm) : nil
        let statics = try located { try model.comparativeStatics() }

        let sweep = try runSweep()
        if let sweep {
            artifacts.series.append(contentsOf: sweep.series)
            artifacts.scripts.append(contentsOf: sweep.scripts)
        }

        var monteCarlo: MonteCarloOutcome?
        if settings.replications > 0, !(scenario.montecarlo.recover.isEmpty && scenario.estimations.isEmpty && scenario.mediations.isEmpty) {
            monteCarlo = try runMonteCarlo(model: model, artifacts: &artifacts)
        }
        let claimGrid = try internetGrid(sweep: sweep, parameters: parameters)
        let summary = AllocationEfficiencySummary(
            scenario: scenario, settings: settings, equilibrium: equilibrium, closedForm: closedForm,
            statics: statics, sweep: sweep, claimGrid: claimGrid, monteCarlo: monteCarlo, warnings: artifacts.warnings)
        artifacts.texts.append((path: "summary.md", contents: summary.markdown()))
        return artifacts
    }

    /// Typed parameters; a domain violation is a scenario error located at its key.
    func modelParameters(_ values: ParameterValues) throws -> AllocationEfficiencyParameters {
        try typedParameters(values, AllocationEfficiencyParameters.init)
    }

    /// Runs `body`, turning "no equilibrium" into a scenario error that points at the keys to change.
    func located<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as ModelError {
            if case .noEquilibrium(let reason, let keys) = error {
                throw ScenarioError.model(
                    DomainViolation(key: keys.first ?? "model", message: "no equilibrium: \(reason)",
                                    fix: "change \(keys.joined(separator: " or "))"),
                    in: scenario)
            }
            throw RunFailure(stage: "solving the model", reason: error.description)
        }
    }

    // MARK: Sweep

    func runSweep() throws -> SweepOutcome? {
        let points = scenario.sweepPoints
        guard !points.isEmpty else { return nil }
        progress?(.stage("sweeping \(scenario.sweep.map(\.parameter).joined(separator: " × ")) over \(points.count) points"))
        let started = Date()
        var lastReport = started
        let equilibria = try points.enumerated().map { index, values in
            let now = Date()
            if now.timeIntervalSince(lastReport) >= 5 {
                lastReport = now
                progress?(.stage("  solved \(index) of \(points.count) sweep points (\(100 * index / points.count)%), "
                    + "\(Int(now.timeIntervalSince(started))) s elapsed"))
            }
            return try located { try AllocationEfficiencyModel(parameters: modelParameters(values)).solve() }
        }
        return try SweepOutcome(axes: scenario.sweep, points: points, equilibria: equilibria, format: plotFormat)
    }

    /// Equilibria over a grid of I for the mean-exporter-complexity claim: the sweep when it is over I
    /// alone, otherwise 21 points from 0 to the panel's highest Internet level.
    func internetGrid(sweep: SweepOutcome?, parameters: AllocationEfficiencyParameters) throws -> [AllocationEfficiencyEquilibrium] {
        if let sweep, sweep.axes.count == 1, sweep.axes.first?.parameter == "I" { return sweep.equilibria }
        let top = max(parameters.internetLevel,
                      parameters.internetLevel(region: parameters.regionCount - 1, year: parameters.yearCount - 1))
        let model = AllocationEfficiencyModel(parameters: parameters)
        return try (0...20).map { step in try located { try model.solve(internetLevel: top * Double(step) / 20) } }
    }

    // MARK: Monte Carlo

    func runMonteCarlo(model: AllocationEfficiencyModel, artifacts: inout RunArtifacts) throws -> MonteCarloOutcome {
        progress?(.stage("solving \(model.parameters.regionCount) × \(model.parameters.yearCount) region-year equilibria"))
        let started = Date()
        var lastReport = started
        let panel = try located {
            try model.solvePanel { solved, total in
                // A line every few seconds when the panel is large (10,000 regions × 200 years take minutes).
                let now = Date()
                guard solved < total, now.timeIntervalSince(lastReport) >= 5 else { return }
                lastReport = now
                progress?(.stage("  solved \(solved) of \(total) region-year equilibria (\(100 * solved / total)%), "
                    + "\(Int(now.timeIntervalSince(started))) s elapsed"))
            }
        }
        if !panel.salesAreExactlyPareto {
            artifacts.warnings.append(
                "some region-years have cutoffs below φ_min, so producers' sales are not exactly Pareto and α̂, k̂ are biased; raise f or lower f_e")
        }
        if model.parameters.employmentErrorScale == 0, scenario.montecarlo.recover.contains("sigma") {
            artifacts.warnings.append("employment_error = 0: σ̂ is exact and its standard error is 0, so its coverage is not informative")
        }
        let seed = scenario.seed, recover = scenario.montecarlo.recover
        let finalYear = model.parameters.yearCount
        /// Replication r's panel: its streams depend on (seed, r, purpose) only, never on the thread.
        let simulate: @Sendable (Int) throws -> SimulatedPanel = { replication in
            try model.simulate(
                panel,
                firmDraws: RandomStream(masterSeed: seed, replication: replication, purpose: "allocation-efficiency/firms"),
                measurementErrors: RandomStream(masterSeed: seed, replication: replication, purpose: "allocation-efficiency/measurement"))
        }
        progress?(.stage("running \(settings.replications) replications on up to \(runner.threads) threads"))
        let regressions = try preparedEstimations()
        let mediations = preparedMediations
        let outcomes = try settings.plan.run(runner: runner, progress: progress) { replication -> PlainReplicate in
            // An estimator that cannot run on one panel (too few producers) fails that replication only.
            do {
                let panel = try simulate(replication)
                var failures = BlockFailures()
                var estimates = recover.isEmpty ? [] : failures.attempt("Pareto tail and markup estimators") {
                    try AllocationEfficiencyRecovery.estimates(from: panel, finalYear: finalYear, recover: recover)
                } ?? []
                for regression in regressions {
                    failures.attempt(regression.request.name) {
                        estimates += try regression.estimates(on: panel.dataset) { panel.truth.value(named: $0) }
                    }
                }
                for mediation in mediations {
                    failures.attempt(mediation.request.name) {
                        estimates += try mediation.estimates(on: panel.dataset, replication: replication) {
                            panel.truth.value(named: $0)
                        }
                    }
                }
                return PlainReplicate(record: ReplicationRecord(replication: replication, estimates: estimates),
                                      failure: failures.message)
            } catch {
                return PlainReplicate(record: ReplicationRecord(replication: replication, estimates: []), failure: "\(error)")
            }
        }
        let records = outcomes.map(\.record)
        artifacts.warnings += try ReplicationFailures.warnings(
            outcomes.map { ($0.record, $0.failure) }, hint: "raise firms_per_region or regions for more producers")
        let report = RecoveryReport.summarize(records, level: scenario.montecarlo.level)
        try writeRecovery(report: report, records: records, table: nil,
                          symbol: AllocationEfficiencySummary.symbol(of:), into: &artifacts)
        if scenario.output.writePanel {
            artifacts.texts.append((path: "panel.csv", contents: CSVWriter.string(try simulate(0).dataset)))
        }
        return MonteCarloOutcome(records: records, report: report)
    }
}

/// The Monte Carlo part of a run.
struct MonteCarloOutcome {
    let records: [ReplicationRecord]
    let report: RecoveryReport
}
