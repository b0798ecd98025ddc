@testable import Pipelines
import Testing
@testable import Scenario

/// `[[estimate]] method`: which estimator a block runs, turned into an enum once at decoding.
@Suite("scenario [[estimate]] method")
struct EstimationMethodTests {
    static func scenario(_ lines: String) throws -> Scenario {
        try ScenarioLoader.parse(text: """
            [scenario]
            name = "method"
            model = "allocation-efficiency"
            [model]
            regions = 4
            years = 3
            [[estimate]]
            name = "emp"
            \(lines)
            """, fileName: "method.toml")
    }

    @Test("method defaults to ols; ols and iv decode to their cases and are written to the resolved scenario")
    func decoding() throws {
        let plain = try Self.scenario("formula = \"log(employment) ~ log(phi0) | region^year\"")
        #expect(plain.estimations.first?.method == .ols)
        #expect(ResolvedScenarioWriter.toml(plain).contains("method  = \"ols\""))
        let iv = try Self.scenario("method = \"iv\"\nformula = \"log(employment) ~ 1 | region^year | log(phi0) ~ m\"")
        #expect(iv.estimations.first?.method == .iv)
        #expect(try EstimatorBlockKinds.block(for: #require(iv.estimations.first), noiselessOutcomes: [:]) is PreparedEstimation)
    }

    @Test("an unknown or planned method and iv without instruments are located errors at the method key")
    func errors() throws {
        let planned = try #require(throws: ScenarioError.self) {
            try Self.scenario("method = \"ppml\"\nformula = \"log(employment) ~ log(phi0)\"")
        }
        #expect(planned.keyPath == "estimate[0].method")
        #expect(planned.fix.contains("planned but not implemented"))
        let typo = try #require(throws: ScenarioError.self) {
            try Self.scenario("method = \"osl\"\nformula = \"log(employment) ~ log(phi0)\"")
        }
        #expect(typo.keyPath == "estimate[0].method")
        #expect(typo.fix.contains("\"ols\""))
        let noInstruments = try #require(throws: ScenarioError.self) {
            try Self.scenario("method = \"iv\"\nformula = \"log(employment) ~ log(phi0) | region^year\"")
        }
        #expect(noInstruments.keyPath == "estimate[0].method")
        #expect(noInstruments.message.contains("needs instruments"))
    }
}
