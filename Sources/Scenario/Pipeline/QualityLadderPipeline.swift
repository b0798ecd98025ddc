import Estimation
import Foundation
import Models
import MonteCarlo
import PanelData
import Reporting

/// Scenario → theory of both readings (consistent equilibrium and statics, as-printed regime table)
/// → sweep of the claims → simulated record panels with KSW quality and frontier distances →
/// `[[estimate]]` / `[[mediate]]` blocks and the eq. (4) elasticity → recovery report, instrument
/// strength and KSW diagnostics, tables of replication 0; for `quality-ladder`.
///
/// The simulator always draws from the consistent equilibrium (the as-printed reading has no
/// simulator), so a Monte Carlo needs a consistent equilibrium whatever `variant` says.
struct QualityLadderPipeline: ScenarioPipeline {
    let scenario: Scenario
    let settings: RunSettings
    let progress: (@Sendable (RunProgress) -> Void)?

    func run() throws -> RunArtifacts {
        var artifacts = RunArtifacts()
        let parameters = try modelParameters(scenario.parameters)
        progress?(.stage("solving the quality-ladder equilibrium (closed form and Brent + quadrature)"))
        let theory = try solve(parameters)
        if parameters.variant == .consistent, case .noEquilibrium(let reason, let keys) = theory.consistent {
            throw noEquilibrium(reason: reason, keys: keys)
        }
        var sweep: QualitySweep?
        if !scenario.sweep.isEmpty {
            progress?(.stage("evaluating the claims over \(scenario.sweepPointCount) sweep points"))
            let grid = try QualitySweep(axes: scenario.sweep, points: scenario.sweepPoints, base: scenario.parameters,
                                        format: plotFormat, parameters: modelParameters)
            artifacts.series += grid.series
            artifacts.scripts += grid.scripts
            artifacts.texts.append((path: "propositions.csv", contents: grid.csv()))
            sweep = grid
        }
        var monteCarlo: QualityMonteCarlo.Outcome?
        if settings.replications > 0, !(scenario.estimations.isEmpty && scenario.mediations.isEmpty) {
            guard let equilibrium = theory.equilibrium else {
                if case .noEquilibrium(let reason, let keys) = theory.consistent {
                    throw noEquilibrium(reason: reason + " (the simulator draws from the consistent variant)", keys: keys)
                }
                throw RunFailure(stage: "Monte Carlo", reason: "no consistent equilibrium to simulate from")
            }
            let outcome = try runMonteCarlo(equilibrium: equilibrium)
            try report(outcome, artifacts: &artifacts)
            monteCarlo = outcome
        }
        if let first = monteCarlo?.firstPanel, scenario.output.writePanel {
            progress?(.stage("writing the replication-0 panel (\(first.rowCount) rows)"))
            artifacts.texts.append((path: "panel.csv", contents: CSVWriter.string(first)))
        }
        let summary = QualityLadderSummary(scenario: scenario, settings: settings, theory: theory, monteCarlo: monteCarlo,
                                           sweep: sweep, warnings: artifacts.warnings)
        artifacts.texts.append((path: "summary.md", contents: summary.markdown()))
        return artifacts
    }

    /// Typed parameters; a domain violation is a scenario error located at its key.
    func modelParameters(_ values: ParameterValues) throws -> QualityLadderParameters {
        try typedParameters(values, QualityLadderParameters.init)
    }

    /// Both readings at `parameters`; numerical failures (not "no equilibrium") fail the run.
    func solve(_ parameters: QualityLadderParameters) throws -> QualityTheory {
        do { return try QualityTheory(parameters: parameters) } catch let error as ModelError {
            throw RunFailure(stage: "solving the model", reason: error.description)
        }
    }

    /// "No equilibrium" as a scenario error at the first key to change (exit code 2).
    func noEquilibrium(reason: String, keys: [String]) -> ScenarioError {
        ScenarioError.model(DomainViolation(key: keys.first ?? "variant", message: "no equilibrium: \(reason)",
                                            fix: "change \(keys.joined(separator: " or "))"),
                            in: scenario)
    }

    func runMonteCarlo(equilibrium: QualityLadderEquilibrium) throws -> QualityMonteCarlo.Outcome {
        progress?(.stage("running \(settings.replications) replications on up to \(runner.threads) threads"))
        var job = QualityMonteCarlo(
            assembly: QualityAssembly(equilibrium: equilibrium, seed: scenario.seed, noiseless: scenario.estimations.contains {
                $0.recover.contains { $0.truth == PreparedEstimation.pseudoTrue }
            }, mechanisms: try readsMechanismColumns()),
            regressions: try preparedEstimations(),
            mediations: preparedMediations, keepTables: true)
        if let progress { job.reportStage = { progress(.stage($0)) } }
        return try job.run(plan: settings.plan, runner: runner, level: scenario.montecarlo.level, progress: progress)
    }

    /// Whether a block (formula, split, sample), a mediation or the written panel needs the mechanism columns.
    func readsMechanismColumns() throws -> Bool {
        if scenario.output.writePanel || !scenario.mediations.isEmpty { return true }
        for request in scenario.estimations {
            var names = Set(try FormulaParser.expand(request.formula).flatMap(\.variables))
            if let split = request.split { names.insert(split) }
            if let sample = request.sample { names.formUnion(try SampleFilter(sample).clauses.map(\.column)) }
            if !names.isDisjoint(with: QualityAssembly.mechanismColumns) { return true }
        }
        return false
    }

    /// `text` as gnuplot enhanced-text markup that shows it literally (block names such as `iv_phone`
    /// must not become subscripts).
    static func plainText(_ text: String) -> String {
        var markup = ""
        for character in text {
            if "_^{}@&~".contains(character) { markup.append("\\") }
            markup.append(character)
        }
        return markup
    }

    /// recovery.csv, replications.csv, diagnostics.csv, the regression tables of replication 0 and sampling plots.
    func report(_ outcome: QualityMonteCarlo.Outcome, artifacts: inout RunArtifacts) throws {
        artifacts.warnings += outcome.warnings
        artifacts.texts.append((path: "diagnostics.csv", contents: QualityDiagnostics.csv(outcome.diagnostics)))
        try writeRecovery(report: outcome.report, records: outcome.records, table: outcome.table,
                          symbol: Self.plainText, into: &artifacts)
    }
}
