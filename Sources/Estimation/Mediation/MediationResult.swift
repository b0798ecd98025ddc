/// One path coefficient of the mediation model with its t test from the regression that estimates it.
public struct PathEstimate: Sendable, Equatable, Codable {
    public let estimate: Double
    public let standardError: Double
    /// Two-sided p-value from Student's t with the regression's degrees of freedom (as `hetfirm estimate`).
    public let pValue: Double
}

/// A normal-theory test of the indirect effect a·b.
public struct IndirectEffectTest: Sendable, Equatable, Codable {
    public let standardError: Double
    /// z = a·b / standardError.
    public let z: Double
    /// Two-sided p-value 2(1 − Φ(|z|)).
    public let pValue: Double
}

/// Cluster-bootstrap distribution of a·b and its confidence intervals.
public struct MediationBootstrapResult: Sendable, Equatable {
    /// B, the draws requested.
    public let replications: Int
    /// Draws whose regressions could be solved; the intervals use only these.
    public let successfulReplications: Int
    /// The resampled unit: the first cluster variable of the covariance, or nil for observations.
    public let clusterVariable: String?
    /// Clusters (or observations) in the estimation sample, G; each draw takes G with replacement.
    public let clusterCount: Int
    public let confidenceLevel: Double
    public let seed: UInt64
    /// a*·b* of each draw, by draw index (NaN for a failed draw).
    public let estimates: [Double]
    /// Standard deviation of the successful draws.
    public let standardError: Double
    /// Percentile interval [q(α/2), q(1 − α/2)] of the successful draws, q(p) the ((B + 1)p)-th order statistic
    /// (Davison and Hinkley 1997; interpolated when (B + 1)p is not an integer, R's quantile type 6): for B = 199
    /// and 95%, the 5th and 195th smallest draws.
    public let percentile: ClosedInterval
    /// Bias-corrected interval: z₀ = Φ⁻¹(#{θ* < θ̂}/B + ½#{θ* = θ̂}/B), bounds at the quantiles
    /// Φ(2z₀ + z_{α/2}) and Φ(2z₀ + z_{1−α/2}) (the same (B + 1)p quantile rule); NaN when every draw lies on one
    /// side of θ̂.
    public let biasCorrected: ClosedInterval
}

/// A confidence interval [lower, upper].
public struct ClosedInterval: Sendable, Equatable, Codable {
    public let lower: Double
    public let upper: Double

    public init(lower: Double, upper: Double) {
        self.lower = lower
        self.upper = upper
    }

    /// Whether the interval lies strictly on one side of zero.
    public var excludesZero: Bool { lower > 0 || upper < 0 }
}

/// What decided on the indirect effect.
public enum MediationEvidence: String, Sendable, Equatable, Codable {
    /// a and b both significant (the causal-steps test).
    case stepwise
    case sobel
    case bootstrapPercentile
    case bootstrapBiasCorrected
}

/// The conclusion of the stepwise procedure (Baron and Kenny 1986; Wen, Chang, Hau and Liu 2004).
public enum MediationVerdict: Sendable, Equatable {
    /// c is not significant: the procedure stops before testing mediation.
    case noTotalEffect
    /// The indirect effect is significant and c′ is not.
    case fullMediation(MediationEvidence)
    /// The indirect effect and c′ are both significant.
    case partialMediation(MediationEvidence)
    /// The indirect effect is not significant.
    case noMediation(MediationEvidence)
}

/// The three regressions of a single-mediator analysis and what follows from them.
///
/// Total effect Y = cX + controls + FE + e₁; mediator M = aX + controls + FE + e₂;
/// outcome Y = c′X + bM + controls + FE + e₃. With OLS on one sample, c = c′ + a·b exactly.
public struct MediationResult: Sendable, Equatable {
    public let treatment: String
    public let mediator: String
    public let outcome: String
    /// Y ~ X (+ controls | FE).
    public let totalEffectRegression: RegressionResult
    /// M ~ X (+ controls | FE).
    public let mediatorRegression: RegressionResult
    /// Y ~ X + M (+ controls | FE); in joint mode, with every mediator.
    public let outcomeRegression: RegressionResult
    /// Observations in the common estimation sample of the three regressions.
    public let observationCount: Int
    /// Total effect c.
    public let total: PathEstimate
    /// X → M, a (θ₁).
    public let a: PathEstimate
    /// M → Y given X, b (φ₂).
    public let b: PathEstimate
    /// Direct effect c′.
    public let direct: PathEstimate
    /// a·b.
    public let indirectEffect: Double
    /// Sobel (1982): s = √(b²s_a² + a²s_b²).
    public let sobel: IndirectEffectTest
    /// Aroian (1947): s = √(b²s_a² + a²s_b² + s_a²s_b²).
    public let aroian: IndirectEffectTest
    /// a·b / c; nil when c = 0.
    public let shareMediated: Double?
    /// c and a·b have opposite signs (inconsistent mediation / suppression): the share is then not a proportion.
    public let oppositeSigns: Bool
    public let bootstrap: MediationBootstrapResult?
    public let verdict: MediationVerdict
    /// The verdict in words, with the tests that led to it.
    public let explanation: String
    /// Things the reader must know (sample, suppression, failed draws, regression warnings).
    public let notes: [String]
}
