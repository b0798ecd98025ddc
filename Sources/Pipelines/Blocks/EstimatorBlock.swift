import Estimation
import MonteCarlo
import PanelData

/// One estimator block of a scenario (`[[estimate]]`, `[[mediate]]`, and the GMM, FMOLS, Granger,
/// spatial and DEA blocks to come), prepared once and run on every simulated panel by the generic
/// Monte Carlo job (``MonteCarloJob``). A block kind owns its TOML keys and their validation (in the
/// scenario decoder) and returns named estimates with standard errors and named statistics; the
/// runner knows no block kind by name.
public protocol EstimatorBlock: Sendable {
    /// The block's `name`, the prefix of every estimate it reports.
    var name: String { get }
    /// Which of the model's simulated panels the block reads (`data = "…"`).
    var panel: PanelSelection { get }
    /// What the block reports to the user when it runs on replication 0 (e.g. "estimating 'baseline'").
    var activity: String { get }
    /// Runs the block on one panel.
    /// - Parameters:
    ///   - replication: the replication index, for blocks that draw (a bootstrap's seed derives from it).
    ///   - truth: the model's truth by name (``TruthTarget/modelTruth(_:)``), for the values the estimates should recover.
    ///   - keepFits: keep every regression for replication 0's side-by-side table, not only the recovered ones.
    func run(on data: Dataset, replication: Int, truth: (String) -> Double?, keepFits: Bool) throws -> BlockOutcome
}

/// What one block reports for one panel.
public struct BlockOutcome: Sendable {
    /// The recovery rows, "NAME: coefficient" beside their truth.
    public var estimates: [ParameterEstimate]
    /// Named statistics that are not estimates of a parameter (first-stage F, a test's p-value, an index).
    public var statistics: [BlockStatistic]
    /// Regressions for the side-by-side table of replication 0 (only with `keepFits`).
    public var tableFits: [RegressionFit]

    public init(estimates: [ParameterEstimate], statistics: [BlockStatistic] = [], tableFits: [RegressionFit] = []) {
        self.estimates = estimates
        self.statistics = statistics
        self.tableFits = tableFits
    }
}

/// A named statistic of a block on one panel, e.g. the first-stage F of `iv_phone: eco`.
public struct BlockStatistic: Sendable, Codable, Equatable {
    /// What it belongs to, e.g. "iv_phone: eco" (estimation label and endogenous regressor).
    public let subject: String
    /// Which statistic, e.g. ``firstStageF``.
    public let statistic: String
    public let value: Double

    public init(subject: String, statistic: String, value: Double) {
        self.subject = subject
        self.statistic = statistic
        self.value = value
    }

    /// The first-stage F of one endogenous regressor.
    public static let firstStageF = "first-stage F"
    /// The Kleibergen–Paap rk Wald F of the estimation (weak identification).
    public static let kleibergenPaapWaldF = "Kleibergen-Paap Wald F"
    /// The Kleibergen–Paap rk LM statistic of the estimation (underidentification).
    public static let kleibergenPaapLM = "Kleibergen-Paap LM"
}
