import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Quantiles of the standard normal distribution, without GSL.
///
/// The quantile starts from Acklam's rational approximation (relative error about 1.2e-9) and
/// applies one Halley step on Φ(x) − p computed with `erfc`, which brings it to within a few
/// units in the last place. Only the lower half p ≤ ½ is computed directly; the upper half uses
/// the symmetry Φ⁻¹(p) = −Φ⁻¹(1 − p), where 1 − p is exact in floating point.
public enum NormalQuantile {
    /// The standard normal cumulative distribution function Φ(x) = ½·erfc(−x/√2).
    public static func cumulativeProbability(_ x: Double) -> Double {
        0.5 * erfc(-x / 2.0.squareRoot())
    }

    /// The standard normal quantile Φ⁻¹(p).
    ///
    /// Returns −∞ for p = 0, +∞ for p = 1 and NaN for p outside [0, 1] or NaN.
    public static func standard(_ p: Double) -> Double {
        guard p >= 0, p <= 1 else { return .nan }
        if p == 0 { return -.infinity }
        if p == 1 { return .infinity }
        if p > 0.5 { return -lowerHalf(1 - p) }
        return lowerHalf(p)
    }

    /// The two-sided critical value z with P(|Z| ≤ z) = `level`, e.g. 1.959963984540054 for 0.95.
    ///
    /// Returns NaN unless 0 < level < 1.
    public static func twoSidedCriticalValue(level: Double) -> Double {
        guard level > 0, level < 1 else { return .nan }
        // (1 − level)/2 is computed before negation so small tail probabilities stay precise.
        return -standard((1 - level) / 2)
    }

    /// Φ⁻¹(p) for 0 < p ≤ ½ (result ≤ 0).
    private static func lowerHalf(_ p: Double) -> Double {
        let x = acklamApproximation(p)
        guard x.isFinite else { return x }
        // Halley step on f(x) = Φ(x) − p: f'(x) = φ(x), f''(x) = −x·φ(x).
        let error = cumulativeProbability(x) - p
        let ratio = error * (2 * Double.pi).squareRoot() * exp(x * x / 2)  // f/f'
        return x - ratio / (1 + x * ratio / 2)
    }

    /// Acklam's rational approximation of Φ⁻¹(p) for 0 < p ≤ ½.
    private static func acklamApproximation(_ p: Double) -> Double {
        let lowerBreak = 0.02425
        if p < lowerBreak {
            let q = (-2 * log(p)).squareRoot()
            let numerator = polynomial(tailNumerator, q)
            let denominator = polynomial(tailDenominator, q) * q + 1
            return numerator / denominator
        }
        let q = p - 0.5
        let r = q * q
        let numerator = polynomial(centralNumerator, r) * q
        let denominator = polynomial(centralDenominator, r) * r + 1
        return numerator / denominator
    }

    /// Evaluates c₀xⁿ⁻¹ + c₁xⁿ⁻² + … + cₙ₋₁ by Horner's rule.
    private static func polynomial(_ coefficients: [Double], _ x: Double) -> Double {
        coefficients.reduce(0) { $0 * x + $1 }
    }

    private static let centralNumerator: [Double] = [
        -3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
        1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00,
    ]
    private static let centralDenominator: [Double] = [
        -5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
        6.680131188771972e+01, -1.328068155288572e+01,
    ]
    private static let tailNumerator: [Double] = [
        -7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
        -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00,
    ]
    private static let tailDenominator: [Double] = [
        7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
        3.754408661907416e+00,
    ]
}
