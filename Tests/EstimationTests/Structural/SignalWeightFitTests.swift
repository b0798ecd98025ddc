import Foundation
import Numerical
import Testing
@testable import Estimation

@Suite("signal-weight fit (paper 003, eq. 9)")
struct SignalWeightFitTests {
    static let bins: [[Double]] = [[1, 2, 2, 3], [5, 8, 9], [15, 20, 25, 30], [60, 80, 100]]

    /// The variance-weighted bin mean: rows weighted by 1/n (the variance of a mean of n signals).
    static func meanWeight(_ counts: [Double], _ ratio: Double) -> Double {
        counts.map { 1 / (ratio + $0) }.reduce(0, +) / counts.map { 1 / $0 }.reduce(0, +)
    }

    @Test("exact slopes give back ρ to 1e-8")
    func exactRecovery() throws {
        for ratio in [0.5, 4.0, 40.0, 400.0] {
            let slopes = Self.bins.map { Self.meanWeight($0, ratio) }
            let fit = try SignalWeightFit.fit(slopes: slopes, covariance: .diagonal([1e-4, 1e-4, 2e-4, 1e-4]),
                                              signalCounts: Self.bins)
            #expect(abs(fit.noiseRatio - ratio) / ratio < 1e-8)
            #expect(fit.objective < 1e-16)
            #expect(abs(fit.weight(signals: 10) - 10 / (ratio + 10)) < 1e-8)
        }
    }

    @Test("with V = W⁻¹ the sandwich reduces to 1/√(JᵀWJ)")
    func standardErrorIdentity() throws {
        let ratio = 12.0, variances = [1e-3, 4e-4, 2e-4, 1e-4]
        let slopes = Self.bins.map { Self.meanWeight($0, ratio) }
        let fit = try SignalWeightFit.fit(slopes: slopes, covariance: .diagonal(variances), signalCounts: Self.bins)
        let jacobian = Self.bins.map { counts in counts.map { 1 / pow(ratio + $0, 2) }.reduce(0, +) / counts.map { 1 / $0 }.reduce(0, +) }
        let information = zip(jacobian, variances).reduce(0) { $0 + $1.0 * $1.0 / $1.1 }
        #expect(abs(fit.standardError - 1 / information.squareRoot()) / fit.standardError < 1e-6)
    }

    @Test("the standard error matches the Monte Carlo spread of ρ̂")
    func standardErrorMatchesSpread() throws {
        let ratio = 10.0, sd = 0.01
        let truth = Self.bins.map { Self.meanWeight($0, ratio) }
        let stream = RandomStream(masterSeed: 7, replication: 0, purpose: "signal-weight-fit")
        let normal = try NormalDistribution(mean: 0, standardDeviation: sd)
        var estimates: [Double] = [], standardErrors: [Double] = []
        for _ in 0..<500 {
            let slopes = truth.map { $0 + normal.sample(stream) }
            let fit = try SignalWeightFit.fit(slopes: slopes, covariance: .diagonal(Array(repeating: sd * sd, count: 4)),
                                              signalCounts: Self.bins)
            estimates.append(fit.noiseRatio)
            standardErrors.append(fit.standardError)
        }
        let mean = estimates.reduce(0, +) / 500
        let spread = (estimates.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 499).squareRoot()
        let meanSE = standardErrors.reduce(0, +) / 500
        #expect(abs(mean - ratio) < 3 * spread / 500.0.squareRoot() + 0.05 * ratio)
        #expect(abs(meanSE / spread - 1) < 0.15)
    }

    @Test("mismatched shapes and empty bins are errors")
    func badInput() {
        #expect(throws: EstimationError.self) {
            try SignalWeightFit.fit(slopes: [0.5], covariance: .diagonal([1, 1]), signalCounts: [[1]])
        }
        #expect(throws: EstimationError.self) {
            try SignalWeightFit.fit(slopes: [0.5], covariance: .diagonal([1]), signalCounts: [[]])
        }
        #expect(throws: EstimationError.self) {
            try SignalWeightFit.fit(slopes: [0.5], covariance: .diagonal([0]), signalCounts: [[1]])
        }
    }
}
