/// How well the estimates of one parameter recovered its truth over R Monte Carlo replications.
///
/// All statistics are over the replications that reported the parameter. Non-finite estimates or
/// standard errors propagate NaN into the moments, and count as "not covered" and "not rejected".
public struct RecoveryRow: Sendable, Codable, Equatable {
    /// Name of the parameter.
    public let parameter: String
    /// The true value; its mean over the replications when it varies by replication (e.g. a
    /// pseudo-true value or an average over each panel's rows). Bias, RMSE and coverage always
    /// compare each estimate with its own replication's truth.
    public let truth: Double
    /// Number of replications R that reported an estimate of the parameter.
    public let replications: Int
    /// Mean of the estimates.
    public let meanEstimate: Double
    /// Mean of estimate − truth (each replication's own truth).
    public let bias: Double
    /// Standard deviation of the estimates across replications (divisor R − 1; NaN when R < 2).
    public let standardDeviation: Double
    /// Mean of the reported standard errors; compare with `standardDeviation`.
    public let meanStandardError: Double
    /// √(mean (estimate − truth)²).
    public let rootMeanSquaredError: Double
    /// Share of replications whose interval estimate ± z·SE covers the truth, z the two-sided
    /// normal critical value at `level`.
    public let coverage: Double
    /// Rejection rate of H₀: θ = truth at significance 1 − `level` (= 1 − coverage).
    public let size: Double
    /// Rejection rate of H₀: θ = 0 at significance 1 − `level`.
    public let power: Double
    /// Nominal confidence level of the intervals, e.g. 0.95.
    public let level: Double
    /// Standard deviation of estimate − truth across replications; equals `standardDeviation`
    /// when the truth is the same in every replication.
    public let errorStandardDeviation: Double

    /// Creates a row from already computed statistics (``RecoveryReport/summarize(_:level:)``
    /// computes them from replication records).
    public init(
        parameter: String, truth: Double, replications: Int, meanEstimate: Double, bias: Double,
        standardDeviation: Double, meanStandardError: Double, rootMeanSquaredError: Double,
        coverage: Double, size: Double, power: Double, level: Double, errorStandardDeviation: Double? = nil
    ) {
        self.parameter = parameter
        self.truth = truth
        self.replications = replications
        self.meanEstimate = meanEstimate
        self.bias = bias
        self.standardDeviation = standardDeviation
        self.meanStandardError = meanStandardError
        self.rootMeanSquaredError = rootMeanSquaredError
        self.coverage = coverage
        self.size = size
        self.power = power
        self.level = level
        self.errorStandardDeviation = errorStandardDeviation ?? standardDeviation
    }

    /// Monte Carlo standard error of the bias: SD(estimate − truth)/√R.
    public var biasMonteCarloStandardError: Double {
        guard replications > 0 else { return .nan }
        return errorStandardDeviation / Double(replications).squareRoot()
    }

    /// The exact binomial 99% acceptance band for `coverage`: if the intervals had exactly
    /// nominal coverage `level`, the observed coverage of R replications would fall in this band
    /// with probability ≥ 99% (at most 0.5% in each tail).
    public var coverageBand99: ClosedRange<Double> {
        BinomialAcceptanceBand.proportions(trials: replications, successProbability: level, tailProbability: 0.005)
    }

    /// Whether `coverage` lies inside ``coverageBand99`` (false when coverage is NaN).
    public var coverageIsConsistentWithLevel: Bool {
        coverageBand99.contains(coverage)
    }
}
