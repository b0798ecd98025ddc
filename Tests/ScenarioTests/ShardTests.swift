import Foundation
import MonteCarlo
@testable import Scenario
import Testing
import TestSupport

/// Shards of a Monte Carlo merge into the same recovery.csv and replications.csv as one run; missing
/// and overlapping shards are reported.
@Suite("sharded Monte Carlo", .serialized)
struct ShardTests {
    static func runShard(_ text: String, _ spec: String, into directory: String) throws -> RunSummary {
        let scenario = try ScenarioLoader.parse(text: text, fileName: "shard-test.toml")
        return try ScenarioRunner.run(scenario, overrides: RunOverrides(outputDirectory: directory, threads: 2,
                                                                        shard: ShardSpec(parsing: spec)))
    }

    @Test("shard K/N runs r mod N = K − 1; bad specs are rejected")
    func spec() {
        #expect(ShardSpec(parsing: "2/3")?.replications(of: 8) == [1, 4, 7])
        #expect(ShardSpec(parsing: "3/3")?.replications(of: 2) == [])
        for bad in ["0/3", "4/3", "1", "a/b", "1/0", "-1/2", "1/2/3"] { #expect(ShardSpec(parsing: bad) == nil, "\(bad)") }
    }

    @Test("three shards merged = one run: recovery.csv and replications.csv bit for bit")
    func mergeEqualsSingleRun() throws {
        let text = ResumeTests.allocation
        let single = TemporaryDirectory.path()
        let shards = (1...3).map { _ in TemporaryDirectory.path() }
        let merged = TemporaryDirectory.path()
        defer { for path in [single, merged] + shards { try? FileManager.default.removeItem(atPath: path) } }
        _ = try ResumeTests.run(text, into: single)
        for (index, folder) in shards.enumerated() {
            _ = try Self.runShard(text, "\(index + 1)/3", into: folder)
            let files = Set(try FileManager.default.contentsOfDirectory(atPath: folder))
            #expect(files == ["replications.csv", "shard.json", "summary.md", "scenario.toml", ".hetfirm-output"])
            #expect(try AllocationEfficiencyPipelineTests.read(folder, "summary.md").contains("partial"))
        }
        let manifest = try ShardMerger.readManifest(shards[1])
        #expect(manifest.replications == [1, 4] && manifest.shard == 2 && manifest.shards == 3)

        let summary = try ShardMerger.merge(shards: shards.reversed(), into: merged)
        #expect(summary.recovery?.rows.first?.replications == 6)
        for file in ["recovery.csv", "replications.csv"] {
            #expect(try AllocationEfficiencyPipelineTests.read(single, file) == AllocationEfficiencyPipelineTests.read(merged, file), "\(file)")
        }
        #expect(try AllocationEfficiencyPipelineTests.read(merged, "summary.md").contains("## Recovery"))
    }

    @Test("missing, overlapping and foreign shards are reported")
    func badShardSets() throws {
        let text = ResumeTests.allocation
        let first = TemporaryDirectory.path(), second = TemporaryDirectory.path()
        let foreign = TemporaryDirectory.path(), merged = TemporaryDirectory.path()
        defer { for path in [first, second, foreign, merged] { try? FileManager.default.removeItem(atPath: path) } }
        _ = try Self.runShard(text, "1/2", into: first)
        _ = try Self.runShard(text, "2/2", into: second)
        let other = AllocationEfficiencyPipelineTests.scenario(replications: 6, regions: 2, years: 2, firms: 1000, sweep: "I = [0.1, 0.2]", seed: 9)
        _ = try Self.runShard(other, "2/2", into: foreign)

        do {
            _ = try ShardMerger.merge(shards: [first], into: merged)
            Issue.record("a missing shard was not reported")
        } catch let error as ShardError {
            guard case .missing(let missing, let total) = error else { throw error }
            #expect(missing == [1, 3, 5] && total == 6)
            #expect(error.description.contains("1, 3, 5"))
        }
        do {
            _ = try ShardMerger.merge(shards: [first, second, first], into: merged)
            Issue.record("overlapping shards were not reported")
        } catch let error as ShardError {
            guard case .overlapping(let twice) = error else { throw error }
            #expect(twice == [0, 2, 4])
        }
        #expect(throws: ShardError.self) { try ShardMerger.merge(shards: [first, foreign], into: merged) }
        #expect(throws: ShardError.self) { try ShardMerger.merge(shards: [first, merged + "-none"], into: merged) }
        #expect(!FileManager.default.fileExists(atPath: merged))
        _ = try ShardMerger.merge(shards: [second, first], into: merged)
        #expect(FileManager.default.fileExists(atPath: merged + "/recovery.csv"))
    }
}
