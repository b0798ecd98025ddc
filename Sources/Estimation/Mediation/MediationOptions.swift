/// Everything about a mediation analysis that is not a variable name.
public struct MediationOptions: Sendable, Equatable {
    /// Covariance, demeaning, singleton and collinearity options shared by the three regressions,
    /// exactly as `hetfirm estimate` uses them (`vcov == nil`: CRV1 by the first fixed effect, else iid).
    public var estimation: EstimationOptions
    /// Significance level of every test in the stepwise rule (two-sided), default 0.05.
    public var significanceLevel = 0.05
    /// Bootstrap replications B; 0 skips the bootstrap.
    public var bootstrapReplications = 999
    /// Level of the bootstrap confidence intervals, default 0.95.
    public var confidenceLevel = 0.95
    /// Master seed: draw b uses `RandomStream(masterSeed: seed, replication: b, purpose: "mediation-bootstrap")`.
    public var seed: UInt64 = 20_040_501
    /// Worker threads for the bootstrap (`nil`: one per active processor). Results do not depend on it.
    public var threads: Int?
    /// The bootstrap needs at least this many clusters (or observations without clustering).
    public var minimumBootstrapClusters = 10
    /// The test of the indirect effect used when a or b is not significant.
    public var fallback = MediationFallbackTest.sobel

    public init(estimation: EstimationOptions = .init()) { self.estimation = estimation }
}

/// Which test decides on the indirect effect a·b when the stepwise tests of a and b are inconclusive.
public enum MediationFallbackTest: String, Sendable, Equatable, Codable {
    /// Sobel's z = a·b / √(b²s_a² + a²s_b²) against N(0, 1) (Wen et al. 2004).
    case sobel
    /// Whether the bootstrap percentile interval excludes zero.
    case bootstrapPercentile
    /// Whether the bias-corrected bootstrap interval excludes zero.
    case bootstrapBiasCorrected
}

/// Why a mediation analysis could not be run; column errors arrive as `PanelDataError`, and
/// regression errors as `EstimationError`.
public enum MediationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The mediator is also the treatment or the outcome (`role` says which), or the treatment is the outcome.
    case sameVariable(name: String, roles: String)
    /// No mediator was given.
    case noMediator
    /// A control repeats the treatment, the mediator or the outcome.
    case controlRepeatsVariable(String)
    /// An option outside its range.
    case invalidOption(String)
    /// A path coefficient was not estimated (dropped as collinear).
    case coefficientNotEstimated(equation: String, coefficient: String)
    /// Fewer clusters (or observations) than the bootstrap needs.
    case tooFewClusters(variable: String, clusters: Int, needed: Int)

    public var description: String {
        switch self {
        case .sameVariable(let name, let roles):
            return "mediation: '\(name)' cannot be both the \(roles)"
        case .noMediator:
            return "mediation: no mediator given"
        case .controlRepeatsVariable(let name):
            return "mediation: control '\(name)' is already the treatment, the mediator or the outcome"
        case .invalidOption(let reason):
            return "mediation: \(reason)"
        case .coefficientNotEstimated(let equation, let coefficient):
            return "mediation: \(coefficient) was dropped from \(equation) (collinear), so its path cannot be estimated"
        case .tooFewClusters(let variable, let clusters, let needed):
            return "mediation bootstrap: \(clusters) \(variable) in the estimation sample, at least \(needed) needed"
        }
    }
}
