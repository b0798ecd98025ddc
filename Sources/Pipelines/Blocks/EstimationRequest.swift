import Estimation
import PanelData

/// One `[[estimate]]` table: an estimation to run on every simulated panel (DESIGN.md,
/// "Scenario files"). The formula is kept as written; the Estimation target parses it.
///
/// A formula may stand for several models as in `hetfirm estimate` (`sw()`, `sw0()`, `csw()`, `csw0()`,
/// `c(y1, y2) ~` or `y1 + y2 ~`), and `split` estimates each model on every value of a column. Each
/// (sample, model) pair is one estimation, named `NAME[i]` (i = 1, 2, … the model's position in fixest's
/// expansion order), `NAME[COLUMN = VALUE]` or `NAME[i, COLUMN = VALUE]`; a single model without split keeps
/// `NAME`. Each `recover` entry applies to every model that has the coefficient.
public struct EstimationRequest: Sendable, Equatable {
    /// How standard errors are computed, as written in `vcov`.
    public enum Vcov: Sendable, Equatable {
        /// `vcov = "iid"`
        case iid
        /// `vcov = "hetero"` (HC1)
        case hetero
        /// `vcov = { cluster = ["city^dest"] }`
        case cluster([String])
        /// `vcov = "nw"` or `"nw=2"`: panel Newey–West (needs `panel`); nil lags use ⌊T^{1/4}⌋.
        case neweyWest(lags: Int?)
        /// `vcov = "dk"` or `"dk=2"`: Driscoll–Kraay (needs `panel`); nil lags use ⌊T^{1/4}⌋.
        case driscollKraay(lags: Int?)

        /// The setting as `vcov = "…"` text, for the resolved scenario (cluster lists are written as a table).
        public var text: String? {
            switch self {
            case .iid: return "iid"
            case .hetero: return "hetero"
            case .cluster: return nil
            case .neweyWest(let lags): return "nw" + (lags.map { "=\($0)" } ?? "")
            case .driscollKraay(let lags): return "dk" + (lags.map { "=\($0)" } ?? "")
            }
        }
    }

    public let name: String
    /// `method`: the estimator the block runs (default ``EstimationMethod/ols``).
    public let method: EstimationMethod
    /// fixest syntax, e.g. `y ~ x | fe1 + fe2^fe3`.
    public let formula: String
    /// `nil` when not written: the estimator's default applies.
    public let vcov: Vcov?
    /// Coefficient → what it should recover (`recover = { x = "truth.delta" }`), in file order.
    public let recover: [Recovery]
    /// `split = "region"`: estimate every model on each value of this panel column; `nil` for the full sample.
    public let split: String?
    /// `sample = "new_dummy == 0 && num >= 4"`: estimate on the rows that pass (see ``SampleFilter``).
    public let sample: String?
    /// `standardize = true`: z-score every variable of the formula over the estimation rows first (the
    /// paper-003 Table 3 col. 5 convention; interactions must then be product columns, not `a:b`).
    public let standardize: Bool
    /// `data = "products"`: estimate on one of the model's other simulated panels (see
    /// `ModelDescriptor.additionalPanels`); ``PanelSelection/main`` without `data`.
    public let data: PanelSelection
    /// `panel = ["firm", "year"]`: the unit and time columns, for the panel operators `l()`, `f()`, `d()`,
    /// the panel HAC covariances and the panel estimators; `nil` when not written.
    public let panel: PanelDeclaration?
    /// `weights = "w"`: a column of non-negative observation weights (rows with weight 0 are dropped);
    /// `nil` for an unweighted estimation.
    public let weights: String?
    /// `convergence = { coefficient = "l(log(y), 1)", horizon = 1, growth = "total", at = { … } }`: also report
    /// the speed and half-life of convergence; `recover` may then name `speed` and `half-life`.
    public let convergence: ConvergenceSpecification?
    /// `ratio = { name = "acceleration", numerator = "lnMET:log(INTER)", denominator = "lnMET" }`: also report
    /// β_num/β_den as "LABEL: NAME" with its delta-method standard error (paper 000's α3/α1, eq. 26), for
    /// `method` = ols, iv, fmols or spatial; `recover` names NAME with its truth. Nil without the key.
    public let ratio: CoefficientRatio?
    /// `lags = K`, or `lag_selection = "aic"|"bic"` with `max_lags = M`: the lag order of
    /// `method = "granger"`; nil for the other methods.
    public let grangerLags: GrangerOptions?
    /// `fmols`, `kernel`, `bandwidth`: the settings of `method = "fmols"` (defaults otherwise).
    public let fmols: FMOLSSettings
    /// `transformation`, `steps`, `effect`, `collapse`: the settings of `method = "gmm"` (defaults otherwise).
    public let gmm: DynamicPanelOptions
    /// `weights`, `weights_format`, `model`, `effects`, `lee_yu`, `row_standardize`: the settings of
    /// `method = "spatial"` (nil for the other methods, whose `weights` is a column of observation weights).
    public let spatial: SpatialSettings?

    public struct Recovery: Sendable, Equatable {
        public let coefficient: String
        public let truth: TruthTarget
        public init(coefficient: String, truth: TruthTarget) {
            self.coefficient = coefficient
            self.truth = truth
        }
    }

    /// The `recover` entry naming the ratio's estimate, if any.
    public var ratioRecovery: Recovery? {
        guard let ratio else { return nil }
        return recover.first { $0.coefficient == ratio.name }
    }

    public init(name: String, method: EstimationMethod = .ols, formula: String, vcov: Vcov? = nil, recover: [Recovery] = [],
                split: String? = nil, sample: String? = nil, standardize: Bool = false, data: PanelSelection = .main,
                panel: PanelDeclaration? = nil, weights: String? = nil, convergence: ConvergenceSpecification? = nil,
                ratio: CoefficientRatio? = nil, grangerLags: GrangerOptions? = nil,
                fmols: FMOLSSettings = .init(), gmm: DynamicPanelOptions = .init(), spatial: SpatialSettings? = nil) {
        self.method = method
        self.name = name
        self.formula = formula
        self.vcov = vcov
        self.recover = recover
        self.split = split
        self.sample = sample
        self.standardize = standardize
        self.data = data
        self.panel = panel
        self.weights = weights
        self.convergence = convergence
        self.ratio = ratio
        self.grangerLags = grangerLags
        self.fmols = fmols
        self.gmm = gmm
        self.spatial = spatial
    }
}
