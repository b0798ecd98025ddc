/// One estimated parameter of one Monte Carlo replication, next to the truth the simulator knows.
///
/// Recovery is the only place where the simulator's truth and the estimator's output meet
/// (see DESIGN.md); this value records that meeting for a single coefficient.
public struct ParameterEstimate: Sendable, Codable, Equatable {
    /// Name of the parameter, e.g. `"k"` or `"dlnaffiliate"`; rows of a recovery report are keyed by it.
    public var parameter: String
    /// The value the estimator should recover (known to the simulator only).
    public var truth: Double
    /// The point estimate produced by the estimator.
    public var estimate: Double
    /// The estimator's standard error of `estimate`.
    public var standardError: Double

    /// Creates a record of one estimate of `parameter`.
    /// - Parameters:
    ///   - parameter: name of the parameter.
    ///   - truth: the value the estimator should recover.
    ///   - estimate: the point estimate.
    ///   - standardError: the reported standard error of the estimate.
    public init(parameter: String, truth: Double, estimate: Double, standardError: Double) {
        self.parameter = parameter
        self.truth = truth
        self.estimate = estimate
        self.standardError = standardError
    }
}
