/// How `hetfirm gmm` estimates a dynamic panel (plm `pgmm`'s arguments).
public struct DynamicPanelOptions: Sendable, Equatable {
    /// `--transformation`: first differences only (Arellano–Bond), or differences and levels (Blundell–Bond).
    public enum Transformation: String, Sendable, Equatable, CaseIterable {
        case difference
        case system
    }

    /// `--effect`: individual effects only, or also period dummies (plm `effect = "twoways"`).
    public enum Effect: String, Sendable, Equatable, CaseIterable {
        case individual
        case twoways
    }

    public var transformation = Transformation.difference
    /// Two steps (efficient weighting from the one-step residuals, Windmeijer-corrected covariance), or one.
    public var twoSteps = true
    public var effect = Effect.twoways
    /// One instrument column per lag instead of one per lag and period (Roodman 2009).
    public var collapse = false

    public init() {}
}
