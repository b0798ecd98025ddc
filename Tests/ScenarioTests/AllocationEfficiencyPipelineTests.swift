import Foundation
import MonteCarlo
import Scenario
import Testing
import TestSupport

/// End-to-end runs of the allocation-efficiency pipeline on small scenarios.
@Suite("allocation-efficiency pipeline", .serialized)
struct AllocationEfficiencyPipelineTests {
    static func scenario(replications: Int, regions: Int = 3, years: Int = 3, firms: Int = 1500,
                         sweep: String = "I = [0.1, 0.2, 0.3]", seed: Int = 20261121) -> String {
        """
        [scenario]
        name = "pipeline-test"
        model = "allocation-efficiency"
        seed = \(seed)

        [model]
        regions = \(regions)
        years = \(years)
        firms_per_region = \(firms)

        [sweep]
        \(sweep)

        [montecarlo]
        replications = \(replications)
        recover = ["k", "sigma", "sales_shape"]

        [output]
        gnuplot = true
        """
    }

    static func run(_ text: String, threads: Int) throws -> (summary: RunSummary, directory: String) {
        let scenario = try ScenarioLoader.parse(text: text, fileName: "pipeline-test.toml")
        let directory = TemporaryDirectory.path()
        let summary = try ScenarioRunner.run(scenario, overrides: RunOverrides(outputDirectory: directory, threads: threads))
        return (summary, directory)
    }

    static func read(_ directory: String, _ file: String) throws -> String {
        try String(contentsOfFile: directory + "/" + file, encoding: .utf8)
    }

    @Test("serial and parallel runs write identical files, bit for bit")
    func serialEqualsParallel() throws {
        let text = Self.scenario(replications: 12)
        let serial = try Self.run(text, threads: 1)
        let parallel = try Self.run(text, threads: 2)
        defer {
            try? FileManager.default.removeItem(atPath: serial.directory)
            try? FileManager.default.removeItem(atPath: parallel.directory)
        }
        for file in ["replications.csv", "recovery.csv", "sweep.dat", "sampling-k.dat"] {
            #expect(try Self.read(serial.directory, file) == Self.read(parallel.directory, file), "\(file)")
        }
    }

    @Test("a run writes the documented files and no staging folder")
    func outputFolder() throws {
        let result = try Self.run(Self.scenario(replications: 4), threads: 0)
        defer { try? FileManager.default.removeItem(atPath: result.directory) }
        for file in ["summary.md", "recovery.csv", "replications.csv", "scenario.toml", "sweep.dat", "sweep.gp",
                     "sampling-k.dat", "sampling-k.gp"] {
            #expect(FileManager.default.fileExists(atPath: result.directory + "/" + file), "\(file)")
        }
        // Only this run's staging folder counts: other tests run in parallel in the same parent folder.
        let target = URL(fileURLWithPath: result.directory)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: target.deletingLastPathComponent().path)
            .filter { $0.hasPrefix("." + target.lastPathComponent + ".partial-") }
        #expect(leftovers.isEmpty)
        let replications = try Self.read(result.directory, "replications.csv").split(separator: "\n")
        #expect(replications.count == 1 + 4 * 3)
        // The resolved scenario parses back to the same settings, with the run's output folder.
        let resolved = try ScenarioLoader.parse(text: Self.read(result.directory, "scenario.toml"), fileName: "scenario.toml")
        #expect(resolved.output.directory == result.directory)
        #expect(resolved.parameters.integer("regions") == 3)
        #expect(resolved.sweepPoints.count == 3)
    }

    @Test("fixed-seed recovery: |bias| < 2 Monte Carlo SEs and coverage inside the binomial 99% band")
    func recoveryIsUnbiasedWithNominalCoverage() throws {
        let text = Self.scenario(replications: 200, regions: 10, years: 2, firms: 3000, sweep: "I = [0.2, 0.3]")
        let result = try Self.run(text, threads: 0)
        defer { try? FileManager.default.removeItem(atPath: result.directory) }
        #expect(result.summary.warnings.isEmpty, "\(result.summary.warnings)")
        let report = try #require(result.summary.recovery)
        #expect(report.rows.map(\.parameter) == ["k", "sigma", "sales_shape"])
        for row in report.rows {
            #expect(row.replications == 200)
            #expect(abs(row.bias) < 2 * row.biasMonteCarloStandardError,
                    "\(row.parameter): bias \(row.bias), MC SE \(row.biasMonteCarloStandardError)")
            #expect(row.coverageBand99.contains(row.coverage), "\(row.parameter): coverage \(row.coverage)")
            // The standard errors are honest: their mean is close to the sampling SD.
            #expect(abs(row.meanStandardError / row.standardDeviation - 1) < 0.2, "\(row.parameter)")
        }
    }

    @Test("slow: 2,000 replications recover k, σ and α with honest standard errors",
          .tags(.slow), .optIn)
    func longRecovery() throws {
        let text = Self.scenario(replications: 2000, regions: 10, years: 2, firms: 3000, sweep: "I = [0.2, 0.3]", seed: 7)
        let result = try Self.run(text, threads: 0)
        defer { try? FileManager.default.removeItem(atPath: result.directory) }
        let report = try #require(result.summary.recovery)
        for row in report.rows {
            #expect(abs(row.bias) < 3 * row.biasMonteCarloStandardError, "\(row.parameter): bias \(row.bias)")
            #expect(row.coverageBand99.contains(row.coverage), "\(row.parameter): coverage \(row.coverage)")
            #expect(abs(row.meanStandardError / row.standardDeviation - 1) < 0.08, "\(row.parameter)")
        }
    }

    static let employmentElasticity = """
        [scenario]
        name = "estimate-test"
        model = "allocation-efficiency"
        seed = 11

        [model]
        regions = 4
        years = 3
        firms_per_region = 1500

        [[estimate]]
        name = "employment"
        formula = "log(employment) ~ log(phi0) + m:I | region^year^exporter + m"
        vcov = "hetero"
        recover = { "log(phi0)" = "truth.sigma_minus_one", "m:I" = "truth.sigma_minus_one" }

        [montecarlo]
        replications = 200
        recover = []
        """

    @Test("[[estimate]] blocks run the fixed-effects estimator on every panel and recover σ − 1")
    func scenarioEstimation() throws {
        let result = try Self.run(Self.employmentElasticity, threads: 0)
        defer { try? FileManager.default.removeItem(atPath: result.directory) }
        let report = try #require(result.summary.recovery)
        #expect(report.rows.map(\.parameter) == ["employment: log(phi0)", "employment: m:I"])
        for row in report.rows {
            #expect(row.truth == 3)
            #expect(abs(row.bias) < 2 * row.biasMonteCarloStandardError, "\(row.parameter): bias \(row.bias)")
            #expect(row.coverageBand99.contains(row.coverage), "\(row.parameter): coverage \(row.coverage)")
        }
        #expect(FileManager.default.fileExists(atPath: result.directory + "/sampling-employment-log-phi0.dat"))
    }

    @Test("[[estimate]] mistakes are located errors before anything runs")
    func scenarioEstimationErrors() throws {
        let cases: [(String, String, String, Int)] = [
            ("log(employment) ~ log(phi0) + + m", "estimate[0].formula", "does not parse", 13),
            ("log(employment) ~ log(phi) | region", "estimate[0].formula", "did you mean 'phi0'?", 13),
            ("log(employment) ~ log(phi0) | region", "estimate[0].recover.\"m:I\"", "not a coefficient", 15),
            ("log(employment) ~ csw(log(phi0), exporter) | region", "estimate[0].recover.\"m:I\"", "not a coefficient of any of the 2 models", 15),
            ("log(employment) ~ sw(log(phi0), log(phi)) | region", "estimate[0].formula", "did you mean 'phi0'?", 13),
        ]
        for (formula, keyPath, message, line) in cases {
            let text = Self.employmentElasticity.replacingOccurrences(
                of: "log(employment) ~ log(phi0) + m:I | region^year^exporter + m", with: formula)
            do {
                _ = try ScenarioLoader.parse(text: text, fileName: "estimate.toml")
                Issue.record("\(formula) was accepted")
            } catch {
                #expect(error.keyPath == keyPath, "\(formula)")
                #expect(error.description.contains(message), "\(error.description)")
                #expect(error.location?.line == line, "\(formula)")
            }
        }
        let badTruth = Self.employmentElasticity.replacingOccurrences(of: "\"truth.sigma_minus_one\", \"m:I\"", with: "\"truth.sgima\", \"m:I\"")
        #expect(throws: ScenarioError.self) { try ScenarioLoader.parse(text: badTruth, fileName: "estimate.toml") }
    }
}
