import Foundation
import MonteCarlo
@testable import Scenario
import Testing
import TestSupport

/// `--resume` trusts nothing it did not write: every edit of a checkpoint that could change a result
/// is refused with the file and line, and the checkpoint is kept for the user to inspect.
@Suite("checkpoints are parsed strictly", .serialized)
struct CheckpointStrictnessTests {
    /// An interrupted allocation-efficiency run (3 of 6 replications done): its output folder and checkpoint text.
    static func interrupted() throws -> (directory: String, checkpoint: String, text: String) {
        let directory = TemporaryDirectory.path()
        #expect(throws: ReplicationPlan.Interruption.self) { try ResumeTests.run(ResumeTests.allocation, into: directory, interruptAfter: 3) }
        let checkpoint = Checkpoint.path(forOutput: directory)
        return (directory, checkpoint, try String(contentsOfFile: checkpoint, encoding: .utf8))
    }

    /// `text` with field `field` of record line `record` (0-based, after the two header lines) replaced.
    static func editing(_ text: String, record: Int, field: Int, to value: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var fields = ReplicationCSV.rows(in: lines[2 + record] + "\n").rows[0]
        fields[field] = value
        lines[2 + record] = fields.map(ReplicationCSV.text).joined(separator: ",")
        return lines.joined(separator: "\n")
    }

    /// Resuming from `text` fails with a ``CheckpointError`` whose message contains every `expected` text.
    static func expectRefused(_ text: String, _ expected: String..., comment: String) throws {
        let (directory, checkpoint, _) = try interrupted()
        defer { for path in [directory, checkpoint] { try? FileManager.default.removeItem(atPath: path) } }
        try text.write(toFile: checkpoint, atomically: true, encoding: .utf8)
        do {
            _ = try ResumeTests.run(ResumeTests.allocation, into: directory, resume: true)
            Issue.record("\(comment): the edited checkpoint was accepted")
        } catch let error as CheckpointError {
            for part in expected { #expect(error.description.contains(part), "\(comment): \(error.description)") }
            #expect(error.description.contains(checkpoint))
        }
        #expect(try String(contentsOfFile: checkpoint, encoding: .utf8) == text, "\(comment): a refused checkpoint is kept")
    }

    @Test("edited numbers: nan, inf, 1e308, 0x10, -1, a negative or infinite SE")
    func editedNumbers() throws {
        let (directory, checkpoint, text) = try Self.interrupted()
        defer { for path in [directory, checkpoint] { try? FileManager.default.removeItem(atPath: path) } }
        // Fields: r, status, failure, extra, n, then (parameter, truth, estimate, se) per estimate.
        for (field, value) in [(7, "nan"), (7, "NaN"), (7, "inf"), (7, "Inf"), (7, "1e308"), (7, "0x10"), (7, "16"),
                               (8, "-1.0"), (8, "-1"), (6, "NaN"), (8, "Inf"), (0, "1.0"), (0, "+1"), (4, "02")] {
            try Self.expectRefused(Self.editing(text, record: 1, field: field, to: value), "line 4", comment: "field \(field) = \(value)")
        }
    }

    @Test("renamed parameters, out-of-range and conflicting duplicate records are refused; identical duplicates collapse")
    func structure() throws {
        let (directory, checkpoint, text) = try Self.interrupted()
        defer { for path in [directory, checkpoint] { try? FileManager.default.removeItem(atPath: path) } }
        // Records are in completion order, so one of them is the replication computed again: a rename
        // is reported as a rename in every record, that one included.
        for record in 0..<3 {
            try Self.expectRefused(Self.editing(text, record: record, field: 5, to: "kappa"), "does not estimate", "line \(3 + record): replication", comment: "renamed in record \(record)")
        }
        try Self.expectRefused(Self.editing(text, record: 2, field: 0, to: "99"), "does not belong", comment: "out of range")
        let lines = text.split(separator: "\n").map(String.init)
        let conflicting = Self.editing(text, record: 1, field: 0, to: ReplicationCSV.rows(in: lines[2] + "\n").rows[0][0])
        try Self.expectRefused(conflicting, "recorded again", comment: "conflicting duplicate")
        try Self.expectRefused(text.replacingOccurrences(of: ",ok,", with: ",done,"), "not ok or failed", comment: "status")

        // An identical duplicate line is harmless: the resumed run equals an uninterrupted one.
        try (text + lines[3] + "\n").write(toFile: checkpoint, atomically: true, encoding: .utf8)
        _ = try ResumeTests.run(ResumeTests.allocation, into: directory, resume: true)
        let full = TemporaryDirectory.path()
        defer { try? FileManager.default.removeItem(atPath: full) }
        _ = try ResumeTests.run(ResumeTests.allocation, into: full)
        try ResumeTests.expectIdenticalFolders(full, directory)
    }

    @Test("a plausible edit of a value is caught by recomputing the first restored replication")
    func recomputation() throws {
        let (directory, checkpoint, text) = try Self.interrupted()
        defer { for path in [directory, checkpoint] { try? FileManager.default.removeItem(atPath: path) } }
        // The replication computed again is the lowest-numbered restored one; records are in
        // completion order, which varies with the threads' timing, so find its line.
        let records = text.split(separator: "\n").dropFirst(2).map { ReplicationCSV.rows(in: $0 + "\n").rows[0] }
        let record = try #require(records.indices.min { (Int(records[$0][0]) ?? .max) < (Int(records[$1][0]) ?? .max) })
        let nudged = ReplicationCSV.number((Double(records[record][7]) ?? 0) * 1.01)
        try Self.expectRefused(Self.editing(text, record: record, field: 7, to: nudged), "computed again", "line \(3 + record): replication", comment: "nudged estimate")
    }

    @Test("non-UTF-8 bytes and a folder in the checkpoint's place give located messages, not Cocoa errors")
    func unreadable() throws {
        let (directory, checkpoint, text) = try Self.interrupted()
        defer { for path in [directory, checkpoint] { try? FileManager.default.removeItem(atPath: path) } }
        var bytes = Data(text.utf8)
        bytes.append(contentsOf: [0xFF, 0xFE, 0x0A])
        try bytes.write(to: URL(fileURLWithPath: checkpoint))
        for resume in [true, false] {
            do {
                _ = try ResumeTests.run(ResumeTests.allocation, into: directory, resume: resume)
                if resume { Issue.record("non-UTF-8 checkpoint accepted") }
            } catch let error as CheckpointError {
                #expect(error.description.contains("UTF-8") && !error.description.contains("NSCocoaErrorDomain"))
            }
        }
        try? FileManager.default.removeItem(atPath: checkpoint)
        try? FileManager.default.removeItem(atPath: directory)
        try FileManager.default.createDirectory(atPath: checkpoint, withIntermediateDirectories: false)
        do {
            _ = try ResumeTests.run(ResumeTests.allocation, into: directory, resume: true)
            Issue.record("a folder was read as a checkpoint")
        } catch let error as CheckpointError {
            #expect(error.description.contains("folder") && !error.description.contains("NSCocoaErrorDomain"))
        }
    }

    @Test("an estimate count near Int.max is refused, not an arithmetic overflow (found by the checkpoint fuzz target)")
    func hugeCount() {
        for count in ["9223372036854775807", "4611686018427387904", "2305843009213693952", "1"] {
            if case .success = CheckpointEntry.parse(["0", "ok", "", "", count]) { Issue.record("count \(count) accepted") }
        }
    }

    @Test("records with non-finite values never reach a checkpoint or replications.csv: they become failures")
    func finiteRecords() {
        let record = ReplicationRecord(replication: 4, estimates: [
            ParameterEstimate(parameter: "a", truth: 1, estimate: 1.5, standardError: 0.1),
            ParameterEstimate(parameter: "b", truth: 1, estimate: .nan, standardError: 0.1),
            ParameterEstimate(parameter: "c", truth: 1, estimate: 2, standardError: -.infinity),
        ])
        let cleaned = ReplicationPlan.finite(PlainReplicate(record: record, failure: nil))
        #expect(cleaned.record.estimates.map(\.parameter) == ["a"])
        #expect(cleaned.failure?.failures.map(\.label) == ["b", "c"])
        #expect(cleaned.failure?.lines.first == "b: the estimate nan, standard error 0.1 or truth 1.0 is not a finite number")
        let earlier = ReplicationFailure([BlockFailure(label: "x", kind: .estimation(message: "no variation"))])
        let untouched = PlainReplicate(record: ReplicationRecord(replication: 1, estimates: [record.estimates[0]]), failure: earlier)
        #expect(ReplicationPlan.finite(untouched).failure == earlier)
        let appended = ReplicationPlan.finite(PlainReplicate(record: record, failure: earlier)).failure
        #expect(appended?.failures.map(\.label) == ["x", "b", "c"])
    }
}
