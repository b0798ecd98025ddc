import Estimation
import MonteCarlo
import Numerical

extension EstimationRequest {
    /// "LABEL: NAME", the block's `ratio` β_num/β_den of one fit with its delta-method standard error
    /// (``CoefficientRatio``), beside the truth `recover` gives NAME; nil without `ratio` or without that
    /// `recover` entry (validation asks for one).
    /// - Parameters:
    ///   - label: the fit's label (the block's name, or `NAME[i]` for one model of an expansion).
    ///   - names: the fit's coefficient names, the order of `coefficients` and of `covariance`'s rows and columns.
    ///   - truth: the model's truth by name.
    /// - Throws: ``EstimationError/degenerate(estimator:reason:)`` when a coefficient is missing, β_den is 0,
    ///   or the target has no value (`"pseudo-true"`).
    func ratioEstimate(label: String, names: [String], coefficients: [Double], covariance: Matrix,
                       truth: (String) -> Double?) throws -> ParameterEstimate? {
        guard let ratio, let recovery = ratioRecovery else { return nil }
        guard let value = recovery.truth.value(truth: truth) else {
            throw EstimationError.degenerate(estimator: label, reason: "\(ratio.name): no truth value (\(recovery.truth.text))")
        }
        let estimate = try ratio.evaluate(names: names, coefficients: coefficients, covariance: covariance, estimator: label)
        return ParameterEstimate(parameter: "\(label): \(ratio.name)", truth: value, estimate: estimate.estimate,
                                 standardError: estimate.standardError)
    }
}
