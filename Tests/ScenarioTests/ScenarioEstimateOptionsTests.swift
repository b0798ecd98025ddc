@testable import Pipelines
import Estimation
import Foundation
import MonteCarlo
import PanelData
import Scenario
import Testing

/// `[[estimate]]` keys `sample` and `standardize`, and IV formulas, run on simulated panels; each result is
/// checked against the estimator run directly on the written replication-0 panel.
@Suite("scenario [[estimate]]: sample, standardize and IV", .serialized)
struct ScenarioEstimateOptionsTests {
    static func scenario(formula: String, recover: String, extra: String = "") -> String {
        """
        [scenario]
        name = "estimate-options"
        model = "allocation-efficiency"
        seed = 11

        [model]
        regions = 4
        years = 3
        firms_per_region = 800

        [[estimate]]
        name = "emp"
        formula = "\(formula)"
        vcov = "hetero"
        recover = \(recover)
        \(extra)

        [montecarlo]
        replications = 1
        recover = []

        [output]
        panel = true
        """
    }

    /// Runs `text` and returns replication 0's estimate and the written panel.
    static func runOnce(_ text: String) throws -> (row: RecoveryRow, panel: Dataset) {
        let result = try AllocationEfficiencyPipelineTests.run(text, threads: 1)
        defer { try? FileManager.default.removeItem(atPath: result.directory) }
        let row = try #require(result.summary.recovery?.rows.first)
        let panel = try CSVReader.read(path: result.directory + "/panel.csv")
        return (row, panel)
    }

    @Test("sample = \"…\" estimates on the rows that pass the filter")
    func sampleFilter() throws {
        let formula = "log(employment) ~ log(phi0) + m | region^year"
        let (row, panel) = try Self.runOnce(Self.scenario(
            formula: formula, recover: "{ \"log(phi0)\" = \"truth.sigma_minus_one\" }", extra: "sample = \"exporter == 0 && m >= 2\""))
        let rows = try SampleFilter("exporter == 0 && m >= 2").rows(of: panel)
        #expect(rows.count > 100 && rows.count < panel.rowCount)
        let direct = try FixedEffectsOLS.fit(FormulaParser.parse(formula), data: panel.selectingRows(rows),
                                             options: EstimationOptions(vcov: .heteroskedastic))
        #expect(abs(row.meanEstimate - direct.coefficients[0]) <= 1e-9 * abs(direct.coefficients[0]))
        #expect(abs(row.meanStandardError - direct.standardErrors[0]) <= 1e-9 * direct.standardErrors[0])
    }

    @Test("standardize = true gives the slope times SD(x)/SD(y)")
    func standardizedSlope() throws {
        let formula = "employment ~ domestic_sales"
        let (row, panel) = try Self.runOnce(Self.scenario(formula: formula, recover: "{ domestic_sales = \"0\" }",
                                                          extra: "standardize = true"))
        let raw = try FixedEffectsOLS.fit(FormulaParser.parse(formula), data: panel, options: EstimationOptions(vcov: .heteroskedastic))
        func sd(_ values: [Double]) -> Double {
            let mean = values.reduce(0, +) / Double(values.count)
            return (values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(values.count - 1)).squareRoot()
        }
        let scale = sd(try panel.doubles("domestic_sales")) / sd(try panel.doubles("employment"))
        let slope = try #require(raw.coefficients.last)
        #expect(abs(row.meanEstimate - slope * scale) <= 1e-9 * abs(slope * scale))
    }

    @Test("an IV formula runs 2SLS on every panel")
    func instrumentalVariables() throws {
        let formula = "log(employment) ~ m | region^year | log(domestic_sales) ~ log(phi0)"
        let (row, panel) = try Self.runOnce(Self.scenario(formula: formula, recover: "{ \"log(domestic_sales)\" = \"1\" }"))
        let direct = try InstrumentalVariablesEstimator.fit(FormulaParser.parse(formula), data: panel,
                                                            options: EstimationOptions(vcov: .heteroskedastic))
        let position = try #require(direct.secondStage.coefficientNames.firstIndex(of: "log(domestic_sales)"))
        #expect(abs(row.meanEstimate - direct.secondStage.coefficients[position]) <= 1e-9)
        #expect(row.parameter == "emp: log(domestic_sales)")
    }

    @Test("bad sample filters and standardized interactions are located errors")
    func locatedErrors() {
        let cases: [(String, String, String)] = [
            (Self.scenario(formula: "employment ~ m", recover: "{ m = \"0\" }", extra: "sample = \"m = 2\""),
             "estimate[0].sample", "does not parse"),
            (Self.scenario(formula: "employment ~ m", recover: "{ m = \"0\" }", extra: "sample = \"mm >= 2\""),
             "estimate[0].sample", "did you mean 'm'?"),
            (Self.scenario(formula: "employment ~ m:I", recover: "{ \"m:I\" = \"0\" }", extra: "standardize = true"),
             "estimate[0].standardize", "product column"),
        ]
        for (text, keyPath, message) in cases {
            do {
                _ = try ScenarioLoader.parse(text: text, fileName: "options.toml")
                Issue.record("accepted: \(keyPath)")
            } catch {
                #expect(error.keyPath == keyPath, "\(error.description)")
                #expect(error.description.contains(message), "\(error.description)")
                #expect(error.location?.line == 16, "\(error.description)")
            }
        }
    }

    @Test("a sample filter that empties every panel is a located scenario error")
    func emptySample() throws {
        let text = Self.scenario(formula: "employment ~ m", recover: "{ m = \"0\" }", extra: "sample = \"m > 1000\"")
        do {
            let result = try AllocationEfficiencyPipelineTests.run(text, threads: 1)
            try? FileManager.default.removeItem(atPath: result.directory)
            Issue.record("the run succeeded")
        } catch let error as ScenarioError {
            #expect(error.keyPath == "estimate[0].sample")
            #expect(error.location?.line == 16)
            #expect(error.message.contains("no row of the simulated panel"), "\(error)")
        }
    }

    @Test("an estimation that fails on a panel costs only its own estimates, with a warning")
    func partialFailure() throws {
        let text = Self.scenario(formula: "log(employment) ~ log(phi0) | region^year",
                                 recover: "{ \"log(phi0)\" = \"truth.sigma_minus_one\" }")
            + "\n\n[[estimate]]\nname = \"absorbed\"\nformula = \"employment ~ log(phi0) + m | region\"\nsample = \"m == 1\"\nrecover = { m = \"0\" }\n"
        let result = try AllocationEfficiencyPipelineTests.run(text.replacingOccurrences(of: "replications = 1", with: "replications = 2"), threads: 1)
        defer { try? FileManager.default.removeItem(atPath: result.directory) }
        #expect(result.summary.recovery?.rows.map(\.parameter) == ["emp: log(phi0)"])
        #expect(result.summary.warnings.contains { $0.contains("2 of 2 replications lost some estimations") && $0.contains("absorbed: ") },
                "\(result.summary.warnings)")
    }
}

