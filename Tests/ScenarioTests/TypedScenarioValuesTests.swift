@testable import Pipelines
import Foundation
import Testing
@testable import Scenario

/// Recover targets, `data` panels and the plot format are read into types once, when the scenario is
/// decoded (``TruthTarget``, ``PanelSelection``, `PlotFormat`), with the located errors they always had.
@Suite("scenario strings become types at decoding")
struct TypedScenarioValuesTests {
    @Test("TruthTarget reads numbers, truth.NAME and pseudo-true, and refuses nan, inf and hexadecimal")
    func parsing() throws {
        #expect(try TruthTarget.parse("0.50").get() == .value(0.5, written: "0.50"))
        #expect(try TruthTarget.parse("-1e-3").get() == .value(-0.001, written: "-1e-3"))
        #expect(try TruthTarget.parse("truth.delta").get() == .modelTruth("delta"))
        #expect(try TruthTarget.parse("pseudo-true").get() == .pseudoTrue)
        for text in ["nan", "inf", "-inf", "0x10", "NaN"] {
            #expect(TruthTarget.parse(text) == .failure(.notFinite), "\(text)")
        }
        for text in ["delta", "Pseudo-true", " 0", "truth"] {
            #expect(TruthTarget.parse(text) == .failure(.unrecognized), "\(text)")
        }
        for text in ["0.50", "truth.delta", "pseudo-true", "1E5"] {
            #expect((try? TruthTarget.parse(text).get())?.text == text)
        }
        #expect(TruthTarget.modelTruth("x").value { $0 == "x" ? 2 : nil } == 2)
        #expect(TruthTarget.modelTruth("y").value { $0 == "x" ? 2 : nil }?.isNaN == true)
        #expect(TruthTarget.pseudoTrue.value { _ in 1 } == nil)
    }

    static func allocation(_ estimate: String, mediate: String = "", output: String = "") -> String {
        """
        [scenario]
        name = "typed"
        model = "allocation-efficiency"

        [model]
        regions = 2
        years = 2

        [[estimate]]
        name = "emp"
        formula = "log(employment) ~ log(phi0)"
        \(estimate)
        \(mediate)
        [montecarlo]
        replications = 2
        \(output)
        """
    }

    @Test("targets, data and format are typed in the decoded scenario and written back as they were written")
    func decoded() throws {
        let text = Self.allocation(
            "recover = { \"log(phi0)\" = \"0.50\", \"(Intercept)\" = \"truth.sigma_minus_one\" }",
            mediate: "[[mediate]]\nname = \"m\"\ntreatment = \"I\"\nmediator = \"exporter\"\noutcome = \"employment\"\n"
                + "recover = { indirect = \"1E0\" }\n",
            output: "[output]\nformat = \"svg\"")
        let scenario = try ScenarioLoader.parse(text: text, fileName: "typed.toml")
        #expect(scenario.estimations[0].recover.map(\.truth) == [.value(0.5, written: "0.50"), .modelTruth("sigma_minus_one")])
        #expect(scenario.estimations[0].data == .main)
        #expect(scenario.mediations[0].indirectTruth == .value(1, written: "1E0"))
        #expect(scenario.output.format == .svg)
        let resolved = ResolvedScenarioWriter.toml(scenario)
        #expect(resolved.contains("recover = { \"log(phi0)\" = \"0.50\", \"(Intercept)\" = \"truth.sigma_minus_one\" }"))
        #expect(resolved.contains("recover   = { indirect = \"1E0\" }"))
        #expect(resolved.contains("format  = \"svg\""))
        let again = try ScenarioLoader.parse(text: resolved, fileName: "resolved.toml")
        #expect(again.estimations == scenario.estimations && again.mediations == scenario.mediations && again.output == scenario.output)
    }

    @Test("bad targets and panels keep their located errors and messages")
    func errors() throws {
        let mediate = "[[mediate]]\nname = \"m\"\ntreatment = \"I\"\nmediator = \"exporter\"\noutcome = \"employment\"\n"
        let cases: [(text: String, keyPath: String, message: String, fix: String)] = [
            (Self.allocation("recover = { \"log(phi0)\" = \"nan\" }"), "estimate[0].recover.\"log(phi0)\"",
             "'nan' is not a finite number: coverage and bias need a finite truth", "such as \"0\" or \"0.5\""),
            (Self.allocation("recover = { \"log(phi0)\" = \"truth.sigma_minus_on\" }"), "estimate[0].recover.\"log(phi0)\"",
             "'truth.sigma_minus_on' is not a truth of allocation-efficiency", "\"truth.sigma_minus_one\""),
            (Self.allocation("recover = { \"log(phi0)\" = \"sigma\" }"), "estimate[0].recover.\"log(phi0)\"",
             "'sigma' is not a truth of allocation-efficiency", "for the size of a test"),
            (Self.allocation("", mediate: mediate + "recover = { indirect = \"pseudo-true\" }\n"), "mediate[0].recover.indirect",
             "'pseudo-true' is not a truth of allocation-efficiency", "(or a number, e.g. \"0\")"),
            (Self.allocation("", mediate: mediate + "recover = { indirect = \"0x1\" }\n"), "mediate[0].recover.indirect",
             "'0x1' is not a finite number", "such as \"0\", or a truth"),
            (Self.allocation("data = \"products\""), "estimate[0].data",
             "allocation-efficiency has no panel 'products'", "remove data: this model simulates one panel"),
        ]
        for (text, keyPath, message, fix) in cases {
            do {
                _ = try ScenarioLoader.parse(text: text, fileName: "typed.toml")
                Issue.record("accepted: \(message)")
            } catch {
                #expect(error.keyPath == keyPath, "\(error.description)")
                #expect(error.message == message || error.message.hasPrefix(message), "\(error.description)")
                #expect(error.fix.contains(fix), "\(error.description)")
                #expect(error.location != nil, "\(error.description)")
            }
        }
    }

    @Test("data names one of the model's panels, with a suggestion for a misspelt one")
    func panels() throws {
        let named = SpilloverPipelineTests.scenario(extra: "")
            .replacingOccurrences(of: "[[estimate]]", with: """
                [[estimate]]
                name = "products"
                formula = "lnexp ~ dlnaffiliate"
                data = "products"

                [[estimate]]
                """)
        let scenario = try ScenarioLoader.parse(text: named, fileName: "panels.toml")
        #expect(scenario.estimations.map(\.data) == [.named("products"), .main])
        let misspelt = named.replacingOccurrences(of: "data = \"products\"", with: "data = \"product\"")
        let error = try #require(throws: ScenarioError.self) { try ScenarioLoader.parse(text: misspelt, fileName: "panels.toml") }
        #expect(error.keyPath == "estimate[0].data")
        #expect(error.message == "information-spillover has no panel 'product'")
        #expect(error.fix.contains("\"products\""), "\(error.fix)")
    }
}
