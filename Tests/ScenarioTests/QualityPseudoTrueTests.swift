import Estimation
import Foundation
import MonteCarlo
import PanelData
import Scenario
import Testing
import TestSupport

/// Pseudo-true targets of the quality-ladder model and the scenario blocks of paper 004's Tables 8–11.
@Suite("quality-ladder pseudo-true targets and mechanism blocks", .serialized)
struct QualityPseudoTrueTests {
    static let scenario = """
        [scenario]
        name = "quality-pseudo-true"
        model = "quality-ladder"
        seed = 5

        [model]
        firms = 80
        years = 3
        appeal_sd = 0.3
        appeal_in_patents = 1.0

        [[estimate]]
        name = "pt"
        formula = "distance ~ eco + size | firm + year"
        vcov = { cluster = ["firm"] }
        recover = { eco = "pseudo-true" }

        [[estimate]]
        name = "variety"
        formula = "variety_distance ~ eco | firm + year"
        vcov = { cluster = ["firm"] }
        recover = { eco = "pseudo-true" }

        [montecarlo]
        replications = 1

        [output]
        gnuplot = false
        panel = true
        """

    /// The truth of the first recovery row named `parameter` in replications.csv.
    static func truth(_ csv: String, _ parameter: String) throws -> Double {
        let lines = csv.split(separator: "\n").map(String.init)
        let header = lines[0].split(separator: ",").map(String.init)
        let truthColumn = try #require(header.firstIndex(of: "truth"))
        let line = try #require(lines.first { $0.contains(parameter) })
        // The parameter may contain no comma; the columns after it are plain numbers.
        let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        return try #require(Double(fields[truthColumn]))
    }

    @Test("a pseudo-true row's truth is the same regression on the noise-free column of the written panel")
    func pseudoTrueIsTheRegressionOnTheNoiselessColumn() throws {
        let parsed = try ScenarioLoader.parse(text: Self.scenario, fileName: "quality-pseudo-true.toml")
        let directory = TemporaryDirectory.path()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        _ = try ScenarioRunner.run(parsed, overrides: RunOverrides(outputDirectory: directory, threads: 1))
        let replications = try AllocationEfficiencyPipelineTests.read(directory, "replications.csv")
        let panel = try CSVReader.read(path: directory + "/panel.csv")
        for (parameter, formula) in [("pt: eco", "distance_noiseless ~ eco + size | firm + year"),
                                     ("variety: eco", "true_variety_distance ~ eco | firm + year")] {
            let direct = try FixedEffectsOLS.fit(try FormulaParser.parse(formula), data: panel,
                                                 options: EstimationOptions(vcov: .cluster(["firm"])))
            let coefficient = try #require(direct.coefficient("eco"))
            let truth = try Self.truth(replications, parameter)
            #expect(abs(truth - coefficient) <= 1e-8 * max(1, abs(coefficient)), "\(parameter): \(truth) vs \(coefficient)")
        }
        let summary = try AllocationEfficiencyPipelineTests.read(directory, "summary.md")
        #expect(summary.contains("pseudo-true"))
    }

    @Test("scenarios/quality-recovery.toml (Tables 8–11 blocks, pseudo-true twins) and the paper-scale scenario validate")
    func shippedScenariosValidate() throws {
        let root = Repository.root
        for name in ["quality-recovery", "quality-recovery-linear", "quality-paper-scale"] {
            let scenario = try ScenarioLoader.load(path: root.appendingPathComponent("scenarios/\(name).toml").path)
            #expect(scenario.model.key == "quality-ladder")
        }
        let recovery = try ScenarioLoader.load(path: root.appendingPathComponent("scenarios/quality-recovery.toml").path)
        let names = recovery.estimations.map(\.name)
        for name in ["table8_tfp", "table8_dist_tfp_cn", "table8_dist_tfp_us", "table9_knowledge", "table9_dist_knowledge",
                     "table9_variety", "table9_dist_variety", "table10_ownership", "table10_labour_intensive",
                     "table11_trade_type", "table11_dest_group", "baseline_pt"] {
            #expect(names.contains(name), "\(name)")
        }
    }
}
