import Estimation
import PanelData

/// The mediation analysis shared by `hetfirm mediate` and scenario `[[mediate]]` blocks.
package enum MediationBlockAnalysis {
    /// One result per mediator, one at a time or (`joint`) in one outcome equation.
    package static func analyse(data: Dataset, treatment: String, mediators: [String], outcome: String, controls: [String],
                                fixedEffects: [String], joint: Bool, options: MediationOptions) throws -> [MediationResult] {
        joint
            ? try MediationAnalysis.runJoint(treatment: treatment, mediators: mediators, outcome: outcome,
                                             controls: controls, fixedEffects: fixedEffects, data: data, options: options)
            : try MediationAnalysis.run(treatment: treatment, mediators: mediators, outcome: outcome,
                                        controls: controls, fixedEffects: fixedEffects, data: data, options: options)
    }
}
