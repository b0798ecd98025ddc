import Estimation
import Foundation
import MonteCarlo
import PanelData
@testable import Pipelines
import Scenario
import Testing

/// `[[mediate]]` blocks: the stepwise mediation of `hetfirm mediate` on every simulated panel, its indirect effect
/// (Sobel SE) in the recovery report, and located errors for bad keys.
@Suite("scenario [[mediate]] blocks", .serialized)
struct ScenarioMediationTests {
    static func scenario(_ block: String, replications: Int = 5) -> String {
        """
        [scenario]
        name = "mediation"
        model = "allocation-efficiency"
        seed = 11

        [model]
        regions = 4
        years = 3
        firms_per_region = 800

        [[mediate]]
        \(block)

        [montecarlo]
        replications = \(replications)
        recover = []

        [output]
        panel = true
        """
    }

    static let block = """
        name = "mech"
        treatment = "I"
        mediator = "exporter"
        outcome = "employment"
        controls = ["m"]
        fe = ["year"]
        vcov = "hetero"
        recover = { indirect = "0" }
        """

    @Test("each panel's indirect effect and Sobel SE equal MediationAnalysis on that panel")
    func sameAsMediate() throws {
        let result = try AllocationEfficiencyPipelineTests.run(Self.scenario(Self.block), threads: 2)
        defer { try? FileManager.default.removeItem(atPath: result.directory) }
        let report = try #require(result.summary.recovery)
        #expect(report.rows.map(\.parameter) == ["mech: indirect"])
        let row = try #require(report.rows.first)
        #expect(row.replications == 5 && row.truth == 0)
        // Replication 0's panel is panel.csv; the scenario's estimate is the mediate analysis on it.
        let panel = try CSVReader.read(path: result.directory + "/panel.csv")
        var options = MediationOptions(estimation: EstimationOptions(vcov: .heteroskedastic))
        options.bootstrapReplications = 0
        let direct = try MediationAnalysis.run(treatment: "I", mediator: "exporter", outcome: "employment",
                                               controls: ["m"], fixedEffects: ["year"], data: panel, options: options)
        let lines = try AllocationEfficiencyPipelineTests.read(result.directory, "replications.csv").split(separator: "\n")
        let first = try #require(lines.first { $0.hasPrefix("0,") }).split(separator: ",")
        let estimate = try #require(Double(first[3])), error = try #require(Double(first[4]))
        #expect(abs(estimate - direct.indirectEffect) <= 1e-9 * max(abs(direct.indirectEffect), 1e-12))
        #expect(abs(error - direct.sobel.standardError) <= 1e-9 * direct.sobel.standardError)
        let resolved = try AllocationEfficiencyPipelineTests.read(result.directory, "scenario.toml")
        #expect(resolved.contains("[[mediate]]") && resolved.contains("mediator  = [\"exporter\"]"))
        // The resolved scenario reads back as the same block.
        let again = try ScenarioLoader.parse(text: resolved, fileName: "scenario.toml")
        #expect(again.mediations == (try ScenarioLoader.parse(text: Self.scenario(Self.block), fileName: "m.toml")).mediations)
    }

    @Test("several mediators, a bootstrap, identical results whatever the thread count")
    func severalMediators() throws {
        let block = Self.block.replacingOccurrences(of: "mediator = \"exporter\"", with: "mediator = [\"exporter\", \"phi0\"]\nbootstrap = 19")
        let serial = try AllocationEfficiencyPipelineTests.run(Self.scenario(block, replications: 4), threads: 1)
        let parallel = try AllocationEfficiencyPipelineTests.run(Self.scenario(block, replications: 4), threads: 2)
        defer {
            try? FileManager.default.removeItem(atPath: serial.directory)
            try? FileManager.default.removeItem(atPath: parallel.directory)
        }
        #expect(try #require(serial.summary.recovery).rows.map(\.parameter) == ["mech: indirect(exporter)", "mech: indirect(phi0)"])
        #expect(try AllocationEfficiencyPipelineTests.read(serial.directory, "replications.csv") == AllocationEfficiencyPipelineTests.read(parallel.directory, "replications.csv"))
    }

    @Test("mistakes in [[mediate]] are located errors before anything runs")
    func locatedErrors() throws {
        // The block starts on line 11 ([[mediate]]); its keys on lines 12–19.
        let cases: [(String, String, String, String, Int)] = [
            ("mediator = \"exporter\"", "mediatr = \"exporter\"", "mediate[0].mediatr", "did you mean 'mediator'?", 14),
            ("mediator = \"exporter\"", "mediator = \"I\"", "mediate[0].mediator", "is also the treatment", 14),
            ("mediator = \"exporter\"", "mediator = \"exportr\"", "mediate[0].mediator", "did you mean 'exporter'?", 14),
            ("mediator = \"exporter\"", "mediator = []", "mediate[0].mediator", "non-empty array of names", 14),
            ("controls = [\"m\"]", "controls = [\"log(mm)\"]", "mediate[0].controls", "not a column", 16),
            ("controls = [\"m\"]", "controls = [\"m +\"]", "mediate[0].controls", "does not parse", 16),
            ("fe = [\"year\"]", "fe = [\"yaer\"]", "mediate[0].fe", "did you mean 'year'?", 17),
            ("recover = { indirect = \"0\" }", "recover = { indirect = \"truth.sgima\" }", "mediate[0].recover.indirect",
             "not a truth", 19),
            ("recover = { indirect = \"0\" }", "recover = { indirekt = \"0\" }", "mediate[0].recover.indirekt", "unknown key", 19),
            ("vcov = \"hetero\"", "bootstrap = -1", "mediate[0].bootstrap", "outside 0…100000", 18),
            ("name = \"mech\"", "", "mediate[0]", "missing key 'name'", 11),
        ]
        Self.expectLocatedErrors(cases, in: Self.block)
    }

    static let fmolsBlock = """
        name = "table2"
        treatment = "I"
        mediator = "exporter"
        outcome = "employment"
        estimator = "fmols"
        panel = ["firm", "year"]
        kernel = "parzen"
        bandwidth = 3
        recover = { indirect = "0" }
        """

    @Test("estimator = \"fmols\" decodes to FMOLS steps on a panel, survives the resolved scenario, and runs FMOLSMediation")
    func fmolsSteps() throws {
        let scenario = try ScenarioLoader.parse(text: Self.scenario(Self.fmolsBlock), fileName: "mediate.toml")
        let request = try #require(scenario.mediations.first)
        #expect(request.fmols == FMOLSSettings(variant: .groupMean, kernel: .parzen, bandwidth: .fixed(3)))
        #expect(request.panel == PanelDeclaration(unit: "firm", time: "year"))
        let again = try ScenarioLoader.parse(text: ResolvedScenarioWriter.toml(scenario), fileName: "again.toml")
        #expect(again.mediations == scenario.mediations)
        // Without the key the steps are OLS, as before.
        #expect(try ScenarioLoader.parse(text: Self.scenario(Self.block), fileName: "mediate.toml").mediations.first?.fmols == nil)

        // The block's estimate on a cointegrated panel is FMOLSMediation's indirect effect with its Sobel SE.
        var rows: [(String, Int, Double, Double, Double)] = []
        var state: UInt64 = 99
        func draw() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53) - 0.5
        }
        for unit in 0..<8 {
            var x = Double(unit)
            for year in 0..<15 {
                x += draw()
                let m = 0.8 * x + draw()
                rows.append(("f\(unit)", year, x, m, 1.5 * x + 0.7 * m + draw()))
            }
        }
        let data = try Dataset(columns: [.factor("firm", labels: rows.map(\.0)), .int("year", rows.map(\.1)),
                                         .double("I", rows.map(\.2)), .double("exporter", rows.map(\.3)),
                                         .double("employment", rows.map(\.4))])
        let block = PreparedMediation(request, seed: 1)
        let estimates = try block.estimates(on: data, replication: 0, truth: { _ in nil })
        var options = MediationOptions()
        options.bootstrapReplications = 0
        let direct = try FMOLSMediation.run(treatment: "I", mediator: "exporter", outcome: "employment", data: data,
                                            panel: PanelDeclaration(unit: "firm", time: "year"),
                                            fmols: FMOLSOptions(kernel: .parzen, bandwidth: .fixed(3)), options: options)
        #expect(estimates.map(\.parameter) == ["table2: indirect"])
        #expect(estimates.first?.estimate == direct.indirectEffect)
        #expect(estimates.first?.standardError == direct.sobel.standardError)
    }

    /// Each case (old, new, key path, message, line) replaces `old` by `new` in `block` and expects the scenario to be refused at `keyPath`,
    /// on `line`, with a message containing `message`.
    static func expectLocatedErrors(_ cases: [(String, String, String, String, Int)],
                                    in block: String) {
        for (old, new, keyPath, message, line) in cases {
            let text = scenario(block.replacingOccurrences(of: old, with: new))
            do {
                _ = try ScenarioLoader.parse(text: text, fileName: "mediate.toml")
                Issue.record("accepted: \(new)")
            } catch {
                #expect(error.keyPath == keyPath, "\(new): \(error.description)")
                #expect(error.description.contains(message), "\(new): \(error.description)")
                #expect(error.location?.line == line, "\(new): \(error.description)")
            }
        }
    }

    @Test("FMOLS mediation keys are located errors where they do not apply")
    func fmolsErrors() throws {
        // The block starts on line 11 ([[mediate]]); its keys on lines 12–20.
        let cases: [(String, String, String, String, Int)] = [
            ("panel = [\"firm\", \"year\"]", "", "mediate[0]", "needs the panel's unit and time columns", 11),
            ("panel = [\"firm\", \"year\"]", "panel = [\"frim\", \"year\"]", "mediate[0].panel", "did you mean 'firm'?", 17),
            ("estimator = \"fmols\"", "estimator = \"fmol\"", "mediate[0].estimator", "did you mean \"fmols\"?", 16),
            ("estimator = \"fmols\"", "estimator = \"ols\"", "mediate[0].panel", "applies to estimator = \"fmols\" only", 17),
            ("kernel = \"parzen\"", "kernel = \"parzen\"\nfe = [\"year\"]", "mediate[0].fe", "does not apply to estimator", 19),
            ("kernel = \"parzen\"", "kernel = \"parzen\"\nbootstrap = 99", "mediate[0].bootstrap", "does not apply to estimator", 19),
            ("kernel = \"parzen\"", "kernel = \"parzn\"", "mediate[0].kernel", "unknown kernel", 18),
        ]
        Self.expectLocatedErrors(cases, in: Self.fmolsBlock)
    }
}
