import Models
import MonteCarlo
import Reporting

/// What every model's pipeline shares: the scenario, the run settings, and how they turn into a runner, a
/// plot format and typed parameters.
protocol ScenarioPipeline {
    var scenario: Scenario { get }
    var settings: RunSettings { get }
}

extension ScenarioPipeline {
    var runner: ReplicationRunner { ReplicationRunner(threads: settings.threads) }
    var plotFormat: PlotFormat { PlotFormat(rawValue: scenario.output.format) ?? .png }

    /// The scenario's `[[estimate]]` blocks, parsed once for every panel.
    func preparedEstimations() throws -> [PreparedEstimation] {
        try scenario.estimations.map { try PreparedEstimation($0, noiselessOutcomes: scenario.model.noiselessOutcomes) }
    }

    /// The scenario's `[[mediate]]` blocks, with bootstrap seeds derived from the scenario's seed.
    var preparedMediations: [PreparedMediation] { scenario.mediations.map { PreparedMediation($0, seed: scenario.seed) } }

    /// The model's typed parameters; a domain violation is a scenario error located at its key, anything
    /// else a failed run.
    func typedParameters<Parameters>(_ values: ParameterValues, _ make: (ParameterValues) throws -> Parameters) throws -> Parameters {
        do { return try make(values) } catch let violation as DomainViolation {
            throw ScenarioError.model(violation, in: scenario)
        } catch {
            throw RunFailure(stage: "reading parameters", reason: "\(error)")
        }
    }

    /// The files every Monte Carlo writes: recovery.csv, replications.csv, replication 0's side-by-side table
    /// (Markdown, LaTeX, CSV) when there is one, and a sampling-distribution plot per recovered quantity
    /// (`symbol` names it on the plot).
    func writeRecovery(report: RecoveryReport, records: [ReplicationRecord], table: RegressionTable?,
                       symbol: (String) -> String, into artifacts: inout RunArtifacts) throws {
        artifacts.recovery = report
        artifacts.records = records
        artifacts.texts.append((path: "recovery.csv", contents: RecoveryTables.csv(report)))
        artifacts.texts.append((path: "replications.csv", contents: RecoveryTables.replicationsCSV(records)))
        if let table {
            artifacts.texts.append((path: "table.md", contents: table.markdown()))
            artifacts.texts.append((path: "table.tex", contents: table.latex()))
            artifacts.texts.append((path: "table.csv", contents: table.csv()))
        }
        // A plot that cannot be made (no finite estimate, a non-finite truth) is a warning: the tables
        // above are the run's results and are always written.
        for row in report.rows {
            let estimates = records.flatMap { $0.estimates.filter { $0.parameter == row.parameter }.map(\.estimate) }
            do {
                let plot = try GnuplotPlots.samplingDistribution(
                    estimates: estimates, truth: row.truth, meanStandardError: row.meanStandardError,
                    parameterSymbol: symbol(row.parameter), stem: "sampling-" + PreparedEstimation.fileStem(row.parameter),
                    format: plotFormat)
                artifacts.series.append(plot.data)
                artifacts.scripts.append(plot.script)
            } catch {
                artifacts.warnings.append("no sampling-distribution plot for \(row.parameter): \(error)")
            }
        }
    }
}
