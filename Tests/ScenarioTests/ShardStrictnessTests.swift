import Foundation
import MonteCarlo
@testable import Scenario
import Testing
import TestSupport

/// `hetfirm merge` checks every shard folder strictly: manifest, scenario and records.
@Suite("shard folders are parsed strictly", .serialized)
struct ShardStrictnessTests {
    /// Two shard folders of a 6-replication run and a path for the merge.
    static func shards() throws -> (first: String, second: String, merged: String) {
        let first = TemporaryDirectory.path(), second = TemporaryDirectory.path()
        _ = try ShardTests.runShard(ResumeTests.allocation, "1/2", into: first)
        _ = try ShardTests.runShard(ResumeTests.allocation, "2/2", into: second)
        return (first, second, TemporaryDirectory.path())
    }

    /// Merging after `edit` fails with a ``ShardError`` containing `expected`, and writes nothing.
    static func expectRefused(_ file: String, _ expected: String, edit: (String) -> String) throws {
        let (first, second, merged) = try shards()
        defer { for path in [first, second, merged] { try? FileManager.default.removeItem(atPath: path) } }
        let path = second + "/" + file
        try edit(try String(contentsOfFile: path, encoding: .utf8)).write(toFile: path, atomically: true, encoding: .utf8)
        do {
            _ = try ShardMerger.merge(shards: [first, second], into: merged)
            Issue.record("\(file) edit accepted (expected: \(expected))")
        } catch let error as ShardError {
            #expect(error.description.contains(expected), "\(error.description)")
            #expect(!error.description.contains("DecodingError") && !error.description.contains("NSCocoaErrorDomain"))
        }
        #expect(!FileManager.default.fileExists(atPath: merged))
    }

    @Test("replications.csv: header only, conflicting duplicates, NaN, nan, hex, unknown parameters, a listed parameter without rows, a lost row")
    func records() throws {
        try Self.expectRefused("replications.csv", "no rows for 3 of the 3") { _ in ReplicationCSV.header.joined(separator: ",") + "\n" }
        try Self.expectRefused("replications.csv", "recorded again") { text in
            let lines = text.split(separator: "\n").map(String.init)
            var fields = lines[1].split(separator: ",").map(String.init)
            fields[3] = "1.5"
            return text + fields.joined(separator: ",") + "\n"
        }
        for bad in ["NaN", "nan", "Inf", "0x10", "1e308"] {
            try Self.expectRefused("replications.csv", "replications.csv:2:4") { text in
                var lines = text.split(separator: "\n").map(String.init)
                var fields = lines[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                fields[3] = bad
                lines[1] = fields.joined(separator: ",")
                return lines.joined(separator: "\n") + "\n"
            }
        }
        try Self.expectRefused("replications.csv", "does not list") { $0.replacingOccurrences(of: ",sigma,", with: ",sigmaa,") }
        // A truncated file that lost its last row: every replication and parameter is still present.
        try Self.expectRefused("replications.csv", "but shard.json records 9: rows were lost") { text in
            text.split(separator: "\n").dropLast().joined(separator: "\n") + "\n"
        }
        try Self.expectRefused("replications.csv", "no row for parameter 'sigma', which shard.json lists") { text in
            text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.contains(",sigma,") }.joined(separator: "\n")
        }
        try Self.expectRefused("replications.csv", "replications.csv:1:1") { "replication,parameter\n" + $0 }
    }

    @Test("an identical duplicate row is collapsed")
    func identicalDuplicate() throws {
        let (first, second, merged) = try Self.shards()
        let single = TemporaryDirectory.path()
        defer { for path in [first, second, merged, single] { try? FileManager.default.removeItem(atPath: path) } }
        let path = second + "/replications.csv"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try (text + text.split(separator: "\n")[1] + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        _ = try ShardMerger.merge(shards: [first, second], into: merged)
        _ = try ResumeTests.run(ResumeTests.allocation, into: single)
        #expect(try AllocationEfficiencyPipelineTests.read(merged, "recovery.csv") == AllocationEfficiencyPipelineTests.read(single, "recovery.csv"))
    }

    @Test("shard.json: impossible shard numbers, level, version, missing keys, not JSON; an edited scenario.toml")
    func manifest() throws {
        let edits: [(String, String, String)] = [
            ("\"shard\" : 2", "\"shard\" : 0", "need 1 ≤ shard ≤ shards"),
            ("\"shards\" : 2", "\"shards\" : -3", "need 1 ≤ shard ≤ shards"),
            ("\"level\" : 0.95", "\"level\" : 2", "level = 2.0"),
            ("\"version\" : 3", "\"version\" : 2", "version 2"),
            ("\"estimateCount\" : 9", "\"estimateCount\" : -1", "estimateCount = -1 is negative"),
            ("\"totalReplications\" : 6", "\"totalReplications\" : 8", "do not match"),
            ("\"totalReplications\" : 6", "\"totalReplications\" : -1", "outside 0…1000000"),
            ("\"shard\" : 2", "\"shard\" : \"two\"", "'shard' is not an integer"),
            ("\"shard\" : 2,", "", "key 'shard' is missing"),
        ]
        for (old, new, expected) in edits {
            try Self.expectRefused("shard.json", expected) { $0.replacingOccurrences(of: old, with: new) }
        }
        try Self.expectRefused("shard.json", "not valid JSON") { String($0.prefix(20)) }
        try Self.expectRefused("scenario.toml", "one of them was edited") { $0.replacingOccurrences(of: "firms_per_region = 1000", with: "firms_per_region = 1001") }
    }
}
