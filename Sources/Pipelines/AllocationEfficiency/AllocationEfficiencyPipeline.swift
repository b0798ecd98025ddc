import Estimation
import Foundation
import Models
import MonteCarlo
import Numerical
import PanelData
import Reporting

/// What the `allocation-efficiency` model (paper 000) contributes to a run: the equilibrium at the
/// scenario's I with its closed form and comparative statics, the claim grid, equilibria over the
/// sweep grid, firm panels over regions and years, and the built-in Pareto-tail and markup estimators
/// of k, σ and α (``AllocationEfficiencyRecovery``).
package struct AllocationEfficiencyPipeline: ModelPipeline {
    package typealias Model = AllocationEfficiencyModel

    package init() {}

    /// A solved panel of region-year equilibria, which draws firm panels.
    package struct Simulator: ReplicationSimulator {
        let model: AllocationEfficiencyModel
        let panel: AllocationEfficiencyPanelEquilibrium
        let seed: UInt64

        /// Replication r's panel: its streams depend on (seed, r, purpose) only, never on the thread.
        package func draw(replication: Int) throws -> AllocationEfficiencyPanel {
            var firms = PhiloxStream(masterSeed: seed, replication: replication, purpose: "allocation-efficiency/firms")
            var errors = PhiloxStream(masterSeed: seed, replication: replication, purpose: "allocation-efficiency/measurement")
            return try model.simulate(panel, firmDraws: &firms, measurementErrors: &errors)
        }
    }

    package func simulator(for theory: AllocationEfficiencyTheory, values: ParameterValues, context: RunContext,
                          warnings: inout [String]) throws -> Simulator {
        let model = AllocationEfficiencyModel(parameters: theory.parameters)
        context.report("solving \(model.parameters.regionCount) × \(model.parameters.yearCount) region-year equilibria")
        let started = Date()
        var lastReport = started
        let panel = try Self.located {
            try model.solvePanel { solved, total in
                // A line every few seconds when the panel is large (10,000 regions × 200 years take minutes).
                let now = Date()
                guard solved < total, now.timeIntervalSince(lastReport) >= 5 else { return }
                lastReport = now
                context.report("  solved \(solved) of \(total) region-year equilibria (\(100 * solved / total)%), "
                    + "\(Int(now.timeIntervalSince(started))) s elapsed")
            }
        }
        if !panel.salesAreExactlyPareto {
            warnings.append(
                "some region-years have cutoffs below φ_min, so producers' sales are not exactly Pareto and α̂, k̂ are biased; raise f or lower f_e")
        }
        if model.parameters.employmentErrorScale == 0, context.recover.contains("sigma") {
            warnings.append("employment_error = 0: σ̂ is exact and its standard error is 0, so its coverage is not informative")
        }
        return Simulator(model: model, panel: panel, seed: context.seed)
    }

    package func builtInEstimates(on draw: AllocationEfficiencyPanel, simulator: Simulator, context: RunContext,
                                 failures: inout BlockFailures) -> BuiltInEstimates<NoExtra> {
        guard !context.recover.isEmpty else { return BuiltInEstimates() }
        let finalYear = simulator.model.parameters.yearCount
        let estimates = failures.attempt("Pareto tail and markup estimators") {
            try AllocationEfficiencyRecovery.estimates(from: draw, finalYear: finalYear, recover: context.recover)
        } ?? []
        return BuiltInEstimates(estimates: estimates)
    }

    package func sweepTheory(points: [ParameterValues], context: RunContext) throws -> AllocationEfficiencySweep? {
        let started = Date()
        var lastReport = started
        let equilibria = try points.enumerated().map { index, values in
            let now = Date()
            if now.timeIntervalSince(lastReport) >= 5 {
                lastReport = now
                context.report("  solved \(index) of \(points.count) sweep points (\(100 * index / points.count)%), "
                    + "\(Int(now.timeIntervalSince(started))) s elapsed")
            }
            return try Self.located { try AllocationEfficiencyModel(parameters: AllocationEfficiencyParameters(values)).solve() }
        }
        return try AllocationEfficiencySweep(axes: context.sweep.axes, points: points, equilibria: equilibria, format: context.plotFormat)
    }

    package func artifacts(theory: AllocationEfficiencyTheory, monteCarlo: MonteCarloOutcome<Self>?, sweep: AllocationEfficiencySweep?,
                          context: RunContext) throws -> RunArtifacts {
        var artifacts = RunArtifacts()
        if let sweep {
            artifacts.series += sweep.series
            artifacts.scripts += sweep.scripts
        }
        return artifacts
    }

    package func summary(theory: AllocationEfficiencyTheory, monteCarlo: MonteCarloOutcome<Self>?, sweep: AllocationEfficiencySweep?,
                        sweepRecovery: SweepRecovery?, context: RunContext) -> ModelSummary {
        AllocationEfficiencySummary(theory: theory, sweep: sweep).sections()
    }

    package func symbol(of parameter: String) -> String { AllocationEfficiencySummary.symbol(of: parameter) }

    package func displayName(of parameter: String) -> String { AllocationEfficiencySummary.symbol(of: parameter) }

    package var failureHint: String { "raise firms_per_region or regions for more producers" }

    /// Runs `body`, turning "no equilibrium" into a domain violation at the keys to change.
    static func located<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as ModelError { throw located(error) }
    }
}

extension AllocationEfficiencyPanel: SimulatedReplication {
    public var mainPanel: Dataset { dataset }
}
