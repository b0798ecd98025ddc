import Estimation
import MonteCarlo
import PanelData

/// A scenario `[[mediate]]` block, run on every simulated panel by the code behind `hetfirm mediate`
/// (``DataMediation``: OLS steps with fixed effects, or with `estimator = "fmols"` panel FMOLS steps);
/// each mediator's indirect effect a·b enters the recovery report with its Sobel SE.
package struct PreparedMediation: Sendable {
    package let request: MediationRequest
    let options: MediationOptions
    /// The scenario's master seed; replication r's bootstrap seed is derived from (seed, r).
    let seed: UInt64

    package init(_ request: MediationRequest, seed: UInt64) {
        self.request = request
        self.seed = seed
        var options = MediationOptions(estimation: EstimationOptions(vcov: request.vcov?.vcovType))
        options.bootstrapReplications = request.bootstrapReplications
        // Replications already run in parallel: the bootstrap of one panel stays on its thread.
        options.threads = 1
        self.options = options
    }

    /// The bootstrap seed of replication r: seed · 6364136223846793005 + r (wrapping), so every panel's draws differ
    /// and repeat exactly across runs and thread counts.
    func bootstrapSeed(replication: Int) -> UInt64 {
        seed &* 6_364_136_223_846_793_005 &+ UInt64(truncatingIfNeeded: replication)
    }

    /// One estimate per mediator, named "NAME: indirect" (one mediator) or "NAME: indirect(M)", with the Sobel SE,
    /// beside its truth (`recover.indirect`: a number or `truth.X` looked up by `truth`; 0 when not given).
    func estimates(on data: Dataset, replication: Int, truth: (String) -> Double?) throws -> [ParameterEstimate] {
        var options = options
        options.seed = bootstrapSeed(replication: replication)
        let effects: [(indirect: Double, sobel: Double)]
        if let fmols = request.fmols, let panel = request.panel {
            effects = try request.mediators.map { mediator in
                let result = try FMOLSMediation.run(
                    treatment: request.treatment, mediator: mediator, outcome: request.outcome, controls: request.controls,
                    data: data, panel: panel, fmols: fmols.options, options: options)
                return (result.indirectEffect, result.sobel.standardError)
            }
        } else {
            effects = try MediationBlockAnalysis.analyse(
                data: data, treatment: request.treatment, mediators: request.mediators, outcome: request.outcome,
                controls: request.controls, fixedEffects: request.fixedEffects, joint: request.joint, options: options)
                .map { ($0.indirectEffect, $0.sobel.standardError) }
        }
        let value = request.indirectTruth.map { $0.value(truth: truth) ?? .nan } ?? 0
        return zip(request.mediators, effects).map { mediator, effect in
            let label = request.mediators.count == 1 ? "indirect" : "indirect(\(mediator))"
            return ParameterEstimate(parameter: "\(request.name): \(label)", truth: value, estimate: effect.indirect,
                                     standardError: effect.sobel)
        }
    }
}

extension PreparedMediation: EstimatorBlock {
    package var name: String { request.name }
    package var panel: PanelSelection { .main }
    package var activity: String { "mediation analysis '\(request.name)'" }

    package func run(on data: Dataset, replication: Int, truth: (String) -> Double?, keepFits: Bool) throws -> BlockOutcome {
        BlockOutcome(estimates: try estimates(on: data, replication: replication, truth: truth))
    }
}
