import Estimation
import Foundation
import Numerical
import Testing

/// The structural fit of v_z/v_d against scipy.optimize.least_squares (fixture from
/// validation/signal_weight_fit.py): ρ̂ to 1e-8 relative, its sandwich SE to 1e-6.
@Suite("signal-weight fit against scipy")
struct SignalWeightFitOracleTests {
    @Test("ρ̂ and its sandwich SE equal scipy's on exact, noisy-diagonal and noisy-full-covariance cases")
    func againstScipy() throws {
        let fixture = try ScipyOracleTests.fixture("signal-weight-fit")
        let counts = try #require(fixture["signal_counts"] as? [[Double]])
        let cases = try #require(fixture["cases"] as? [[String: Any]])
        #expect(cases.count == 3)
        for entry in cases {
            let name = try #require(entry["name"] as? String)
            let slopes = try #require(entry["slopes"] as? [Double])
            let covariance = try Matrix(try #require(entry["covariance"] as? [[Double]]))
            let fit = try SignalWeightFit.fit(slopes: slopes, covariance: covariance, signalCounts: counts)
            let ratio = try #require(entry["noise_ratio"] as? Double)
            let standardError = try #require(entry["standard_error"] as? Double)
            #expect(abs(fit.noiseRatio / ratio - 1) < 1e-8, "\(name): \(fit.noiseRatio) vs \(ratio)")
            #expect(abs(fit.standardError / standardError - 1) < 1e-6, "\(name): \(fit.standardError) vs \(standardError)")
        }
    }
}
