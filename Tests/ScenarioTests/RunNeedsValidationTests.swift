@testable import Pipelines
import Foundation
import Testing
import MonteCarlo
@testable import Scenario

/// Issue 10 §5: `validate` passed values that then failed every run with misleading advice, and a
/// run could end without writing its results because a plot could not be made.
@Suite("scenario: validate what the run needs")
struct RunNeedsValidationTests {
    static func allocation(_ model: String, extra: String = "") throws -> Scenario {
        try ScenarioLoader.parse(text: """
            [scenario]
            name = "needs"
            model = "allocation-efficiency"
            [model]
            \(model)
            \(extra)
            """, fileName: "needs.toml")
    }

    @Test("I = 1e15 is refused at I (no firm produces), not blamed on f or f_e after the run starts")
    func hugeInternetLevel() throws {
        let error = try #require(throws: ScenarioError.self) { try Self.allocation("I = 1e15") }
        #expect(error.keyPath == "model.I")
        #expect(error.message.contains("no firm produces"))
        #expect(error.fix.contains("lower I"))
    }

    @Test("years = 60 is refused at years: the last year has almost no producers, and more firms would not help")
    func longPanel() throws {
        let error = try #require(throws: ScenarioError.self) { try Self.allocation("regions = 2\nyears = 60\nfirms_per_region = 300") }
        #expect(error.keyPath == "model.years")
        #expect(error.message.contains("the estimators need at least 20"))
        #expect(error.fix.hasPrefix("lower years, I_growth or I_high"))
        _ = try Self.allocation("regions = 2\nyears = 30\nfirms_per_region = 300")
    }

    @Test("a sweep of I is not refused for the panel's sake (the panel uses the scenario's own parameters)")
    func sweepOfInternetLevel() throws {
        let scenario = try Self.allocation("regions = 2\nyears = 2", extra: "[sweep]\nI = [0.1, 0.2, 0.3]")
        #expect(scenario.sweepPointCount == 3)
    }

    @Test("recover targets must be finite decimals: nan, inf and hexadecimal are refused at the key", arguments: ["nan", "inf", "-inf", "0x10"])
    func nonFiniteTargets(target: String) throws {
        let error = try #require(throws: ScenarioError.self) {
            try Self.allocation("regions = 2\nyears = 2", extra: """
                [[estimate]]
                name = "markup"
                formula = "employment ~ domestic_sales"
                recover = { domestic_sales = "\(target)" }
                """)
        }
        #expect(error.keyPath == "estimate[0].recover.domestic_sales")
        #expect(error.message.contains("is not a finite number"))
    }

    @Test("a sweep is bounded to 100,000 points")
    func sweepCap() throws {
        let error = try #require(throws: ScenarioError.self) {
            try Self.allocation("", extra: "[sweep]\nI = { from = 0.0, to = 0.3, count = 400 }\nk = { from = 4.5, to = 6.0, count = 400 }")
        }
        #expect(error.message.contains("more than 100000"))
    }
}

@Suite("scenario: results are written even when a plot cannot be made")
struct PlotFailureTests {
    @Test("a quantity without a finite estimate gets a warning instead of failing the run; recovery.csv is written")
    func plotFailureIsAWarning() throws {
        let scenario = try RunNeedsValidationTests.allocation("regions = 2\nyears = 2")
        let settings = RunSettings(outputDirectory: "out", replications: 2, threads: 1)
        let context = try ScenarioRunner.context(
            scenario, settings: settings,
            sweepCheckpoints: SweepCheckpoints(output: "out", fingerprint: "", replications: 0, resume: false), progress: nil)
        let run = ModelRun<AllocationEfficiencyPipeline>(context: context)
        let records = (0..<2).map { replication in
            ReplicationRecord(replication: replication, estimates: [
                ParameterEstimate(parameter: "good", truth: 1, estimate: 1.1 + Double(replication) / 10, standardError: 0.1),
                ParameterEstimate(parameter: "bad", truth: 1, estimate: .nan, standardError: .nan),
            ])
        }
        var artifacts = RunArtifacts()
        let outcome = MonteCarloOutcome<AllocationEfficiencyPipeline>(
            records: records, report: RecoveryReport.summarize(records), warnings: [], extras: [], statistics: [], table: nil,
            firstDraw: nil)
        try run.addRecoveryFiles(outcome, into: &artifacts)
        #expect(artifacts.texts.map(\.path).contains("recovery.csv"))
        #expect(artifacts.scripts.count == 1)
        #expect(artifacts.warnings.count == 1)
        #expect(artifacts.warnings.first?.hasPrefix("no sampling-distribution plot for bad") == true)
    }
}
