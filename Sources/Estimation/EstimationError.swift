/// Why an estimator could not produce an estimate from the data it was given.
public enum EstimationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Fewer usable observations than the estimator needs.
    case insufficientData(estimator: String, observations: Int, needed: Int)
    /// A value outside the estimator's support, e.g. a non-positive sale (0-based row).
    case invalidValue(estimator: String, variable: String, row: Int, value: Double)
    /// The data determine no finite estimate (e.g. all sales equal).
    case degenerate(estimator: String, reason: String)

    public var description: String {
        switch self {
        case .insufficientData(let estimator, let observations, let needed):
            return "\(estimator): \(observations) usable observations, at least \(needed) needed"
        case .invalidValue(let estimator, let variable, let row, let value):
            return "\(estimator): \(variable) = \(value) at row \(row + 1) is outside the estimator's support"
        case .degenerate(let estimator, let reason):
            return "\(estimator): \(reason)"
        }
    }
}
