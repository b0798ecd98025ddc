/// The spatial model families (Elhorst 2014, *Spatial Econometrics*, ch. 2; LeSage & Pace 2009).
///
/// - `sar`: spatial lag, y = ρWy + Xβ + ε.
/// - `sem`: spatial error, y = Xβ + u, u = λWu + ε.
/// - `sac`: both (SARAR), y = ρWy + Xβ + u, u = λWu + ε (the same W in both parts).
/// - `sdm`: spatial Durbin, y = ρWy + Xβ + WXθ + ε.
/// - `sdem`: spatial Durbin error, y = Xβ + WXθ + u, u = λWu + ε.
public enum SpatialModelKind: String, Sendable, CaseIterable, Codable {
    case sar, sem, sac, sdm, sdem

    /// True when the model has the spatial lag ρWy.
    public var hasLag: Bool { self == .sar || self == .sac || self == .sdm }
    /// True when the disturbance is spatially autoregressive (λ).
    public var hasErrorProcess: Bool { self == .sem || self == .sac || self == .sdem }
    /// True when the regressors' spatial lags WX enter (θ).
    public var isDurbin: Bool { self == .sdm || self == .sdem }
}

/// Fixed effects of a spatial panel, removed by demeaning before the likelihood (Elhorst's
/// "direct approach"; Elhorst 2014, sec. 3.2) or by the Lee–Yu (2010) orthogonal transformation.
public enum SpatialEffects: String, Sendable, CaseIterable, Codable {
    /// No fixed effects: a pooled panel or a cross-section (an intercept may be among the regressors).
    case none
    /// Unit (individual) effects μ_i.
    case individual
    /// Period effects α_t.
    case time
    /// Both.
    case twoWays = "twoways"

    var removesUnitMeans: Bool { self == .individual || self == .twoWays }
    var removesPeriodMeans: Bool { self == .time || self == .twoWays }
}

/// How the fixed-effects likelihood is set up.
public enum SpatialFixedEffectsApproach: String, Sendable, Codable {
    /// Demean, then use the likelihood of NT observations with σ² = e′e/NT and T·ln|I − ρW|
    /// (Elhorst 2014, eq. 3.11): ρ and β are consistent, σ² is biased for small T.
    case direct
    /// Lee & Yu (2010): the likelihood of the orthogonally transformed panel, with N(T − 1)
    /// observations and (T − 1)·ln|I − ρW| for unit effects, and (N − 1)(T − 1) observations and
    /// (T − 1)·[ln|I − ρW| − ln(1 − ρ)] for two-way effects (row-standardised W). For unit
    /// effects it leaves ρ and β unchanged and rescales σ² by T/(T − 1).
    case leeYu = "lee-yu"
}
