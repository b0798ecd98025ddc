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
    package func spatialWeights(for simulator: Simulator, context: RunContext) throws -> [String: SpatialWeights] {
        try RegionalWeights.matrices(simulator.theory)
    }

    package func artifacts(theory: AllocationRegionalTheory, monteCarlo: MonteCarloOutcome<Self>?, sweep: Never?,
                           context: RunContext) throws -> RunArtifacts {
        AllocationRegionalPlots.artifacts(theory: theory, firstPanel: monteCarlo?.firstDraw?.mainPanel, format: context.plotFormat)
    }

    package func summary(theory: AllocationRegionalTheory, monteCarlo: MonteCarloOutcome<Self>?, sweep: Never?,
                         sweepRecovery: SweepRecovery?, context: RunContext) -> ModelSummary {
        AllocationRegionalSummary(theory: theory).sections()
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
