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
    package static var descriptor: ModelDescriptor { AllocationEfficiency.descriptor }

    package init() {}

    /// The theory at one parameter point.
    package struct Theory: Sendable {
        let parameters: AllocationEfficiencyParameters
        let equilibrium: AllocationEfficiencyEquilibrium
        /// The closed form, where the regime admits it (checked against the numerical solution).
        let closedForm: AllocationEfficiencyEquilibrium?
        let statics: AllocationEfficiencyStatics
        /// Equilibria from I = 0 to the panel's highest Internet level, for the mean-exporter-complexity claim.
        let claimGrid: [AllocationEfficiencyEquilibrium]
    }

    /// A solved panel of region-year equilibria, which draws firm panels.
    package struct Simulator: ReplicationSimulator {
        let model: AllocationEfficiencyModel
        let panel: AllocationEfficiencyPanelEquilibrium
        let seed: UInt64

        /// Replication r's panel: its streams depend on (seed, r, purpose) only, never on the thread.
        package func draw(replication: Int) throws -> AllocationEfficiencyPanel {
            try model.simulate(
                panel,
                firmDraws: RandomStream(masterSeed: seed, replication: replication, purpose: "allocation-efficiency/firms"),
                measurementErrors: RandomStream(masterSeed: seed, replication: replication, purpose: "allocation-efficiency/measurement"))
        }
    }

    package func solve(_ values: ParameterValues, context: RunContext) throws -> Theory {
        let parameters = try AllocationEfficiencyParameters(values)
        let model = AllocationEfficiencyModel(parameters: parameters)
        let equilibrium = try Self.located { try model.solve() }
        let closedForm = equilibrium.regime.closedFormApplies ? try? model.solve(method: .closedForm) : nil
        let statics = try Self.located { try model.comparativeStatics() }
        let top = max(parameters.internetLevel,
                      parameters.internetLevel(region: parameters.regionCount - 1, year: parameters.yearCount - 1))
        let claimGrid = try (0...20).map { step in try Self.located { try model.solve(internetLevel: top * Double(step) / 20) } }
        return Theory(parameters: parameters, equilibrium: equilibrium, closedForm: closedForm, statics: statics, claimGrid: claimGrid)
    }

    package func simulator(for theory: Theory, values: ParameterValues, context: RunContext,
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

    package func artifacts(theory: Theory, monteCarlo: MonteCarloOutcome<Self>?, sweep: AllocationEfficiencySweep?,
                          context: RunContext) throws -> RunArtifacts {
        var artifacts = RunArtifacts()
        if let sweep {
            artifacts.series += sweep.series
            artifacts.scripts += sweep.scripts
        }
        return artifacts
    }

    package func summary(theory: Theory, monteCarlo: MonteCarloOutcome<Self>?, sweep: AllocationEfficiencySweep?,
                        sweepRecovery: SweepRecovery?, context: RunContext) -> ModelSummary {
        AllocationEfficiencySummary(theory: theory, sweep: sweep).sections()
    }

    package func symbol(of parameter: String) -> String { AllocationEfficiencySummary.symbol(of: parameter) }

    package func displayName(of parameter: String) -> String { AllocationEfficiencySummary.symbol(of: parameter) }

    package var failureHint: String { "raise firms_per_region or regions for more producers" }

    /// Runs `body`, turning "no equilibrium" into a domain violation at the keys to change.
    static func located<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as ModelError {
            if case .noEquilibrium(let reason, let keys) = error {
                throw DomainViolation(key: keys.first ?? "model", message: "no equilibrium: \(reason)",
                                      fix: "change \(keys.joined(separator: " or "))")
            }
            throw RunFailure(stage: "solving the model", reason: error.description)
        }
    }
}

extension AllocationEfficiencyPanel: SimulatedReplication {
    public var mainPanel: Dataset { dataset }
    public func truth(named name: String) -> Double? { truth.value(named: name) }
}
