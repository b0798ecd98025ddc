import Foundation
import Numerical
import Testing
import TestSupport
@testable import Spatial

/// Fixed-effects spatial panels (N = 60, k = 5 nearest neighbours, T = 6) against an independent numpy
/// implementation solved to machine precision (`Tests/Fixtures/spatialreg/panel_fe_numpy.json`, whose
/// direct and Lee–Yu cases reproduce spatialreg on the transformed data and spreg's ML_LagFE/ML_ErrorFE),
/// and the peers themselves at their optimisers' precision.
@Suite("Spatial panels with fixed effects against spatialreg, spreg and a numpy reference")
struct SpatialPanelOracleTests {
    struct Case: CustomStringConvertible, Sendable {
        let name: String
        let effects: SpatialEffects
        let approach: SpatialFixedEffectsApproach
        var description: String { name }
    }

    static let cases = [
        Case(name: "direct_individual", effects: .individual, approach: .direct),
        Case(name: "direct_two_way_demeaned_wy", effects: .twoWays, approach: .direct),
        Case(name: "lee_yu_individual", effects: .individual, approach: .leeYu),
        Case(name: "lee_yu_two_way", effects: .twoWays, approach: .leeYu),
    ]
    static let models: [(key: String, model: SpatialModelKind, response: String)] = [
        ("lag", .sar, "y_sar"), ("error", .sem, "y_sem"), ("sdm", .sdm, "y_sdm"), ("sdem", .sdem, "y_sem"), ("sac", .sac, "y_sac"),
    ]

    static func sample(response: String) throws -> SpatialSample {
        let fixture = try OracleFixture(oracle: "spreg", name: "panel_fe")
        let data: [String: Any] = try fixture.value("data")
        let columns = try #require(data["columns"] as? [String])
        let rows = try #require(data["rows"] as? [[NSNumber]])
        let column = { (name: String) throws -> [Double] in
            let index = try #require(columns.firstIndex(of: name))
            return rows.map { $0[index].doubleValue }
        }
        let weightsObject: [String: Any] = try fixture.value("weights")
        let edges = try #require(weightsObject["edges"] as? [[Int]])
        let units = Set(try column("unit")).count
        let weights = try SpatialWeights(
            unitIdentifiers: (1...units).map(String.init),
            triplets: edges.map { (row: $0[0] - 1, column: $0[1] - 1, weight: 1.0) }).rowStandardized()
        // Rows are sorted by time, then unit: period-major stacking with units 1…N.
        #expect(try column("unit") == (0..<rows.count).map { Double($0 % units + 1) })
        return try SpatialSample(
            responseName: response, response: try column(response), regressorNames: ["x1", "x2"],
            regressors: [try column("x1"), try column("x2")], weights: weights, periodCount: rows.count / units)
    }

    @Test("estimates, σ², log-likelihood and covariance match the numpy reference", arguments: cases)
    func numpyReference(panelCase: Case) throws {
        let reference = try OracleFixture(oracle: "spatialreg", name: "panel_fe_numpy")
        let cases: [String: Any] = try reference.value("cases")
        let entry = try #require(cases[panelCase.name] as? [String: Any])
        for (key, model, response) in Self.models {
            guard let expected = entry[key] as? [String: Any] else { continue }
            let sample = try Self.sample(response: response)
            let fit = try SpatialMaximumLikelihood.fit(
                sample, options: SpatialOptions(model: model, effects: panelCase.effects, approach: panelCase.approach))
            let label = "\(panelCase.name) \(model)"
            for parameter in ["rho", "lambda"] {
                guard let value = expected[parameter] as? Double else { continue }
                let ours = try #require(fit.coefficient(named: parameter)).estimate
                #expect(abs(ours - value) < 1e-8 * Swift.max(1, abs(value)), "\(label) \(parameter): \(ours) vs \(value)")
            }
            for (name, value) in try #require(expected["coefficients"] as? [String: Double]) {
                let ours = try #require(fit.coefficient(named: name.replacingOccurrences(of: "lag.", with: "W*")), "\(label) \(name)")
                #expect(ColumbusOracleTests.relative(ours.estimate, value) < 1e-7, "\(label) \(name): \(ours.estimate) vs \(value)")
            }
            #expect(ColumbusOracleTests.relative(fit.sigma2, try #require(expected["sigma2"] as? Double)) < 1e-8, "\(label) σ²")
            #expect(ColumbusOracleTests.relative(fit.logLikelihood, try #require(expected["log_likelihood"] as? Double)) < 1e-10, "\(label) ℓ")
            #expect(ColumbusOracleTests.relative(fit.aic, try #require(expected["aic"] as? Double)) < 1e-10, "\(label) AIC")
            if let errors = expected["standard_errors"] as? [String: Double] {
                for (name, value) in errors {
                    if name == "sigma2" {
                        #expect(ColumbusOracleTests.relative(fit.sigma2StandardError, value) < 1e-6, "\(label) SE σ²")
                        continue
                    }
                    let ours = try #require(fit.coefficient(named: name.replacingOccurrences(of: "lag.", with: "W*")), "\(label) SE \(name)")
                    #expect(ColumbusOracleTests.relative(ours.standardError, value) < 1e-6, "\(label) SE \(name): \(ours.standardError) vs \(value)")
                }
            }
        }
    }

    /// Compares a fit with a peer's coefficients, spatial parameters and SEs (peer optimisers stop
    /// near 1.5e-8·|ρ|, so estimates are held to 1e-6 and SEs to 1e-4).
    static func expectMatches(_ fit: SpatialFit, _ peer: [String: Any], label: String) throws {
        for (name, value) in try #require(peer["coefficients"] as? [String: Double]) {
            let ours = try #require(fit.coefficient(named: name.replacingOccurrences(of: "lag.", with: "W*")
                .replacingOccurrences(of: "W_", with: "W*")), "\(label) \(name)")
            #expect(ColumbusOracleTests.relative(ours.estimate, value) < 1e-6, "\(label) \(name): \(ours.estimate) vs \(value)")
            if let error = (peer["standard_errors"] as? [String: Double])?[name] {
                #expect(ColumbusOracleTests.relative(ours.standardError, error) < 1e-4, "\(label) SE \(name)")
            }
        }
        for parameter in ["rho", "lambda"] {
            guard let value = peer[parameter] as? Double else { continue }
            let ours = try #require(fit.coefficient(named: parameter))
            #expect(ColumbusOracleTests.relative(ours.estimate, value) < 1e-6, "\(label) \(parameter)")
            if let error = peer["\(parameter)_se"] as? Double {
                #expect(ColumbusOracleTests.relative(ours.standardError, error) < 1e-4, "\(label) SE \(parameter)")
            }
        }
        #expect(ColumbusOracleTests.relative(fit.sigma2, try #require(peer["sigma2"] as? Double)) < 1e-6, "\(label) σ²")
    }

    @Test("spatialreg on the transformed panels (direct with unit effects, Lee–Yu with unit and with two-way effects)")
    func spatialreg() throws {
        let fixture = try OracleFixture(oracle: "spatialreg", name: "panel_fe")
        let cases: [String: Any] = try fixture.value("cases")
        for panelCase in [Self.cases[0], Self.cases[2], Self.cases[3]] {
            let entry = try #require(cases[panelCase.name] as? [String: Any])
            for (key, model, response) in Self.models {
                guard let peer = entry[key] as? [String: Any] else { continue }
                let fit = try SpatialMaximumLikelihood.fit(
                    try Self.sample(response: response),
                    options: SpatialOptions(model: model, effects: panelCase.effects, approach: panelCase.approach))
                try Self.expectMatches(fit, peer, label: "spatialreg \(panelCase.name) \(model)")
            }
        }
    }

    @Test("spreg's ML_LagFE and ML_ErrorFE (unit effects, with and without W·X)")
    func spreg() throws {
        let fixture = try OracleFixture(oracle: "spreg", name: "panel_fe")
        let models: [String: Any] = try fixture.value("models")
        for (key, model, response) in [
            ("ml_lag_fe", SpatialModelKind.sar, "y_sar"), ("ml_error_fe", .sem, "y_sem"),
            ("ml_lag_fe_durbin", .sdm, "y_sdm"), ("ml_error_fe_durbin", .sdem, "y_sem"),
        ] {
            let peer = try #require(models[key] as? [String: Any])
            let fit = try SpatialMaximumLikelihood.fit(
                try Self.sample(response: response), options: SpatialOptions(model: model, effects: .individual))
            try Self.expectMatches(fit, peer, label: "spreg \(key)")
        }
    }
}
