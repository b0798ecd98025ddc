import Foundation

/// Small-sample corrections, mirroring fixest's `ssc()` and pyfixest's `ssc()`.
///
/// With the defaults the results equal both packages' defaults:
/// - iid:   V = RSS/(n − K) · B,                         K = k + absorbed
/// - HC1:   V = n/(n − K) · B M B,                        K = k + absorbed
/// - CRV1:  V = G/(G − 1) · (n − 1)/(n − K) · B M_G B,    K = k + absorbed − nested
/// - multi-way: V = G_min/(G_min − 1) · (n − 1)/(n − K) · B (Σ_S (−1)^{|S|+1} M_S) B
///
/// where B is the bread (X̃ᵀWX̃)⁻¹ and M the meat (see ``SandwichEstimator``). With
/// `convention = .asymptotic` none of these factors applies (see ``SmallSampleConvention``).
public struct SmallSampleOptions: Sendable, Equatable, Codable {
    /// Finite-sample corrections with t inference (default) or none with z inference.
    public var convention: SmallSampleConvention = .finiteSample
    /// Multiply by (n − 1)/(n − K) (fixest `adj`, pyfixest `k_adj`).
    public var adjustForParameters: Bool = true
    /// How absorbed fixed effects enter K (fixest `fixef.K`, pyfixest `k_fixef`).
    public var fixedEffectsInK: FixedEffectsInK = .nested
    /// Multiply clustered covariances by G/(G − 1) (fixest `cluster.adj`, pyfixest `G_adj`).
    public var clusterAdjustment: Bool = true
    /// Which G enters G/(G − 1) with multi-way clustering (fixest `cluster.df`, pyfixest `G_df`).
    public var clusterDegrees: ClusterDegrees = .minimum
    /// Which df the t distribution gets with clusters (fixest `t.df`).
    public var tDegrees: TDegrees = .minimum
    /// Which package's rule gives the HC1 scalar when a switch is off.
    public var heteroskedasticConvention: HeteroskedasticConvention = .pyfixest
    /// Repair a covariance with a negative diagonal entry by the eigenvalue fix of
    /// Cameron, Gelbach & Miller (2011) as fixest does (`mat_posdef_fix`, `R/miscfuns.R`):
    /// V = U diag(max(λ, 10⁻¹⁰)) Uᵀ. pyfixest has no fix (it reports NaN standard errors).
    /// A warning is recorded when the fix is applied.
    public var fixNonPositiveDefinite: Bool = true

    /// The defaults of fixest and pyfixest.
    public init() {}

    private enum CodingKeys: String, CodingKey {
        case convention, adjustForParameters, fixedEffectsInK, clusterAdjustment, clusterDegrees, tDegrees
        case heteroskedasticConvention, fixNonPositiveDefinite
    }

    /// Decodes the options; missing keys take their defaults.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = SmallSampleOptions()
        convention = try container.decodeIfPresent(SmallSampleConvention.self, forKey: .convention) ?? defaults.convention
        adjustForParameters = try container.decodeIfPresent(Bool.self, forKey: .adjustForParameters)
            ?? defaults.adjustForParameters
        fixedEffectsInK = try container.decodeIfPresent(FixedEffectsInK.self, forKey: .fixedEffectsInK)
            ?? defaults.fixedEffectsInK
        clusterAdjustment = try container.decodeIfPresent(Bool.self, forKey: .clusterAdjustment)
            ?? defaults.clusterAdjustment
        clusterDegrees = try container.decodeIfPresent(ClusterDegrees.self, forKey: .clusterDegrees)
            ?? defaults.clusterDegrees
        tDegrees = try container.decodeIfPresent(TDegrees.self, forKey: .tDegrees) ?? defaults.tDegrees
        heteroskedasticConvention = try container.decodeIfPresent(
            HeteroskedasticConvention.self, forKey: .heteroskedasticConvention) ?? defaults.heteroskedasticConvention
        fixNonPositiveDefinite = try container.decodeIfPresent(Bool.self, forKey: .fixNonPositiveDefinite)
            ?? defaults.fixNonPositiveDefinite
    }
}
