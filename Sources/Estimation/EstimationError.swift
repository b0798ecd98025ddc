/// Why an estimator could not produce an estimate from the data it was given.
public enum EstimationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Fewer usable observations than the estimator needs.
    case insufficientData(estimator: String, observations: Int, needed: Int)
    /// A value outside the estimator's support, e.g. a non-positive sale (0-based row).
    case invalidValue(estimator: String, variable: String, row: Int, value: Double)
    /// The data determine no finite estimate (e.g. all sales equal).
    case degenerate(estimator: String, reason: String)
    /// No observation is left to estimate on, and why.
    case emptySample(reason: String)
    /// A fixed-effect or cluster variable that is not categorical (e.g. non-integer doubles).
    case notCategorical(variable: String, reason: String)
    /// The dependent variable or a regressor reads a column that holds text (a factor); `row` is the
    /// 0-based dataset row of its first cell that is not a number, `value` that cell's text.
    case notNumeric(variable: String, row: Int, value: String)
    /// A cluster variable with fewer than two levels in the estimation sample; `isDefault` when it
    /// is the first fixed effect, which clusters the standard errors when no covariance is given.
    case tooFewClusters(variable: String, count: Int, isDefault: Bool)
    /// A weight that is missing (NaN), negative or infinite; `row` is the 0-based dataset row.
    case invalidWeight(variable: String, row: Int, value: Double)
    /// Every regressor was dropped as collinear.
    case allRegressorsCollinear(reasons: [String])
    /// The covariance could not be computed (e.g. one cluster).
    case covariance(String)

    public var description: String {
        switch self {
        case .insufficientData(let estimator, let observations, let needed):
            return "\(estimator): \(observations) usable observations, at least \(needed) needed"
        case .invalidValue(let estimator, let variable, let row, let value):
            return "\(estimator): \(variable) = \(value) at row \(row + 1) is outside the estimator's support"
        case .degenerate(let estimator, let reason):
            return "\(estimator): \(reason)"
        case .emptySample(let reason):
            return "no observations to estimate on: \(reason)"
        case .notCategorical(let variable, let reason):
            return "'\(variable)' cannot be a fixed effect or cluster variable: \(reason)"
        case .notNumeric(let variable, let row, let value):
            return "column '\(variable)' holds text (data row \(row + 1): '\(Self.shortened(value))'), so it cannot be "
                + Self.factorAdvice(variable)
        case .tooFewClusters(let variable, let count, let isDefault):
            let levels = "\(count) level\(count == 1 ? "" : "s") in the estimation sample; clustering needs at least 2"
            guard isDefault else { return "cannot cluster the standard errors by '\(variable)': it has \(levels)" }
            return "the standard errors are clustered by the first fixed effect, '\(variable)' (the default when no "
                + "covariance is given), but it has \(levels): choose iid or hc1, or another cluster variable"
        case .invalidWeight(let variable, let row, let value):
            let what = value.isNaN ? "missing" : "\(value)"
            return "the weight '\(variable)' is \(what) at data row \(row + 1): weights must be finite and ≥ 0 "
                + "(a row with weight 0 is left out)"
        case .allRegressorsCollinear(let reasons):
            return "every regressor is collinear: " + reasons.joined(separator: "; ")
        case .covariance(let reason):
            return "covariance: \(reason)"
        }
    }

    /// How to use a text column instead of as a number (for messages that name the column).
    public static func factorAdvice(_ variable: String) -> String {
        "the dependent variable or a numeric regressor: use it as a fixed effect after '|' (y ~ … | \(variable)), "
            + "in an interaction of fixed effects (e.g. | \(variable)^year) or as a cluster variable; factor regressors "
            + "(i()) are not supported yet. A missing value is an empty cell or NA; NaN, inf and hexadecimal numbers are text"
    }

    /// `text` cut to 40 characters for messages.
    public static func shortened(_ text: String) -> String {
        text.count > 40 ? String(text.prefix(40)) + "…" : text
    }
}
