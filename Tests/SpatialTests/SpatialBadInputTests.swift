import Foundation
import Testing
@testable import Spatial

@Suite("Spatial ML refuses what it cannot estimate, with the reason")
struct SpatialBadInputTests {
    @Test("perfectly collinear W·X columns in SDM are named")
    func collinearDurbin() throws {
        let (columbus, _) = try ColumbusOracleTests.sample()
        let income = columbus.regressors[1]
        // x2 = W·INC makes SDM's W*INC a copy of x2.
        let sample = try SpatialSample(
            responseName: "CRIME", response: columbus.response, regressorNames: ["(Intercept)", "INC", "lagged"],
            regressors: [columbus.regressors[0], income, columbus.weights.lag(income)], weights: columbus.weights,
            periodCount: 1)
        do {
            _ = try SpatialMaximumLikelihood.fit(sample, options: SpatialOptions(model: .sdm))
            Issue.record("expected a collinearity error")
        } catch let error as SpatialError {
            #expect(error.description.contains("perfectly collinear"))
            #expect(error.description.contains("W*INC"))
        }
        // SAR on the same regressors is fine.
        _ = try SpatialMaximumLikelihood.fit(sample, options: SpatialOptions(model: .sar))
    }

    @Test("a W with an island is refused, naming the unit")
    func island() throws {
        let weights = try SpatialWeights(
            unitIdentifiers: ["a", "b", "c", "d"], triplets: [(0, 1, 1), (1, 0, 1), (1, 2, 1), (2, 1, 1)])
        let sample = try SpatialSample(
            responseName: "y", response: [1, 2, 3, 5], regressorNames: ["x"], regressors: [[1, 0, 2, 1]],
            weights: weights, periodCount: 1)
        #expect(throws: SpatialError.island("d")) {
            try SpatialMaximumLikelihood.fit(sample, options: SpatialOptions(model: .sar))
        }
    }

    @Test("an intercept under fixed effects, unit effects with one period and Lee–Yu time effects with an unstandardised W are refused")
    func specifications() throws {
        let (columbus, _) = try ColumbusOracleTests.sample()
        #expect(throws: SpatialError.self) {
            try SpatialMaximumLikelihood.fit(columbus, options: SpatialOptions(model: .sar, effects: .time))
        }
        let noIntercept = try SpatialSample(
            responseName: "CRIME", response: columbus.response, regressorNames: ["INC"], regressors: [columbus.regressors[1]],
            weights: columbus.weights, periodCount: 1)
        #expect(throws: SpatialError.unsupportedSpecification("unit fixed effects need at least two periods")) {
            try SpatialMaximumLikelihood.fit(noIntercept, options: SpatialOptions(model: .sar, effects: .individual))
        }
        let binary = try SpatialWeights(
            unitIdentifiers: columbus.weights.unitIdentifiers, rowStarts: columbus.weights.rowStarts,
            columnIndices: columbus.weights.columnIndices, values: columbus.weights.values.map { _ in 1 })
        let panel = try SpatialSample(
            responseName: "y", response: columbus.response + columbus.response.reversed(), regressorNames: ["INC"],
            regressors: [columbus.regressors[1] + columbus.regressors[2]], weights: binary, periodCount: 2)
        #expect(throws: SpatialError.self) {
            try SpatialMaximumLikelihood.fit(panel, options: SpatialOptions(model: .sar, effects: .twoWays, approach: .leeYu))
        }
    }

    @Test("a non-finite value is located by unit and period")
    func nonFinite() throws {
        let (columbus, _) = try ColumbusOracleTests.sample()
        var response = columbus.response
        response[5] = .nan
        #expect(throws: SpatialError.self) {
            try SpatialSample(
                responseName: "CRIME", response: response, regressorNames: columbus.regressorNames,
                regressors: columbus.regressors, weights: columbus.weights, periodCount: 1)
        }
    }
}
