import Foundation
import MonteCarlo
@testable import Scenario
import Testing
import TestSupport

/// The contract every registered model keeps with the generic run (`ModelRun`), checked on the model's
/// own tiny scenario (`ModelPipeline.contractScenario`): it validates; two replications write the
/// documented files; serial = parallel, interrupted + resumed = uninterrupted and shards merged = one
/// run, bit for bit; the sweep repeats the Monte Carlo at every point, resumes like the main run, and
/// `[sweep] montecarlo = false` keeps the theory-only sweep. A new model passes this suite by adding
/// its registry line and its contract scenario, with no test of its own needed for these properties.
@Suite("model contract (every registered model)", .serialized)
struct ModelContractTests {
    /// The contract scenario of model `key`.
    static func scenario(_ key: String) throws -> String {
        try #require(ModelRegistry.standard.registration(for: key)).contractScenario
    }

    /// Runs `text` into `directory` on `threads` threads (the test hooks as in ``ResumeTests``).
    static func run(_ text: String, into directory: String, threads: Int = 2, resume: Bool = false,
                    interruptAfter: Int? = nil, interruptSweep: (point: Int, replications: Int)? = nil,
                    stages: Stages? = nil) throws -> RunSummary {
        let scenario = try ScenarioLoader.parse(text: text, fileName: "contract.toml")
        var overrides = RunOverrides(outputDirectory: directory, threads: threads, resume: resume)
        overrides.interruptAfter = interruptAfter
        overrides.interruptSweep = interruptSweep
        return try ScenarioRunner.run(scenario, overrides: overrides, progress: stages.map { stages in
            { @Sendable progress in if case .stage(let text) = progress { stages.append(text) } }
        })
    }

    /// The stages a run reported, in order.
    final class Stages: @unchecked Sendable {
        private let lock = NSLock()
        private var lines: [String] = []

        func append(_ line: String) { lock.withLock { lines.append(line) } }
        var all: [String] { lock.withLock { lines } }
    }

    /// The non-empty lines of a text file in `directory`.
    static func lines(_ directory: String, _ file: String) throws -> [Substring] {
        try String(contentsOfFile: directory + "/" + file, encoding: .utf8).split(separator: "\n")
    }

    /// Every checkpoint file a run into `output` may write (main and sweep points).
    static func checkpoints(_ output: String, points: Int) -> [String] {
        [Checkpoint.path(forOutput: output)] + (0..<points).map { SweepCheckpoints.path(forOutput: output, point: $0) }
    }

    /// `text` with `[sweep] montecarlo = false`: the theory-only sweep.
    static func theoryOnly(_ text: String) -> String {
        text.replacingOccurrences(of: "[sweep]\n", with: "[sweep]\nmontecarlo = false\n")
    }

    static func remove(_ paths: [String]) {
        for path in paths { try? FileManager.default.removeItem(atPath: path) }
    }

    @Test("the registry has models, and every one has a contract scenario")
    func registryIsCovered() throws {
        #expect(ModelRegistry.standard.keys.count >= 3)
        for key in ModelRegistry.standard.keys { #expect(try !Self.scenario(key).isEmpty, "\(key)") }
    }

    @Test("the contract scenario validates and is what the contract needs", arguments: ModelRegistry.standard.keys)
    func validates(key: String) throws {
        let scenario = try ScenarioLoader.parse(text: Self.scenario(key), fileName: "contract.toml")
        let directory = TemporaryDirectory.path("contract")
        _ = try ScenarioRunner.checkOutput(scenario, overrides: RunOverrides(outputDirectory: directory))
        #expect(scenario.model.key == key)
        #expect(scenario.estimations.contains { !$0.recover.isEmpty }, "an [[estimate]] block with a recover")
        #expect((2...3).contains(scenario.montecarlo.replications))
        #expect(scenario.sweep.count == 1 && scenario.sweepPointCount == 2, "a one-axis sweep of two points")
        #expect(scenario.sweepMonteCarlo)
        #expect(scenario.output.writePanel && !scenario.output.gnuplot)
        // The work estimate counts the Monte Carlo at both sweep points (it counted them for one model only),
        // and none with `[sweep] montecarlo = false`.
        #expect(ScenarioResources(scenario).monteCarloSweepPoints == 2)
        let theoryOnly = try ScenarioLoader.parse(text: Self.theoryOnly(Self.scenario(key)), fileName: "contract.toml")
        #expect(ScenarioResources(theoryOnly).monteCarloSweepPoints == 0)
    }

    @Test("two replications write the documented files; serial = parallel, bit for bit; the sweep repeats the Monte Carlo",
          arguments: ModelRegistry.standard.keys)
    func runSerialEqualsParallel(key: String) throws {
        let text = try Self.scenario(key)
        let serial = TemporaryDirectory.path("contract"), parallel = TemporaryDirectory.path("contract")
        defer { Self.remove([serial, parallel]) }
        let summary = try Self.run(text, into: serial, threads: 1)
        _ = try Self.run(text, into: parallel, threads: 2)
        #expect(summary.warnings.isEmpty, "\(summary.warnings)")
        for file in ["recovery.csv", "replications.csv", "summary.md", "scenario.toml", "panel.csv", "sweep-recovery.csv"] {
            #expect(FileManager.default.fileExists(atPath: serial + "/" + file), "\(key): \(file)")
        }
        for checkpoint in Self.checkpoints(serial, points: 2) {
            #expect(!FileManager.default.fileExists(atPath: checkpoint), "\(key): \(checkpoint) removed on success")
        }
        try ResumeTests.expectIdenticalFolders(serial, parallel)

        let report = try #require(summary.recovery)
        let quantities = report.rows.map(\.parameter)
        #expect(!quantities.isEmpty && report.rows.allSatisfy { $0.replications == 2 }, "\(key): \(report.rows)")
        #expect(try Self.lines(serial, "recovery.csv").count == 1 + quantities.count)
        #expect(try Self.lines(serial, "replications.csv").count == 1 + 2 * quantities.count)
        #expect(try Self.lines(serial, "panel.csv").count > 1)

        // One row per sweep point and recovered quantity, the swept key's value first.
        let scenario = try ScenarioLoader.parse(text: text, fileName: "contract.toml")
        let axis = try #require(scenario.sweep.first)
        let sweep = try Self.lines(serial, "sweep-recovery.csv")
        #expect(sweep.first?.hasPrefix(axis.parameter + ",parameter,") == true, "\(key): \(sweep.first ?? "")")
        #expect(sweep.count == 1 + axis.values.count * quantities.count, "\(key): \(sweep.count) lines")
        let firstColumn = sweep.dropFirst().map { Double($0.prefix { $0 != "," }) }
        #expect(firstColumn == axis.values.flatMap { value in quantities.map { _ in value } }, "\(key)")
    }

    @Test("interrupted + --resume = uninterrupted, bit for bit", arguments: ModelRegistry.standard.keys)
    func resumeEqualsUninterrupted(key: String) throws {
        try ResumeTests.interruptAndResume(Self.scenario(key), stop: 1)
    }

    @Test("a sweep interrupted at its second point resumes to identical output", arguments: ModelRegistry.standard.keys)
    func sweepResumeEqualsUninterrupted(key: String) throws {
        let text = try Self.scenario(key)
        let full = TemporaryDirectory.path("contract"), resumed = TemporaryDirectory.path("contract")
        let checkpoints = Self.checkpoints(resumed, points: 2)
        defer { Self.remove([full, resumed] + checkpoints) }
        _ = try Self.run(text, into: full)

        #expect(throws: ReplicationPlan.Interruption.self) {
            try Self.run(text, into: resumed, interruptSweep: (point: 1, replications: 1))
        }
        #expect(!FileManager.default.fileExists(atPath: resumed), "\(key): no output folder after an interruption")
        // The main Monte Carlo and the first point completed; the second point holds the one that started.
        let records = try checkpoints.map { path in try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").count - 2 }
        #expect(records == [2, 2, 1], "\(key): records in \(checkpoints)")

        let stages = Stages()
        let summary = try Self.run(text, into: resumed, resume: true, stages: stages)
        #expect(!summary.notes.contains { $0.contains("--resume") }, "\(key): \(summary.notes)")
        // Each point resumed from its own checkpoint: the first ran nothing again, the second its other replication.
        for (checkpoint, pending) in zip(checkpoints.dropFirst(), ["running 0 of 2", "running 1 of 2"]) {
            #expect(stages.all.contains { $0.hasPrefix("resuming from \(checkpoint)") && $0.hasSuffix(pending) },
                    "\(key): \(checkpoint) not resumed (\(pending)): \(stages.all)")
        }
        for checkpoint in checkpoints {
            #expect(!FileManager.default.fileExists(atPath: checkpoint), "\(key): \(checkpoint) removed on success")
        }
        try ResumeTests.expectIdenticalFolders(full, resumed)
        #expect(try Self.lines(resumed, "sweep-recovery.csv") == Self.lines(full, "sweep-recovery.csv"))
    }

    @Test("shard 1/2 + 2/2 merged = one run: recovery.csv and replications.csv bit for bit",
          arguments: ModelRegistry.standard.keys)
    func shardsMergeToSingleRun(key: String) throws {
        let text = try Self.scenario(key)
        let single = TemporaryDirectory.path("contract"), merged = TemporaryDirectory.path("contract")
        let shards = [TemporaryDirectory.path("contract"), TemporaryDirectory.path("contract")]
        defer { Self.remove([single, merged] + shards) }
        _ = try Self.run(text, into: single)
        for (index, folder) in shards.enumerated() { _ = try ShardTests.runShard(text, "\(index + 1)/2", into: folder) }
        let summary = try ShardMerger.merge(shards: shards, into: merged)
        #expect(summary.recovery?.rows.allSatisfy { $0.replications == 2 } == true, "\(key)")
        for file in ["recovery.csv", "replications.csv"] {
            #expect(try Self.lines(single, file) == Self.lines(merged, file), "\(key): \(file)")
        }
    }

    @Test("[sweep] montecarlo = false keeps the theory-only sweep: no sweep-recovery.csv", arguments: ModelRegistry.standard.keys)
    func theoryOnlySweep(key: String) throws {
        let text = try Self.scenario(key)
        #expect(text.contains("[sweep]\n"))
        let theoryOnly = Self.theoryOnly(text)
        let directory = TemporaryDirectory.path("contract")
        defer { Self.remove([directory]) }
        _ = try Self.run(theoryOnly, into: directory)
        let files = try FileManager.default.contentsOfDirectory(atPath: directory)
        #expect(files.contains("recovery.csv") && files.contains("replications.csv"), "\(key): \(files)")
        #expect(!files.contains { $0.hasPrefix("sweep-recovery") }, "\(key): \(files)")
        #expect(!FileManager.default.fileExists(atPath: SweepCheckpoints.path(forOutput: directory, point: 0)))
    }
}
