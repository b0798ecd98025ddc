import Estimation
import Foundation
import Testing
import TestSupport

/// The recovery estimators against scipy (fixtures from validation/recovery_estimators.py).
@Suite("recovery estimators against scipy")
struct ScipyOracleTests {
    static func fixture(_ name: String) throws -> [String: Any] {
        try OracleFixture(oracle: "scipy", name: name).object
    }

    @Test("Pareto tail: hetfirm's shape × n/(n−2) equals scipy.stats.pareto.fit(x, floc=0) to 1e-8")
    func paretoTail() throws {
        let fixture = try Self.fixture("pareto-tail")
        let data = try #require(fixture["data"] as? [Double])
        let estimate = try ParetoTailEstimator.estimate(data)
        let n = Double(data.count)
        let scipyShape = try #require(fixture["mle_shape"] as? Double)
        let scipyScale = try #require(fixture["mle_scale"] as? Double)
        #expect(abs(estimate.shape * n / (n - 2) / scipyShape - 1) < 1e-8)
        #expect(estimate.scale == scipyScale)
    }

    @Test("markup: ln μ̂ and its SE equal numpy's mean and scipy.stats.sem to 1e-8 and 1e-6")
    func markup() throws {
        let fixture = try Self.fixture("markup")
        let revenue = try #require(fixture["revenue"] as? [Double])
        let cost = try #require(fixture["cost"] as? [Double])
        let estimate = try MarkupEstimator.estimate(revenue: revenue, variableCost: cost)
        let logMarkup = try #require(fixture["log_markup"] as? Double)
        let logMarkupSE = try #require(fixture["log_markup_se"] as? Double)
        #expect(abs(log(estimate.markup) / logMarkup - 1) < 1e-8)
        #expect(abs(estimate.logMarkupStandardError / logMarkupSE - 1) < 1e-6)
    }
}
