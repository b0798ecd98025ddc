import Foundation
import Testing
import TestSupport
@testable import Spatial

/// SAR, SEM, SAC, SDM and SDEM on Anselin's Columbus data against R spatialreg
/// (`Tests/Fixtures/spatialreg/columbus.json`, written by validation/spatialreg_columbus.R) and the
/// analytic information-matrix covariance of an independent numpy implementation
/// (`columbus_numpy.json`, validation/spatial_information_matrix.py).
@Suite("Spatial ML on Columbus against spatialreg")
struct ColumbusOracleTests {
    static func sample() throws -> (SpatialSample, OracleFixture) {
        let fixture = try OracleFixture(oracle: "spatialreg", name: "columbus")
        let data: [String: Any] = try fixture.value("data")
        let ids = try #require(data["POLYID"] as? [Int]).map(String.init)
        let column = { (name: String) throws -> [Double] in try #require(data[name] as? [NSNumber]).map(\.doubleValue) }
        let weightsObject: [String: Any] = try fixture.value("weights")
        let edges = try #require(weightsObject["edges"] as? [[Int]])
        let position = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
        let triplets = try edges.map { edge in
            (row: try #require(position[String(edge[0])]), column: try #require(position[String(edge[1])]), weight: 1.0)
        }
        let weights = try SpatialWeights(unitIdentifiers: ids, triplets: triplets).rowStandardized()
        let crime = try column("CRIME")
        let sample = try SpatialSample(
            responseName: "CRIME", response: crime, regressorNames: ["(Intercept)", "INC", "HOVAL"],
            regressors: [crime.map { _ in 1 }, try column("INC"), try column("HOVAL")], weights: weights, periodCount: 1)
        return (sample, fixture)
    }

    static func relative(_ value: Double, _ reference: Double) -> Double {
        abs(value - reference) / Swift.max(abs(reference), 1e-300)
    }

    @Test("coefficients, ρ, λ, σ², log-likelihood and AIC match spatialreg", arguments: SpatialModelKind.allCases)
    func estimates(model: SpatialModelKind) throws {
        let (sample, fixture) = try Self.sample()
        let models: [String: Any] = try fixture.value("models")
        let reference = try #require(models[model.rawValue] as? [String: Any])
        let fit = try SpatialMaximumLikelihood.fit(sample, options: SpatialOptions(model: model))
        let coefficients = try #require(reference["coefficients"] as? [String: Double])
        for (name, value) in coefficients {
            let ours = try #require(fit.coefficient(named: name.replacingOccurrences(of: "lag.", with: "W*")), "\(name)")
            #expect(Self.relative(ours.estimate, value) < 1e-6, "\(model) \(name): \(ours.estimate) vs \(value)")
        }
        if model.hasLag {
            let rho = try #require(reference["rho"] as? Double)
            #expect(Self.relative(fit.rho, rho) < 1e-6, "\(model) rho \(fit.rho) vs \(rho)")
        }
        if model.hasErrorProcess {
            let lambda = try #require(reference["lambda"] as? Double)
            #expect(Self.relative(fit.lambda, lambda) < 1e-6, "\(model) lambda \(fit.lambda) vs \(lambda)")
        }
        #expect(Self.relative(fit.sigma2, try #require(reference["sigma2"] as? Double)) < 1e-6)
        #expect(Self.relative(fit.logLikelihood, try #require(reference["log_likelihood"] as? Double)) < 1e-9)
        #expect(Self.relative(fit.aic, try #require(reference["aic"] as? Double)) < 1e-9)
        #expect(fit.converged, "\(fit.warnings)")
    }

    @Test("standard errors match spatialreg's analytic asymptotic covariance", arguments: SpatialModelKind.allCases)
    func standardErrors(model: SpatialModelKind) throws {
        let (sample, fixture) = try Self.sample()
        let models: [String: Any] = try fixture.value("models")
        let reference = try #require(models[model.rawValue] as? [String: Any])
        let fit = try SpatialMaximumLikelihood.fit(sample, options: SpatialOptions(model: model))
        let errors = try #require(reference["standard_errors"] as? [String: Double])
        for (name, value) in errors {
            let ours = try #require(fit.coefficient(named: name.replacingOccurrences(of: "lag.", with: "W*")))
            #expect(Self.relative(ours.standardError, value) < 1e-4, "\(model) \(name): SE \(ours.standardError) vs \(value)")
        }
        for parameter in ["rho", "lambda"] {
            guard let value = reference["\(parameter)_se"] as? Double else { continue }
            let ours = try #require(fit.coefficient(named: parameter))
            #expect(Self.relative(ours.standardError, value) < 1e-4, "\(model) \(parameter): SE \(ours.standardError) vs \(value)")
        }
    }
}
