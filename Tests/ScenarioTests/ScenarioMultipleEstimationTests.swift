import Foundation
import MonteCarlo
import Scenario
import Testing

/// `[[estimate]]` blocks whose formula stands for several models (`sw`, `csw0`, several left-hand sides), and
/// `split`, run in a small Monte Carlo.
@Suite("scenario [[estimate]]: multiple estimation and split", .serialized)
struct ScenarioMultipleEstimationTests {
    static func scenario(formula: String, recover: String, extra: String = "", replications: Int = 6) -> String {
        """
        [scenario]
        name = "multiple-estimation"
        model = "allocation-efficiency"
        seed = 7

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
        replications = \(replications)
        recover = []
        """
    }

    @Test("csw0 expands to one estimation per model, recover applies where the coefficient appears")
    func stepwiseBlock() throws {
        let text = Self.scenario(formula: "log(employment) ~ log(phi0) + csw0(m:I, exporter) | region^year",
                                 recover: "{ \"log(phi0)\" = \"truth.sigma_minus_one\", exporter = \"0\" }")
        let result = try AllocationEfficiencyPipelineTests.run(text, threads: 1)
        defer { try? FileManager.default.removeItem(atPath: result.directory) }
        let report = try #require(result.summary.recovery)
        #expect(report.rows.map(\.parameter) == [
            "emp[1]: log(phi0)", "emp[2]: log(phi0)", "emp[3]: log(phi0)", "emp[3]: exporter",
        ])
        for row in report.rows where row.parameter.hasSuffix("log(phi0)") {
            #expect(row.truth == 3)
            #expect(row.replications == 6)
        }
        // Model 3 is the full formula; its estimate is the one a single-model block gives.
        let single = Self.scenario(formula: "log(employment) ~ log(phi0) + m:I + exporter | region^year",
                                   recover: "{ \"log(phi0)\" = \"truth.sigma_minus_one\" }")
        let direct = try AllocationEfficiencyPipelineTests.run(single, threads: 1)
        defer { try? FileManager.default.removeItem(atPath: direct.directory) }
        let expanded = try #require(report.rows.first { $0.parameter == "emp[3]: log(phi0)" })
        let alone = try #require(direct.summary.recovery?.rows.first)
        #expect(alone.parameter == "emp: log(phi0)")
        #expect(expanded.meanEstimate == alone.meanEstimate)
        #expect(expanded.meanStandardError == alone.meanStandardError)
        let csv = try AllocationEfficiencyPipelineTests.read(result.directory, "replications.csv")
        #expect(csv.contains("emp[2]: log(phi0)"))
    }

    @Test("several left-hand sides and split = \"region\": one estimation per (sample, model)")
    func splitAndDependentVariables() throws {
        let text = Self.scenario(formula: "c(log(employment), log(domestic_sales)) ~ log(phi0) | year",
                                 recover: "{ \"log(phi0)\" = \"truth.sigma_minus_one\" }", extra: "split = \"region\"",
                                 replications: 4)
        let scenario = try ScenarioLoader.parse(text: text, fileName: "split.toml")
        #expect(scenario.estimations.first?.split == "region")
        let result = try AllocationEfficiencyPipelineTests.run(text, threads: 2)
        defer { try? FileManager.default.removeItem(atPath: result.directory) }
        let names = try #require(result.summary.recovery).rows.map(\.parameter)
        #expect(names.count == 8)
        #expect(names.first == "emp[1, region = 1]: log(phi0)")
        #expect(names.contains("emp[2, region = 4]: log(phi0)"))
        let resolved = try AllocationEfficiencyPipelineTests.read(result.directory, "scenario.toml")
        #expect(resolved.contains("split   = \"region\""))
    }

    @Test("split and recover mistakes in a multi-model block are located errors")
    func locatedErrors() throws {
        let cases: [(String, String, String, Int)] = [
            (Self.scenario(formula: "log(employment) ~ sw(log(phi0), exporter)", recover: "{ \"m:I\" = \"0\" }"),
             "estimate[0].recover.\"m:I\"", "not a coefficient of any of the 2 models", 15),
            (Self.scenario(formula: "log(employment) ~ sw(log(phi0), exporter)", recover: "{ exporter = \"0\" }",
                           extra: "split = \"regoin\""), "estimate[0].split", "did you mean 'region'?", 16),
            (Self.scenario(formula: "log(employment) ~ log(phi0)", recover: "{ \"log(phi0)\" = \"0\" }", extra: "split = 3"),
             "estimate[0].split", "must be a string", 16),
        ]
        for (text, keyPath, message, line) in cases {
            do {
                _ = try ScenarioLoader.parse(text: text, fileName: "estimate.toml")
                Issue.record("accepted: \(keyPath)")
            } catch {
                #expect(error.keyPath == keyPath, "\(error.description)")
                #expect(error.description.contains(message), "\(error.description)")
                #expect(error.location?.line == line, "\(error.description)")
            }
        }
    }
}
