import Estimation
import Foundation

/// Why a number of a ``RegressionResult`` is not finite, for the `nonFinite` list of ``EstimationJSON``.
enum RegressionReasons {
    /// Reasons keyed by the path of the field within the result's object (an array element's index as the last
    /// component where the reason differs per element); only for the fields that are not finite.
    static func reasons(for result: RegressionResult) -> [[String]: String] {
        var reasons: [[String]: String] = [:]
        let slopes = result.coefficientNames.filter { $0 != "(Intercept)" }.count
        if !result.fStatistic.isFinite {
            reasons[["fStatistic"]] = slopes == 0
                ? "the model has no slope besides the intercept, so there is nothing for the F test to test"
                : result.residualSumOfSquares == 0
                    ? "the residuals are all zero (a perfect fit), so the F ratio divides by zero"
                    : "the F ratio is undefined (no residual degrees of freedom or no variation left to explain)"
        }
        let constant = "the dependent variable is constant in the estimation sample (total sum of squares 0)"
        if !result.rSquared.isFinite { reasons[["rSquared"]] = constant }
        if !result.adjustedRSquared.isFinite {
            reasons[["adjustedRSquared"]] = result.rSquared.isFinite
                ? "no residual degrees of freedom (n − 1)/(n − K) is undefined" : constant
        }
        if let within = result.withinRSquared, !within.isFinite {
            reasons[["withinRSquared"]] = "the fixed effects absorb all variation of the dependent variable (within sum of squares 0)"
        }
        let variances = result.covariance.matrix.diagonalElements
        for (index, se) in result.standardErrors.enumerated() where !se.isFinite {
            let variance = index < variances.count ? variances[index] : .nan
            reasons[["standardErrors", String(index)]] = variance < 0
                ? "the variance is negative: the covariance matrix is not positive semi-definite (the eigenvalue fix is off)"
                : "the variance is not a finite number"
        }
        for (index, t) in result.tStatistics.enumerated() where !t.isFinite {
            let se = result.standardErrors[index]
            let reason = se == 0
                ? "the standard error is 0 (for example a perfect fit), so t = estimate / 0"
                : "the standard error is not a finite number"
            reasons[["tStatistics", String(index)]] = reason
            reasons[["pValues", String(index)]] = reason
        }
        for (index, p) in result.pValues.enumerated() where !p.isFinite && reasons[["pValues", String(index)]] == nil {
            reasons[["pValues", String(index)]] = "the t statistic is not a finite number"
        }
        reasons[["covariance", "elements"]] = "the covariance matrix is not finite (for example no residual degrees of freedom)"
        reasons[["covariance", "smallSampleFactor"]] = "the small-sample factor is not finite"
        return reasons
    }
}
