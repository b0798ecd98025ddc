/// Which estimator an `[[estimate]]` block runs (`method = "…"`, default `"ols"`), read once when the
/// scenario is decoded. Each method is one block kind (``EstimatorBlockKinds``); the runner knows none
/// by name. The PPML and DEA estimators of DESIGN.md will be further cases.
public enum EstimationMethod: String, Sendable, CaseIterable, Equatable {
    /// Least squares with absorbed fixed effects; a formula with instruments (`| endo ~ z`) runs 2SLS,
    /// as fixest's `feols` does.
    case ols
    /// Two-stage least squares: every model of the formula must name its instruments.
    case iv
    /// The Dumitrescu–Hurlin panel Granger non-causality test of `formula = "y ~ x"` (x causes y?), with
    /// `panel`, and `lags` or `lag_selection` + `max_lags` (``PreparedGranger``).
    case granger

    /// Panel fully modified OLS (``PreparedFMOLS``): Pedroni's group mean or the pooled estimator.
    case fmols

    /// Arellano–Bond difference or Blundell–Bond system GMM of a dynamic panel formula
    /// `y ~ l(y, 1) + x | l(y, 2:99)`, with `panel` and the keys `transformation`, `steps`, `effect`, `collapse`
    /// (``PreparedGMM``).
    case gmm

    /// SAR, SEM, SAC, SDM or SDEM by maximum likelihood with a weight matrix read from `weights`, on the
    /// balanced panel of `panel`, with the keys `model`, `effects`, `lee_yu`, `row_standardize`,
    /// `weights_format` (``PreparedSpatial``).
    case spatial

    /// Methods DESIGN.md plans that no block implements yet, for the error message.
    public static let planned = ["ppml", "dea"]
}

/// The block kind of every estimation method: how a decoded `[[estimate]]` request becomes an
/// ``EstimatorBlock``. A new method adds its case to ``EstimationMethod`` and one line here.
public enum EstimatorBlockKinds {
    /// The block that runs `request`.
    /// - Parameter noiselessOutcomes: the model's outcomes with a noise-free column, for `"pseudo-true"`.
    public static func block(for request: EstimationRequest, noiselessOutcomes: [String: String]) throws -> any EstimatorBlock {
        switch request.method {
        case .ols, .iv: return try PreparedEstimation(request, noiselessOutcomes: noiselessOutcomes)
        case .granger: return try PreparedGranger(request)
        case .fmols: return try PreparedFMOLS(request)
        case .gmm: return try PreparedGMM(request)
        case .spatial: return try PreparedSpatial(request)
        }
    }
}
