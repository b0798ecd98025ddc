import Estimation
import Foundation
import MonteCarlo
import PanelData
import Scenario
import Testing

/// `[[estimate]]` blocks with `method = "granger"`: the Dumitrescu–Hurlin test of `hetfirm granger` on every
/// simulated panel, its Z statistics in the recovery report, the resolved scenario, and located errors.
@Suite("scenario [[estimate]] method = \"granger\"", .serialized)
struct ScenarioGrangerTests {
    static func scenario(_ block: String, replications: Int = 6) -> String {
        """
        [scenario]
        name = "granger"
        model = "allocation-efficiency"
        seed = 5

        [model]
        regions = 2
        years = 12
        firms_per_region = 400

        [[estimate]]
        \(block)

        [montecarlo]
        replications = \(replications)
        recover = []

        [output]
        panel = true
        """
    }

    /// Lines 12–16 of the scenario.
    static let block = """
        name = "emp"
        method = "granger"
        formula = "employment ~ I"
        panel = ["firm", "year"]
        lags = 1
        """

    @Test("each panel's Z-bar is the test on that panel; serial = parallel; the resolved scenario reads back")
    func sameAsCommand() throws {
        let serial = try AllocationEfficiencyPipelineTests.run(Self.scenario(Self.block), threads: 1)
        let parallel = try AllocationEfficiencyPipelineTests.run(Self.scenario(Self.block), threads: 2)
        defer {
            try? FileManager.default.removeItem(atPath: serial.directory)
            try? FileManager.default.removeItem(atPath: parallel.directory)
        }
        let report = try #require(serial.summary.recovery)
        // Units of fewer than 2K + 6 years keep Z-tilde out, so Z-bar is the only row.
        #expect(report.rows.map(\.parameter) == ["emp: Z-bar"])
        let row = try #require(report.rows.first)
        #expect(row.replications == 6 && row.truth == 0 && row.meanStandardError == 1)
        // Lagged I predicts employment (it moves with I_t, a trend of I_{t−1}): the test rejects every time.
        #expect(row.power == 1 && row.size == 1)
        let panel = try CSVReader.read(path: serial.directory + "/panel.csv")
        let direct = try DumitrescuHurlin.test(panel, unit: "firm", time: "year", effect: "employment", cause: "I",
                                               options: GrangerOptions(lags: 1))
        let lines = try AllocationEfficiencyPipelineTests.read(serial.directory, "replications.csv").split(separator: "\n")
        let first = try #require(lines.first { $0.hasPrefix("0,") }).split(separator: ",")
        let estimate = try #require(Double(first[3]))
        #expect(abs(estimate - direct.zBar) <= 1e-9 * abs(direct.zBar))
        let statistics = try AllocationEfficiencyPipelineTests.read(serial.directory, "statistics.csv")
        #expect(statistics.contains("0,emp,W-bar,") && statistics.contains("0,emp,units dropped,\(direct.droppedUnits.count)"))
        #expect(try AllocationEfficiencyPipelineTests.read(serial.directory, "replications.csv")
            == AllocationEfficiencyPipelineTests.read(parallel.directory, "replications.csv"))
        let resolved = try AllocationEfficiencyPipelineTests.read(serial.directory, "scenario.toml")
        #expect(resolved.contains("method  = \"granger\"") && resolved.contains("lags    = 1"))
        let again = try ScenarioLoader.parse(text: resolved, fileName: "scenario.toml")
        #expect(again.estimations == (try ScenarioLoader.parse(text: Self.scenario(Self.block), fileName: "g.toml")).estimations)
        // Lag selection round-trips too.
        let selection = Self.block.replacingOccurrences(of: "lags = 1", with: "lag_selection = \"bic\"\nmax_lags = 2")
        let selected = try ScenarioLoader.parse(text: Self.scenario(selection), fileName: "g.toml")
        #expect(selected.estimations.first?.grangerLags == GrangerOptions(lags: 1, lagSelection: .informationCriterion(.bic, maximumLags: 2)))
    }

    @Test("mistakes in a granger block are errors at their key's line and column before anything runs")
    func locatedErrors() throws {
        let cases: [(old: String, new: String, keyPath: String, message: String, line: Int, column: Int)] = [
            ("lags = 1", "lags = 0", "estimate[0].lags", "lags = 0 is below 1", 16, 1),
            ("lags = 1", "lags = \"two\"", "estimate[0].lags", "must be an integer", 16, 1),
            ("lags = 1", "lag_selection = \"hq\"\nmax_lags = 3", "estimate[0].lag_selection", "unknown lag selection 'hq'", 16, 1),
            ("lags = 1", "lag_selection = \"aic\"", "estimate[0]", "needs max_lags", 11, 1),
            ("lags = 1", "max_lags = 3", "estimate[0].max_lags", "max_lags goes with lag_selection", 16, 1),
            ("lags = 1", "lags = 1\nlag_selection = \"aic\"\nmax_lags = 2", "estimate[0].lag_selection", "both given", 17, 1),
            ("lags = 1", "", "estimate[0]", "needs its lag order", 11, 1),
            ("method = \"granger\"", "method = \"ols\"", "estimate[0].lags", "applies to method = \"granger\" only", 16, 1),
            ("formula = \"employment ~ I\"", "formula = \"employment ~ I + m\"", "estimate[0].formula", "has 2 regressors", 14, 1),
            ("formula = \"employment ~ I\"", "formula = \"log(employment) ~ I\"", "estimate[0].formula", "both columns", 14, 1),
            ("formula = \"employment ~ I\"", "formula = \"employment ~ I | firm\"", "estimate[0].formula", "fixed effects", 14, 1),
            ("formula = \"employment ~ I\"", "formula = \"employmnt ~ I\"", "estimate[0].formula", "did you mean 'employment'?", 14, 1),
            ("panel = [\"firm\", \"year\"]", "panel = [\"firm\", \"yr\"]", "estimate[0].panel", "'yr' is not a column", 15, 1),
            ("panel = [\"firm\", \"year\"]", "", "estimate[0]", "needs the panel's unit and time columns", 11, 1),
            ("panel = [\"firm\", \"year\"]", "panel = [\"firm\", \"year\"]\nvcov = \"hetero\"", "estimate[0].vcov",
             "does not apply to method = \"granger\"", 16, 1),
            ("panel = [\"firm\", \"year\"]", "panel = [\"firm\", \"year\"]\nsplit = \"region\"", "estimate[0].split",
             "does not apply", 16, 1),
        ]
        for entry in cases {
            let text = Self.scenario(Self.block.replacingOccurrences(of: entry.old, with: entry.new))
            do {
                _ = try ScenarioLoader.parse(text: text, fileName: "granger.toml")
                Issue.record("accepted: \(entry.new)")
            } catch {
                #expect(error.keyPath == entry.keyPath, "\(entry.new): \(error.description)")
                #expect(error.description.contains(entry.message), "\(entry.new): \(error.description)")
                #expect(error.location?.line == entry.line, "\(entry.new): \(error.description)")
                #expect(error.location?.column == entry.column, "\(entry.new): \(error.description)")
            }
        }
    }
}
