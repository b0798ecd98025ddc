import Foundation
import Measures
import Models
import MonteCarlo
import PanelData
import Reporting
import Spatial

/// What the `allocation-regional` model (paper 000's province evidence) contributes to a run: the
/// noise-free path at the run's geography, province panels with MET, INTER and ALLO measured as the
/// paper measures them (``RegionalAssembly``), and the truths the paper's estimators should recover.
/// The tables' estimators are the scenario's blocks (FMOLS, mediation, Granger, spatial).
package struct AllocationRegionalPipeline: ModelPipeline {
    package typealias Model = AllocationRegionalModel
    package typealias Extra = RegionalIndexCheck

    package init() {}

    package struct Simulator: ReplicationSimulator {
        let model: AllocationRegionalModel
        let theory: AllocationRegionalTheory
        let assembly: RegionalAssembly

        package func draw(replication: Int) throws -> RegionalProvinceDraw {
            let simulated: AllocationRegionalReplication
            do { simulated = try model.simulate(theory, replication: replication) } catch let error as ModelError {
                throw RunFailure(stage: "simulating replication \(replication)", reason: error.description)
            }
            let draw = try assembly.assemble(simulated, replication: replication)
            return RegionalProvinceDraw(dataset: draw.dataset, truth: draw.truth, indexGaps: draw.indexGaps)
        }
    }

    package func solve(_ values: ParameterValues, context: RunContext) throws -> AllocationRegionalTheory {
        let parameters = try AllocationRegionalParameters(values)
        context.report("solving the noise-free path: \(parameters.regionCount) provinces × \(parameters.yearCount) years, three equilibria each")
        do { return try AllocationRegionalModel(parameters: parameters).theory(seed: context.seed) } catch let error as ModelError {
            throw Self.located(error)
        }
    }

    /// The province model has no built-in estimator: its Monte Carlo runs the scenario's blocks.
    package func wantsMonteCarlo(_ context: RunContext) -> Bool { context.replications > 0 && !context.blocks.isEmpty }

    package func simulator(for theory: AllocationRegionalTheory, values: ParameterValues, context: RunContext,
                           warnings: inout [String]) throws -> Simulator {
        let assembly = RegionalAssembly(parameters: theory.parameters, geography: theory.geography, seed: context.seed)
        return Simulator(model: AllocationRegionalModel(parameters: theory.parameters), theory: theory, assembly: assembly)
    }

    /// The model's weight matrices (``RegionalWeights``), fixed for the run.
    /// The projection-pursuit check of the replication (with `index_check = "multistart"`).
    package func builtInEstimates(on draw: RegionalProvinceDraw, simulator: Simulator, context: RunContext,
                                  failures: inout BlockFailures) -> BuiltInEstimates<RegionalIndexCheck> {
        BuiltInEstimates(extra: draw.indexGaps.isEmpty ? nil : RegionalIndexCheck(objectiveGaps: draw.indexGaps))
    }

    package func spatialWeights(for simulator: Simulator, context: RunContext) throws -> [String: SpatialWeights] {
        try RegionalWeights.matrices(simulator.theory)
    }

    package func artifacts(theory: AllocationRegionalTheory, monteCarlo: MonteCarloOutcome<Self>?, sweep: Never?,
                           context: RunContext) throws -> RunArtifacts {
        var artifacts = AllocationRegionalPlots.artifacts(theory: theory, firstPanel: monteCarlo?.firstDraw?.mainPanel,
                                                          format: context.plotFormat)
        if theory.parameters.indexCheck == .multistart, let check = RegionalIndexCheck.Summary(monteCarlo?.extras ?? []),
           check.shortfalls > 0 {
            artifacts.warnings.append("projection pursuit: RAGA stopped short of the multi-start maximum of Q(a) in \(check.shortfalls) of "
                + "\(check.checked) year-replications (largest relative gap \(NumberFormat.significant(check.largestGap, digits: 2))); "
                + "INTER is RAGA's there; index_check = \"best\" builds it from the better direction")
        }
        return artifacts
    }

    package func summary(theory: AllocationRegionalTheory, monteCarlo: MonteCarloOutcome<Self>?, sweep: Never?,
                         sweepRecovery: SweepRecovery?, context: RunContext) -> ModelSummary {
        var sections = AllocationRegionalSummary(theory: theory).sections()
        if let check = RegionalIndexCheck.Summary(monteCarlo?.extras ?? []) { sections.recoveryAppendix = check.markdown(usingBest: theory.parameters.indexCheck == .best) }
        return sections
    }

    package func symbol(of parameter: String) -> String { AllocationRegional.descriptor.parameter(parameter)?.symbol ?? parameter }

    package var failureHint: String { "raise firms_per_region so that every province-year exports, or lower indicator_noise" }
}

/// One replication of the province model: its panel and truths.
package struct RegionalProvinceDraw: SimulatedReplication {
    package let dataset: Dataset
    package let truth: AllocationRegionalTruth
    /// Projection pursuit's shortfall from the multi-start maximum per year (with `index_check = "multistart"`).
    package let indexGaps: [Double]

    package var mainPanel: Dataset { dataset }
}

/// The multi-start check of INTER's maximisation in one replication: per year, Q at the multi-start
/// maximum minus Q at RAGA's (polished) maximum, relative to max(1, |Q|) (≤ 0 when RAGA did as well).
package struct RegionalIndexCheck: Codable, Sendable {
    package let objectiveGaps: [Double]

    /// Over the replications: how many year-replications were checked, and how many fell short by more
    /// than the index's agreement tolerance (10⁻⁶).
    struct Summary {
        let checked: Int, shortfalls: Int, largestGap: Double

        init?(_ checks: [RegionalIndexCheck]) {
            let gaps = checks.flatMap(\.objectiveGaps)
            guard !gaps.isEmpty else { return nil }
            checked = gaps.count
            shortfalls = gaps.filter { $0 > ProjectionPursuitIndex.Options().agreementTolerance }.count
            largestGap = gaps.max() ?? 0
        }

        func markdown(usingBest: Bool) -> String {
            "## Projection pursuit: RAGA against the multi-start optimiser\n\n"
                + "In \(checked) year-replications the deterministic 45-start Nelder–Mead maximised the same Q(a) as RAGA; "
                + "RAGA's best polished run fell short by more than 10⁻⁶ (relative) in \(shortfalls), the largest gap being "
                + "\(NumberFormat.significant(largestGap, digits: 2)). "
                + (usingBest ? "INTER uses the better direction (index_check = \"best\").\n" : "INTER is RAGA's (index_check = \"multistart\").\n")
        }
    }
}
