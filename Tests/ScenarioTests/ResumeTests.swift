import Foundation
import MonteCarlo
@testable import Scenario
import Testing
import TestSupport

/// An interrupted Monte Carlo resumed from its checkpoint writes the same files as an uninterrupted
/// run, bit for bit; a checkpoint of another scenario is refused.
@Suite("resumable Monte Carlo", .serialized)
struct ResumeTests {
    static let allocation = AllocationEfficiencyPipelineTests.scenario(replications: 6, regions: 2, years: 2, firms: 1000, sweep: "I = [0.1, 0.2]")

    /// Runs `text` into a fresh folder; with `interruptAfter`, stops after that many replications started.
    static func run(_ text: String, into directory: String, resume: Bool = false, interruptAfter: Int? = nil,
                    replications: Int? = nil) throws -> RunSummary {
        let scenario = try ScenarioLoader.parse(text: text, fileName: "resume-test.toml")
        var overrides = RunOverrides(outputDirectory: directory, replications: replications, threads: 2, resume: resume)
        overrides.interruptAfter = interruptAfter
        return try ScenarioRunner.run(scenario, overrides: overrides)
    }

    /// The files under `folder` (recursively), except scenario.toml (it names the folder).
    static func files(_ folder: String) throws -> [String] {
        try FileManager.default.subpathsOfDirectory(atPath: folder).filter { path in
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: folder + "/" + path, isDirectory: &isDirectory)
            return !isDirectory.boolValue && path != "scenario.toml"
        }.sorted()
    }

    /// Every file of `a` equals the same file of `b` (rendered plots included), except scenario.toml.
    static func expectIdenticalFolders(_ a: String, _ b: String) throws {
        let files = try files(a)
        #expect(try Self.files(b) == files)
        #expect(files.contains("replications.csv") && files.contains("recovery.csv") && files.contains("summary.md"))
        for file in files {
            let left = FileManager.default.contents(atPath: a + "/" + file)
            let right = FileManager.default.contents(atPath: b + "/" + file)
            #expect(left != nil && left == right, "\(file) differs")
        }
    }

    /// Interrupts a run after `stop` replications, checks the checkpoint, resumes, and compares with a full run.
    static func interruptAndResume(_ text: String, stop: Int) throws {
        let full = TemporaryDirectory.path(), resumed = TemporaryDirectory.path()
        let checkpoint = Checkpoint.path(forOutput: resumed)
        defer {
            for path in [full, resumed, checkpoint] { try? FileManager.default.removeItem(atPath: path) }
        }
        _ = try run(text, into: full)
        #expect(!FileManager.default.fileExists(atPath: Checkpoint.path(forOutput: full)), "checkpoint removed on success")

        #expect(throws: ReplicationPlan.Interruption.self) { try run(text, into: resumed, interruptAfter: stop) }
        #expect(!FileManager.default.fileExists(atPath: resumed), "no output folder after an interruption")
        let saved = try String(contentsOfFile: checkpoint, encoding: .utf8)
        #expect(saved.split(separator: "\n").count == 2 + stop, "header and \(stop) records")
        // A write torn by the interruption: an unterminated last line.
        let handle = try #require(FileHandle(forWritingAtPath: checkpoint))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("\(stop + 1),ok,\"\",\"\",1,k,1.5,1.".utf8))
        try handle.close()

        let summary = try run(text, into: resumed, resume: true)
        #expect(!summary.notes.contains { $0.contains("--resume") })
        #expect(!FileManager.default.fileExists(atPath: checkpoint), "checkpoint removed on success")
        try expectIdenticalFolders(full, resumed)
    }

    @Test("allocation-efficiency: interrupted + resumed = uninterrupted, bit for bit")
    func allocationResume() throws {
        try Self.interruptAndResume(Self.allocation, stop: 3)
    }

    @Test("information-spillover: interrupted + resumed = uninterrupted, incl. replication 0's tables and δ(n) bins")
    func spilloverResume() throws {
        try Self.interruptAndResume(SpilloverPipelineTests.scenario(replications: 4), stop: 2)
    }

    @Test("quality-ladder: interrupted + resumed = uninterrupted, incl. diagnostics")
    func qualityResume() throws {
        try Self.interruptAndResume(QualityLadderPipelineTests.scenario(replications: 3), stop: 2)
    }

    @Test("a checkpoint of another seed or replication count is refused; without --resume it is replaced")
    func mismatch() throws {
        let directory = TemporaryDirectory.path()
        let checkpoint = Checkpoint.path(forOutput: directory)
        defer {
            for path in [directory, checkpoint] { try? FileManager.default.removeItem(atPath: path) }
        }
        #expect(throws: ReplicationPlan.Interruption.self) { try Self.run(Self.allocation, into: directory, interruptAfter: 2) }
        let otherSeed = AllocationEfficiencyPipelineTests.scenario(replications: 6, regions: 2, years: 2, firms: 1000, sweep: "I = [0.1, 0.2]", seed: 7)
        #expect(throws: CheckpointError.self) { try Self.run(otherSeed, into: directory, resume: true) }
        #expect(throws: CheckpointError.self) { try Self.run(Self.allocation, into: directory, resume: true, replications: 5) }
        #expect(FileManager.default.fileExists(atPath: checkpoint), "a refused checkpoint is kept")
        let fresh = try Self.run(otherSeed, into: directory)
        #expect(fresh.notes.contains { $0.contains("replaced the checkpoint") })
        #expect(!FileManager.default.fileExists(atPath: checkpoint))
        let noCheckpoint = try Self.run(otherSeed, into: directory, resume: true)
        #expect(noCheckpoint.notes.contains { $0.contains("--resume: no completed replications") })
    }

    @Test("checkpoint lines parse back to the same entry, with awkward names and extreme finite numbers")
    func entryRoundTrip() throws {
        let estimates = [
            ParameterEstimate(parameter: "a, \"b\"", truth: -1e308, estimate: -.greatestFiniteMagnitude, standardError: 0.1 + 0.2),
            ParameterEstimate(parameter: "x\ny", truth: -0.0, estimate: .leastNormalMagnitude / 4, standardError: 0),
        ]
        for entry in [
            CheckpointEntry(record: ReplicationRecord(replication: 12, estimates: estimates), failure: nil, extra: "{\"a\":[1,\"NaN\"]}"),
            CheckpointEntry(record: ReplicationRecord(replication: 3, estimates: []), failure: ReplicationFailure([
                BlockFailure(label: nil, kind: .simulation(message: "bad, \"panel\"\nline 2 ✓ / \\")),
                BlockFailure(label: "a, \"b\"", kind: .estimation(message: "x\ny")),
                BlockFailure(label: "s", kind: .emptySample(estimation: "s", filter: "n >= 4 && x == \"y\"", rows: 12)),
                BlockFailure(label: "p: x", kind: .nonFinite(estimate: .nan, standardError: -.infinity, truth: 0.1 + 0.2)),
                BlockFailure(label: "q", kind: .nonFinite(estimate: -0.0, standardError: .leastNonzeroMagnitude, truth: -1e308)),
            ]), extra: ""),
        ] {
            let rows = ReplicationCSV.rows(in: entry.line())
            #expect(!rows.torn && rows.rows.count == 1)
            let parsed = try CheckpointEntry.parse(rows.rows[0]).get()
            #expect(parsed.line() == entry.line())
            // (Compared as text: a failure holding NaN is not == itself.)
            #expect(parsed.failure?.checkpointText == entry.failure?.checkpointText && parsed.extra == entry.extra)
            #expect(parsed.failure?.description == entry.failure?.description)
        }
    }
}
