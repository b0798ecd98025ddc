import Estimation
import Foundation
import Models
import MonteCarlo
import PanelData
import Reporting

/// What the `quality-ladder` model (paper 004) contributes to a run: the theory of both readings
/// (consistent equilibrium and statics, as-printed regime table), the claims over the sweep grid,
/// record panels with KSW quality and frontier distances (``QualityAssembly``), the built-in eq. (4)
/// elasticity, and the KSW and instrument-strength diagnostics of every replication.
///
/// The simulator always draws from the consistent equilibrium (the as-printed reading has no
/// simulator), so a Monte Carlo needs a consistent equilibrium whatever `variant` says.
package struct QualityLadderPipeline: ModelPipeline {
    package typealias Model = QualityLadderModel

    /// Name of the built-in recovery row of the eq. (4) elasticity.
    static let elasticityParameter = "eq. (4) elasticity: ln Δλ on ln I"
    /// ln Δλ_it on ln I_it within firms and industry-years, CRV1 by firm: the true distance and
    /// input, so this checks the model's own elasticity (eq. (4) prints −1/2), not the measures.
    static let elasticityFormula = "ln_true_distance ~ ln_digital_input | firm + industry^year"

    package init() {}

    package struct Simulator: ReplicationSimulator {
        let assembly: QualityAssembly

        package func draw(replication: Int) throws -> QualityAssembly.Replication { try assembly.replication(replication) }
    }

    package func solve(_ values: ParameterValues, context: RunContext) throws -> QualityLadderTheory {
        let parameters = try QualityLadderParameters(values)
        context.report("solving the quality-ladder equilibrium (closed form and Brent + quadrature)")
        let theory: QualityLadderTheory
        do { theory = try QualityLadderModel(parameters: parameters).theory() } catch let error as ModelError {
            throw RunFailure(stage: "solving the model", reason: error.description)
        }
        if parameters.variant == .consistent, case .noEquilibrium(let reason, let keys) = theory.consistent {
            throw Self.noEquilibrium(reason: reason, keys: keys)
        }
        return theory
    }

    /// The quality ladder has no built-in estimator to ask for: its Monte Carlo runs the scenario's blocks.
    package func wantsMonteCarlo(_ context: RunContext) -> Bool { context.replications > 0 && !context.blocks.isEmpty }

    package func simulator(for theory: QualityLadderTheory, values: ParameterValues, context: RunContext,
                           warnings: inout [String]) throws -> Simulator {
        guard let equilibrium = theory.equilibrium else {
            if case .noEquilibrium(let reason, let keys) = theory.consistent {
                throw Self.noEquilibrium(reason: reason + " (the simulator draws from the consistent variant)", keys: keys)
            }
            throw RunFailure(stage: "Monte Carlo", reason: "no consistent equilibrium to simulate from")
        }
        return Simulator(assembly: QualityAssembly(equilibrium: equilibrium, seed: context.seed, noiseless: context.recoversPseudoTrue,
                                                   mechanisms: try Self.readsMechanismColumns(context)))
    }

    package func builtInEstimates(on draw: QualityAssembly.Replication, simulator: Simulator, context: RunContext,
                                  failures: inout BlockFailures) -> BuiltInEstimates<QualityDiagnostics> {
        var estimates: [ParameterEstimate] = []
        if let row = failures.attempt("eq. (4) elasticity", { try Self.elasticity(on: draw.data, truth: draw.truth) }) {
            estimates.append(row)
        }
        return BuiltInEstimates(estimates: estimates, extra: draw.diagnostics)
    }

    /// The replication's diagnostics with the instrument strength of every IV estimation the blocks ran.
    package func completedExtra(_ extra: QualityDiagnostics?, draw: QualityAssembly.Replication,
                                statistics: [BlockStatistic]) -> QualityDiagnostics? {
        guard var diagnostics = extra else { return nil }
        var subjects: [String] = []
        var values: [String: [String: Double]] = [:]
        for statistic in statistics {
            if values[statistic.subject] == nil { subjects.append(statistic.subject) }
            values[statistic.subject, default: [:]][statistic.statistic] = statistic.value
        }
        for subject in subjects {
            guard let own = values[subject], let firstStageF = own[BlockStatistic.firstStageF] else { continue }
            diagnostics.firstStages.append(QualityDiagnostics.FirstStage(
                name: subject, firstStageF: firstStageF, waldF: own[BlockStatistic.kleibergenPaapWaldF] ?? .nan,
                lagrangeMultiplier: own[BlockStatistic.kleibergenPaapLM] ?? .nan))
        }
        return diagnostics
    }

    package func sweepTheory(points: [ParameterValues], context: RunContext) throws -> QualitySweep? {
        try QualitySweep(axes: context.sweep.axes, points: points, base: context.parameters, format: context.plotFormat,
                         parameters: { try QualityLadderParameters($0) })
    }

    package func artifacts(theory: QualityLadderTheory, monteCarlo: MonteCarloOutcome<Self>?, sweep: QualitySweep?,
                           context: RunContext) throws -> RunArtifacts {
        var artifacts = RunArtifacts()
        if let sweep {
            artifacts.series += sweep.series
            artifacts.scripts += sweep.scripts
            artifacts.texts.append((path: "propositions.csv", contents: sweep.csv()))
        }
        if let monteCarlo {
            artifacts.texts.append((path: "diagnostics.csv", contents: QualityDiagnostics.csv(monteCarlo.extras)))
        }
        return artifacts
    }

    package func summary(theory: QualityLadderTheory, monteCarlo: MonteCarloOutcome<Self>?, sweep: QualitySweep?,
                         sweepRecovery: SweepRecovery?, context: RunContext) -> ModelSummary {
        QualityLadderSummary(theory: theory, monteCarlo: monteCarlo, sweep: sweep, context: context).sections()
    }

    /// Block names such as `iv_phone` must not become subscripts on plots.
    package func symbol(of parameter: String) -> String { Self.plainText(parameter) }

    /// "No equilibrium" as a domain violation at the first key to change (exit code 2).
    static func noEquilibrium(reason: String, keys: [String]) -> DomainViolation {
        DomainViolation(key: keys.first ?? "variant", message: "no equilibrium: \(reason)", fix: "change \(keys.joined(separator: " or "))")
    }

    /// Whether a block (formula, split, sample), a mediation or the written panel needs the mechanism columns.
    static func readsMechanismColumns(_ context: RunContext) throws -> Bool {
        if context.writePanel || !context.mediations.isEmpty { return true }
        for request in context.estimations {
            var names = Set(try FormulaParser.expand(request.formula).flatMap(\.variables))
            if let split = request.split { names.insert(split) }
            if let sample = request.sample { names.formUnion(try SampleFilter(sample).clauses.map(\.column)) }
            if !names.isDisjoint(with: QualityAssembly.mechanismColumns) { return true }
        }
        return false
    }

    /// `text` as gnuplot enhanced-text markup that shows it literally.
    static func plainText(_ text: String) -> String {
        var markup = ""
        for character in text {
            if "_^{}@&~".contains(character) { markup.append("\\") }
            markup.append(character)
        }
        return markup
    }

    /// The eq. (4) elasticity row: the slope of `elasticityFormula` against the mean model-implied
    /// d ln Δλ/d ln I of the panel's records (`truth.distance_elasticity`).
    static func elasticity(on data: Dataset, truth: QualityLadderTruth) throws -> ParameterEstimate {
        let result = try FixedEffectsOLS.fit(try FormulaParser.parse(elasticityFormula), data: data,
                                             options: EstimationOptions(vcov: .cluster(["firm"])))
        guard let position = result.coefficientNames.firstIndex(of: "ln_digital_input") else {
            throw EstimationError.degenerate(estimator: elasticityParameter, reason: "ln_digital_input was dropped")
        }
        return ParameterEstimate(parameter: elasticityParameter, truth: truth.distanceElasticity,
                                 estimate: result.coefficients[position], standardError: result.standardErrors[position])
    }
}

extension QualityAssembly.Replication: SimulatedReplication {
    package var mainPanel: Dataset { data }
}
