import Numerical

/// The ratio of two coefficients of one fit, r = β_num/β_den, with its delta-method standard error:
/// se(r) = √(g′Vg), g = (1/β_den, −β_num/β_den²), V the 2 × 2 covariance of (β_num, β_den) taken from the
/// fit's covariance matrix. Paper 000's "convergence acceleration" α3/α1 (eq. 26; Table 6 reports it without
/// a standard error) is the ratio of the coefficient on ln MET × ln INTER to the coefficient on ln MET.
///
/// A scenario writes it `ratio = { name = "acceleration", numerator = "lnMET:log(INTER)", denominator = "lnMET" }`;
/// the block then reports "LABEL: acceleration", which `recover` names with a truth.
public struct CoefficientRatio: Sendable, Equatable {
    /// The name of the derived estimate (e.g. "acceleration"), as `recover` names it.
    public let name: String
    /// β_num's coefficient name, e.g. `lnMET:log(INTER)`.
    public let numerator: String
    /// β_den's coefficient name, e.g. `lnMET`.
    public let denominator: String

    public init(name: String, numerator: String, denominator: String) {
        self.name = name
        self.numerator = numerator
        self.denominator = denominator
    }

    /// β_den = 0, or |β_den| at or below this multiple of se(β_den), counts as a denominator of 0: r and its
    /// standard error would be infinite or meaningless, and the fit reports an error instead of a number.
    public static let smallestDenominatorT = 1e-6

    /// r and its delta-method standard error (NaN when g′Vg < 0, as a coefficient's SE is for a negative
    /// variance).
    public struct Estimate: Sendable, Equatable {
        public let estimate: Double
        public let standardError: Double
        public init(estimate: Double, standardError: Double) {
            self.estimate = estimate
            self.standardError = standardError
        }
    }

    /// r = β_num/β_den and √(g′Vg) from the two coefficients, their variances and their covariance.
    /// - Returns: nil when β_den is 0 in the sense of ``smallestDenominatorT`` or r is not finite.
    public static func deltaMethod(numerator: Double, denominator: Double, numeratorVariance: Double,
                                   denominatorVariance: Double, covariance: Double) -> Estimate? {
        let denominatorError = denominatorVariance > 0 ? denominatorVariance.squareRoot() : 0
        guard denominator != 0, abs(denominator) > smallestDenominatorT * denominatorError else { return nil }
        let ratio = numerator / denominator
        guard ratio.isFinite else { return nil }
        let gradientNumerator = 1 / denominator
        let gradientDenominator = -numerator / (denominator * denominator)
        let variance = gradientNumerator * gradientNumerator * numeratorVariance
            + 2 * gradientNumerator * gradientDenominator * covariance
            + gradientDenominator * gradientDenominator * denominatorVariance
        return Estimate(estimate: ratio, standardError: variance >= 0 ? variance.squareRoot() : .nan)
    }

    /// The ratio from a fit's coefficients and covariance (rows and columns in the order of `names`).
    /// - Parameter estimator: the fit's label, for the error.
    /// - Throws: ``EstimationError/degenerate(estimator:reason:)`` when a coefficient is missing or β_den is 0.
    public func evaluate(names: [String], coefficients: [Double], covariance: Matrix, estimator: String) throws -> Estimate {
        func position(of coefficient: String) throws -> Int {
            guard let index = names.firstIndex(of: coefficient), index < coefficients.count,
                  index < covariance.rows, index < covariance.columns else {
                throw EstimationError.degenerate(estimator: estimator, reason: "ratio '\(name)': the fit has no coefficient '\(coefficient)' "
                                                     + "(it has \(names.joined(separator: ", ")))")
            }
            return index
        }
        let top = try position(of: numerator), bottom = try position(of: denominator)
        let beta = (coefficients[top], coefficients[bottom])
        guard let estimate = Self.deltaMethod(numerator: beta.0, denominator: beta.1, numeratorVariance: covariance[top, top],
                                              denominatorVariance: covariance[bottom, bottom],
                                              covariance: (covariance[top, bottom] + covariance[bottom, top]) / 2) else {
            let error = covariance[bottom, bottom] > 0 ? covariance[bottom, bottom].squareRoot() : 0
            throw EstimationError.degenerate(estimator: estimator, reason: "ratio '\(name)' = \(numerator)/\(denominator) is undefined: "
                                                 + "the denominator's estimate \(beta.1) (standard error \(error)) is 0")
        }
        return estimate
    }
}
