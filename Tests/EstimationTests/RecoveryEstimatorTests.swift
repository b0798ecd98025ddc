import Estimation
import Foundation
import Testing

@Suite("recovery estimators")
struct RecoveryEstimatorTests {
    @Test("Pareto tail MLE on a hand-computed sample")
    func paretoByHand() throws {
        // ln(x/x_min) = 0, 1, 2, 3, 4 → T = 10, n = 5: α̂ = (n − 2)/T = 0.3, SE = α̂/√(n − 3).
        let sample = (0..<5).map { 2 * exp(Double($0)) }
        let estimate = try ParetoTailEstimator.estimate(sample)
        #expect(abs(estimate.shape - 0.3) < 1e-15)
        #expect(abs(estimate.standardError - 0.3 / 2.0.squareRoot()) < 1e-15)
        #expect(estimate.scale == 2)
    }

    @Test("Pareto tail MLE rejects bad input with typed errors")
    func paretoErrors() {
        #expect(throws: EstimationError.insufficientData(estimator: ParetoTailEstimator.name, observations: 3, needed: 4)) {
            try ParetoTailEstimator.estimate([1, 2, 3])
        }
        #expect(throws: EstimationError.invalidValue(estimator: ParetoTailEstimator.name, variable: "x", row: 2, value: -1)) {
            try ParetoTailEstimator.estimate([1, 2, -1, 3])
        }
        #expect(throws: EstimationError.self) { try ParetoTailEstimator.estimate([2, 2, 2, 2]) }
    }

    @Test("markup estimator: exact without error, delta-method SE")
    func markup() throws {
        let revenue = [4.0, 8.0, 12.0]
        let exact = try MarkupEstimator.estimate(revenue: revenue, variableCost: revenue.map { $0 * 0.75 })
        #expect(abs(exact.elasticity - 4) < 1e-12)
        #expect(exact.standardError < 1e-12)
        // ln ratios ln(4/3) ± 0.1: mean ln(4/3), SD 0.1 → SE(ln μ) = 0.1/√2, SE(σ) = μ/(μ−1)² · that.
        let noisy = try MarkupEstimator.estimate(revenue: [1, 1], variableCost: [0.75 * exp(0.1), 0.75 * exp(-0.1)])
        let sd = (2 * 0.01).squareRoot()
        #expect(abs(noisy.logMarkupStandardError - sd / 2.0.squareRoot()) < 1e-14)
        #expect(abs(noisy.standardError - (4.0 / 3) / pow(1.0 / 3, 2) * sd / 2.0.squareRoot()) < 1e-12)
        #expect(throws: EstimationError.self) { try MarkupEstimator.estimate(revenue: [1, 1], variableCost: [2, 2]) }
    }
}
