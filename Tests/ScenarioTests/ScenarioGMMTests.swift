@testable import Pipelines
import Estimation
import Foundation
import MonteCarlo
import PanelData
import Testing
import TestSupport
@testable import Scenario

/// `[[estimate]] method = "gmm"`: keys decoded and written back, located errors, and the block's estimates and
/// statistics equal to `DynamicPanelGMM` on the same panel.
@Suite("scenario [[estimate]] method = \"gmm\"")
struct ScenarioGMMTests {
    static func scenario(_ lines: String) throws -> Scenario {
        try PanelOptionsTests.scenario(lines)
    }

    @Test func decodedAndWrittenBack() throws {
        let scenario = try Self.scenario("""
            method = "gmm"
            formula = "log(employment) ~ l(log(employment), 1) + m | l(log(employment), 2:4)"
            panel = ["firm", "year"]
            transformation = "system"
            steps = "one"
            effect = "individual"
            collapse = true
            recover = { "l(log(employment), 1)" = "0.5" }
            """)
        let request = try #require(scenario.estimations.first)
        #expect(request.method == .gmm)
        #expect(request.gmm.transformation == .system && !request.gmm.twoSteps && request.gmm.effect == .individual && request.gmm.collapse)
        let reread = try ScenarioLoader.parse(text: ResolvedScenarioWriter.toml(scenario), fileName: "scenario.toml")
        #expect(reread.estimations == scenario.estimations)
        #expect(try EstimatorBlockKinds.block(for: request, noiselessOutcomes: [:]) is PreparedGMM)
    }

    @Test func convergenceKeys() throws {
        let scenario = try Self.scenario("""
            method = "gmm"
            formula = "d(log(employment)) ~ l(log(employment), 1) | l(log(employment), 2:4)"
            panel = ["firm", "year"]
            convergence = { coefficient = "l(log(employment), 1)" }
            recover = { speed = "0.1", "half-life" = "7" }
            """)
        #expect(scenario.estimations.first?.convergence?.coefficient == "l(log(employment), 1)")
        let wrong = try PanelOptionsTests.error("""
            method = "gmm"
            formula = "d(employment) ~ l(employment, 1) | l(employment, 2:4)"
            panel = ["firm", "year"]
            convergence = { coefficient = "l(employment, 2)" }
            """)
        #expect(wrong.keyPath == "estimate[0].convergence")
    }

    @Test func locatedErrors() throws {
        let gmm = "method = \"gmm\"\npanel = [\"firm\", \"year\"]\n"
        let noInstruments = try PanelOptionsTests.error(gmm + "formula = \"log(employment) ~ l(log(employment), 1)\"")
        #expect(noInstruments.keyPath == "estimate[0].formula")
        #expect(noInstruments.message.contains("needs GMM instruments"))
        let noPanel = try PanelOptionsTests.error("method = \"gmm\"\nformula = \"employment ~ l(employment) | l(employment, 2:9)\"")
        #expect(noPanel.keyPath == "estimate[0].method")
        let badColumn = try PanelOptionsTests.error(gmm + "formula = \"employmnt ~ l(employmnt) | l(employmnt, 2:9)\"")
        #expect(badColumn.fix.contains("employment"))
        let badStep = try PanelOptionsTests.error(gmm + "formula = \"employment ~ l(employment) | l(employment, 2:9)\"\nsteps = \"three\"")
        #expect(badStep.keyPath == "estimate[0].steps")
        let vcov = try PanelOptionsTests.error(gmm + "formula = \"employment ~ l(employment) | l(employment, 2:9)\"\nvcov = \"hetero\"")
        #expect(vcov.keyPath == "estimate[0].vcov")
        let wrongMethod = try PanelOptionsTests.error("formula = \"employment ~ m\"\ncollapse = true")
        #expect(wrongMethod.keyPath == "estimate[0].collapse")
        let notRegressor = try PanelOptionsTests.error(gmm + "formula = \"employment ~ l(employment) | l(employment, 2:9)\"\nrecover = { m = \"0\" }")
        #expect(notRegressor.keyPath == "estimate[0].recover.m")
    }

    @Test func blockEqualsTheEstimator() throws {
        let data = try CSVReader.read(path: Repository.path("Tests/Fixtures/plm/data/empluk.csv"))
        var options = DynamicPanelOptions()
        options.transformation = .system
        let formula = "log(emp) ~ l(log(emp), 1) + log(wage) | l(log(emp), 2:99)"
        let request = EstimationRequest(name: "ab", method: .gmm, formula: formula,
                                        recover: [.init(coefficient: "l(log(emp), 1)", truth: .value(0.9, written: "0.9"))],
                                        panel: PanelDeclaration(unit: "firm", time: "year"), gmm: options)
        let outcome = try PreparedGMM(request).run(on: data, replication: 0, truth: { _ in nil }, keepFits: false)
        let direct = try DynamicPanelGMM.estimate(DynamicPanelFormula.parse(formula), data: data,
                                                  panel: PanelDeclaration(unit: "firm", time: "year"), options: options)
        let estimate = try #require(outcome.estimates.first)
        #expect(estimate.parameter == "ab: l(log(emp), 1)")
        #expect(estimate.estimate == direct.coefficients[0] && estimate.standardError == direct.standardErrors[0] && estimate.truth == 0.9)
        #expect(outcome.statistics.map(\.statistic) == ["AR(1) p-value", "AR(2) p-value", "Hansen p-value", "instruments"])
        #expect(outcome.statistics[3].value == Double(direct.instrumentCount))
    }
}
