import PanelData

/// One `[[mediate]]` table: the stepwise mediation test of `hetfirm mediate` run on every simulated panel, its
/// indirect effect a·b (with the Sobel standard error) added to the recovery report.
///
/// ```toml
/// [[mediate]]
/// name      = "allocation"
/// treatment = "I"
/// mediator  = "log(phi0)"          # or an array: several mediators, one at a time (or jointly with joint = true)
/// outcome   = "log(employment)"
/// controls  = ["m"]                # optional formula terms
/// fe        = ["region", "year"]   # optional fixed effects
/// vcov      = "hetero"             # optional, as in [[estimate]]
/// bootstrap = 0                    # optional cluster-bootstrap replications per panel (default 0: none)
/// recover   = { indirect = "truth.X" }   # optional; without it the indirect effect is compared with 0
/// estimator = "fmols"              # optional: each step by panel FMOLS (paper 000's Table 2), with
/// panel     = ["region", "year"]   #   panel (required then) and fmols/kernel/bandwidth as in [[estimate]];
///                                  #   no fe, vcov, bootstrap or joint
/// ```
///
/// Estimates are named `NAME: indirect` (one mediator) or `NAME: indirect(M)` (one per mediator).
public struct MediationRequest: Sendable, Equatable {
    public let name: String
    public let treatment: String
    /// One or more mediators, as written.
    public let mediators: [String]
    public let outcome: String
    /// Control terms (`z`, `log(z)`).
    public let controls: [String]
    /// Fixed effects (`region`, `region^year`).
    public let fixedEffects: [String]
    /// `nil`: the estimator's default (clustered by the first fixed effect, else iid).
    public let vcov: EstimationRequest.Vcov?
    /// Cluster-bootstrap replications per panel; 0 turns the bootstrap off.
    public let bootstrapReplications: Int
    /// All mediators in one outcome equation (`joint = true`) instead of one at a time.
    public let joint: Bool
    /// The truth the indirect effect should recover (`truth.X` or a number, never ``TruthTarget/pseudoTrue``:
    /// the decoder refuses it); `nil`: 0.
    public let indirectTruth: TruthTarget?
    /// `estimator = "fmols"`: the FMOLS settings of the steps (nil: OLS with fixed effects, the default).
    public let fmols: FMOLSSettings?
    /// `panel = ["unit", "time"]`: the units and times of the FMOLS steps.
    public let panel: PanelDeclaration?

    public init(name: String, treatment: String, mediators: [String], outcome: String, controls: [String] = [],
                fixedEffects: [String] = [], vcov: EstimationRequest.Vcov? = nil, bootstrapReplications: Int = 0,
                joint: Bool = false, indirectTruth: TruthTarget? = nil, fmols: FMOLSSettings? = nil,
                panel: PanelDeclaration? = nil) {
        self.name = name
        self.treatment = treatment
        self.mediators = mediators
        self.outcome = outcome
        self.controls = controls
        self.fixedEffects = fixedEffects
        self.vcov = vcov
        self.bootstrapReplications = bootstrapReplications
        self.joint = joint
        self.indirectTruth = indirectTruth
        self.fmols = fmols
        self.panel = panel
    }
}
