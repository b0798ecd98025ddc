import Estimation
import Foundation
import Measures
import Models
import MonteCarlo
import PanelData
import Reporting

/// What the `information-spillover` model (paper 003) contributes to a run: the theory of δ(n) and
/// its statics, plant panels joined with the paper-003 regressors (``SpilloverAssembly``), the
/// plant × product panel for `data = "products"`, and the built-in structural fit of v_z/v_d
/// (``SpilloverStructuralFit``) with its δ(n) plot.
package struct InformationSpilloverPipeline: ModelPipeline {
    package typealias Model = InformationSpilloverModel

    /// Bins of n for the structural fit of δ(n).
    static let signalBins = 8
    /// The plant × product × destination × year panel (`data = "products"`), built only when a block reads it.
    static let productsPanel = "products"

    package init() {}

    package struct Simulator: ReplicationSimulator {
        let assembly: SpilloverAssembly

        package func draw(replication: Int) throws -> SpilloverAssembly.Replication { try assembly.replication(replication) }
    }

    package func simulator(for theory: InformationSpilloverTheory, values: ParameterValues, context: RunContext,
                          warnings: inout [String]) throws -> Simulator {
        let model = InformationSpilloverModel(parameters: theory.parameters)
        return Simulator(assembly: SpilloverAssembly(model: model, seed: context.seed,
                                                     withProducts: context.panelsRead.contains(.named(Self.productsPanel))))
    }

    package func builtInEstimates(on draw: SpilloverAssembly.Replication, simulator: Simulator, context: RunContext,
                                 failures: inout BlockFailures) -> BuiltInEstimates<SignalWeightFit> {
        guard context.recover.contains(SpilloverStructuralFit.parameter) else { return BuiltInEstimates() }
        let structural = SpilloverStructuralFit(binCount: Self.signalBins,
                                                asPrinted: simulator.assembly.model.parameters.variant == .asPrinted)
        guard let result = failures.attempt("structural fit of v_z/v_d", {
            try structural.estimate(draw.data, truth: draw.truth.noiseRatio)
        }) else { return BuiltInEstimates() }
        return BuiltInEstimates(estimates: [result.estimate], extra: result.fit)
    }

    package func artifacts(theory: InformationSpilloverTheory, monteCarlo: MonteCarloOutcome<Self>?, sweep: Never?,
                          context: RunContext) throws -> RunArtifacts {
        var artifacts = RunArtifacts()
        if let monteCarlo, let mean = Self.meanFit(monteCarlo.extras) {
            let plot = try theory.weightPlot(bins: mean.bins, fittedRatio: mean.ratio, format: context.plotFormat)
            artifacts.series += plot.series
            artifacts.scripts.append(plot.script)
        }
        return artifacts
    }

    package func summary(theory: InformationSpilloverTheory, monteCarlo: MonteCarloOutcome<Self>?, sweep: Never?,
                        sweepRecovery: SweepRecovery?, context: RunContext) -> ModelSummary {
        InformationSpilloverSummary(theory: theory, firstDraw: monteCarlo?.firstDraw,
                                    meanFit: monteCarlo.flatMap { Self.meanFit($0.extras) }).sections()
    }

    package func symbol(of parameter: String) -> String { parameter == SpilloverStructuralFit.parameter ? "v_z/v_d" : parameter }

    /// The structural fit's bins averaged over replications (mean n, mean slope, mean SE) and the mean ρ̂;
    /// `nil` without fits or when replications binned differently.
    static func meanFit(_ fits: [SignalWeightFit]) -> (bins: [SignalWeightFit.Bin], ratio: Double)? {
        guard let template = fits.first, fits.allSatisfy({ $0.bins.count == template.bins.count }) else { return nil }
        let count = Double(fits.count)
        let bins = template.bins.indices.map { b in
            func mean(_ value: (SignalWeightFit.Bin) -> Double) -> Double { fits.map { value($0.bins[b]) }.reduce(0, +) / count }
            return SignalWeightFit.Bin(meanSignals: mean(\.meanSignals), slope: mean(\.slope),
                                       standardError: mean(\.standardError), fitted: mean(\.fitted))
        }
        return (bins, fits.map(\.noiseRatio).reduce(0, +) / count)
    }
}

extension SpilloverAssembly.Replication: SimulatedReplication {
    public var mainPanel: Dataset { data }
    public func panel(named name: String) -> Dataset? { name == InformationSpilloverPipeline.productsPanel ? products : nil }
}
