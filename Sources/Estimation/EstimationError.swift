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
    /// A regressor column holds text; `row` is 0-based in the dataset.
    case notNumeric(variable: String, row: Int, value: String)
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
            return "column '\(variable)' is not numeric: data row \(row + 1) holds '\(value)' (NaN, inf and text are not numbers)"
        case .allRegressorsCollinear(let reasons):
            return "every regressor is collinear: " + reasons.joined(separator: "; ")
        case .covariance(let reason):
            return "covariance: \(reason)"
        }
    }
}
