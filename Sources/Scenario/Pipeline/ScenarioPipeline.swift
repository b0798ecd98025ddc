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
}
