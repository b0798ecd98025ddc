import Foundation
import Models
import Testing

/// Extreme but valid parameters that make a simulated quantity leave the range of a double give an error in
/// the user's terms naming the scenario keys, not an internal check of a later stage (issue 10, §5).
@Suite("simulated values out of range")
struct SimulationRangeTests {
    static func spilloverError(_ overrides: [String: ParameterValue]) throws -> ModelError? {
        var values: [String: ParameterValue] = ["firms": .integer(40), "cities": .integer(20), "provinces": .integer(4),
                                                "destinations": .integer(6), "years": .integer(4)]
        values.merge(overrides) { _, new in new }
        let model = InformationSpilloverModel(parameters: try InformationSpilloverParameters.defaults(values))
        do { _ = try model.simulate(seed: 1, replication: 0) } catch let error as ModelError { return error }
        return nil
    }

    @Test("exports that overflow (drift = 300) or underflow name the keys of ln r", arguments: [
        ["drift": ParameterValue.real(300)], ["demand_log_mean": .real(800)], ["sales_noise": .real(1e300)],
    ])
    func spilloverExports(_ overrides: [String: ParameterValue]) throws {
        let error = try #require(try Self.spilloverError(overrides))
        guard case .simulationOutOfRange(let reason, let keys) = error else { Issue.record("\(error)"); return }
        #expect(reason.contains("simulated exports of plant"), "\(reason)")
        #expect(keys.contains(try #require(overrides.keys.first)))
        #expect(!error.description.contains("ExporterFlows"))
        #expect(error.description.contains("use less extreme values of demand_log_mean"))
    }

    @Test("a source-exporter count that is not a number or too large names the density keys")
    func sourceExporters() throws {
        let error = try #require(try Self.spilloverError(["density_log_mean": .real(700)]))
        guard case .simulationOutOfRange(let reason, let keys) = error else { Issue.record("\(error)"); return }
        #expect(reason.contains("source exporters") && keys.contains("density_log_mean"))
        #expect(!error.description.contains("no equilibrium"))
    }

    @Test("a patent intensity that is ∞ − ∞ (ports_growth = 1e300) names the first-stage keys, not a Poisson mean")
    func patentIntensity() throws {
        let model = try QualityLadderFixtures.model(["firms": .integer(60), "years": .integer(3), "ports_growth": .real(1e300)])
        let equilibrium = try model.solve(method: .closedForm)
        do {
            _ = try QualityLadderSimulator.simulate(equilibrium, masterSeed: 1, replication: 0)
            Issue.record("the simulation should fail")
        } catch let error as ModelError {
            guard case .simulationOutOfRange(let reason, let keys) = error else { Issue.record("\(error)"); return }
            #expect(reason.contains("log patent intensity"))
            #expect(keys.contains("ports_growth") && !keys.contains("patent_intercept"), "\(keys)")
            #expect(!error.description.contains("poisson"))
        }
    }
}
