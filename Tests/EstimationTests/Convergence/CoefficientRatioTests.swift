import Covariance
import Estimation
import Foundation
import Numerical
import PanelData
import Testing

/// The ratio β_num/β_den of two coefficients (paper 000's α3/α1, eq. 26) with its delta-method standard
/// error: hand-computed numbers, a finite-difference delta method along the covariance's Cholesky factor
/// on a regression, and the refusal of a denominator of 0.
@Suite("coefficient ratio (delta method)")
struct CoefficientRatioTests {
    /// β = (0.3, −0.6), V = [[0.01, 0.002], [0.002, 0.04]]: g = (−5/3, −5/6), g′Vg = 25/9·0.01 + 2·25/18·0.002
    /// + 25/36·0.04 = 11/180.
    @Test("hand-computed ratio and standard error")
    func handComputed() throws {
        let estimate = try #require(CoefficientRatio.deltaMethod(numerator: 0.3, denominator: -0.6, numeratorVariance: 0.01,
                                                                 denominatorVariance: 0.04, covariance: 0.002))
        #expect(abs(estimate.estimate - -0.5) <= 1e-15)
        #expect(abs(estimate.standardError - (11.0 / 180).squareRoot()) <= 1e-15)
        // From a covariance matrix with other coefficients around them, by name.
        let covariance = try Matrix([[9, 0.5, 0.7], [0.5, 0.04, 0.002], [0.7, 0.002, 0.01]])
        let ratio = CoefficientRatio(name: "acceleration", numerator: "a", denominator: "b")
        let named = try ratio.evaluate(names: ["(Intercept)", "b", "a"], coefficients: [4, -0.6, 0.3], covariance: covariance,
                                       estimator: "fit")
        #expect(named == estimate)
    }

    @Test("a denominator of 0 (or below 1e-6 of its standard error) and a missing coefficient are errors, not infinities")
    func degenerate() throws {
        #expect(CoefficientRatio.deltaMethod(numerator: 1, denominator: 0, numeratorVariance: 1, denominatorVariance: 1, covariance: 0) == nil)
        #expect(CoefficientRatio.deltaMethod(numerator: 1, denominator: 1e-9, numeratorVariance: 1, denominatorVariance: 1, covariance: 0) == nil)
        #expect(CoefficientRatio.deltaMethod(numerator: 1, denominator: 1e-9, numeratorVariance: 1, denominatorVariance: 1e-24,
                                             covariance: 0) != nil)
        let ratio = CoefficientRatio(name: "r", numerator: "a", denominator: "b")
        let covariance = try Matrix([[1, 0], [0, 1]])
        do {
            _ = try ratio.evaluate(names: ["a", "b"], coefficients: [1, 0], covariance: covariance, estimator: "fit")
            Issue.record("a denominator of 0 gave a ratio")
        } catch {
            #expect("\(error)".contains("ratio 'r' = a/b is undefined"), "\(error)")
        }
        #expect(throws: EstimationError.self) {
            try ratio.evaluate(names: ["a", "c"], coefficients: [1, 2], covariance: covariance, estimator: "fit")
        }
    }

    /// g′Vg = Σ_k (g′L_k)² for V = LL′, and g′L_k is the derivative of the ratio along the column L_k of the
    /// Cholesky factor: central differences along each column give the delta method without its formula.
    @Test("on a regression with heteroskedastic errors, the SE agrees with central differences along the Cholesky factor")
    func finiteDifferences() throws {
        var state: UInt64 = 7
        func uniform() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) / 9007199254740992
        }
        var x1 = [Double](), x2 = [Double](), y = [Double]()
        for _ in 0..<300 {
            let a = uniform() * 2, b = uniform() + 0.5 * a
            x1.append(a)
            x2.append(b)
            y.append(0.8 * a - 0.3 * a * b + (0.2 + a) * (uniform() - 0.5))
        }
        let data = try Dataset(columns: [.double("x1", x1), .double("x2", x2), .double("y", y)])
        let result = try FixedEffectsOLS.fit(FormulaParser.parse("y ~ x1 + x1:x2 + x2"), data: data,
                                             options: EstimationOptions(vcov: .heteroskedastic))
        let ratio = CoefficientRatio(name: "acceleration", numerator: "x1:x2", denominator: "x1")
        let estimate = try ratio.evaluate(names: result.coefficientNames, coefficients: result.coefficients,
                                          covariance: result.covariance.matrix, estimator: "ols")
        let top = try #require(result.coefficientNames.firstIndex(of: "x1:x2"))
        let bottom = try #require(result.coefficientNames.firstIndex(of: "x1"))
        let beta = (result.coefficients[top], result.coefficients[bottom])
        #expect(estimate.estimate == beta.0 / beta.1)
        // The 2 × 2 covariance of (β_num, β_den) and its Cholesky factor L (lower triangular).
        let v = result.covariance.matrix
        let l11 = v[top, top].squareRoot(), l21 = v[bottom, top] / l11
        let l22 = (v[bottom, bottom] - l21 * l21).squareRoot()
        let columns = [(l11, l21), (0, l22)]
        let step = 1e-5
        var variance = 0.0
        for (dn, dd) in columns {
            let forward = (beta.0 + step * dn) / (beta.1 + step * dd), backward = (beta.0 - step * dn) / (beta.1 - step * dd)
            let derivative = (forward - backward) / (2 * step)
            variance += derivative * derivative
        }
        #expect(abs(estimate.standardError - variance.squareRoot()) <= 1e-7 * estimate.standardError,
                "delta method \(estimate.standardError), finite differences \(variance.squareRoot())")
        #expect(estimate.standardError > 0)
    }
}
