@testable import Pipelines
import Foundation
import MonteCarlo
@testable import Scenario
import Testing
import TestSupport

/// Replication failures are typed where the error is caught (``ReplicationFailure``), checkpointed as
/// JSON, worded once for the user, and never parsed back from text.
@Suite("typed replication failures", .serialized)
struct ReplicationFailureTests {
    /// Four replications of allocation-efficiency in which the block `absorbed` fails on every panel
    /// (its subsample has no variation in `m`) while `emp` runs.
    static let partial = ScenarioEstimateOptionsTests.scenario(
        formula: "log(employment) ~ log(phi0) | region^year", recover: "{ \"log(phi0)\" = \"truth.sigma_minus_one\" }")
        .replacingOccurrences(of: "replications = 1", with: "replications = 4")
        .replacingOccurrences(of: "panel = true", with: "panel = false\ngnuplot = false")
        + "\n\n[[estimate]]\nname = \"absorbed\"\nformula = \"employment ~ log(phi0) + m | region\"\nsample = \"m == 1\"\nrecover = { m = \"0\" }\n"

    static func record(_ replication: Int, _ parameters: String...) -> ReplicationRecord {
        ReplicationRecord(replication: replication, estimates: parameters.map {
            ParameterEstimate(parameter: $0, truth: 0, estimate: 0, standardError: 1)
        })
    }

    static func emptySample(_ block: String, rows: Int) -> BlockFailure {
        BlockFailure(label: block, kind: .emptySample(estimation: block, filter: "m > 9", rows: rows))
    }

    @Test("the warnings read as before: 'LABEL: reason' lines joined by '; ', whole-replication failures without a label")
    func wording() throws {
        let lost = try #require(ReplicationFailure([
            Self.emptySample("tail", rows: 40),
            BlockFailure(label: "iv", kind: .estimation(message: "no variation")),
        ]))
        let whole = ReplicationFailure(simulation: RunFailure(stage: "simulation", reason: "no firm enters"))
        let warnings = try ReplicationFailures.warnings([
            (Self.record(0, "emp: x"), lost), (Self.record(1), whole), (Self.record(2, "emp: x"), nil),
        ], hint: "lower k")
        #expect(warnings == [
            "1 of 3 replications produced no estimates (replications 1): \(whole.description); lower k",
            "1 of 3 replications lost some estimations (replications 0): "
                + "tail: [[estimate]] 'tail': no row of 40 passes sample = \"m > 9\"; iv: no variation; lower k",
        ])
        #expect(!whole.description.hasPrefix(":") && whole.failures.first?.label == nil)
        // A message of several lines stays on the warning's one line, as before.
        let caret = ReplicationFailure([BlockFailure(label: "f", kind: .estimation(message: "y ~ x +\n      ^ here"))])
        #expect(caret?.description == "f: y ~ x +;       ^ here")
    }

    @Test("a filter that empties the panel of every replication stops the run with that block's EmptySample")
    func everyPanelEmpty() throws {
        let outcomes: [(record: ReplicationRecord, failure: ReplicationFailure?)] = [
            (Self.record(0, "a: x"), ReplicationFailure([BlockFailure(label: "b", kind: .estimation(message: "singular")),
                                                         Self.emptySample("tail", rows: 40)])),
            (Self.record(1), ReplicationFailure([Self.emptySample("other", rows: 41), Self.emptySample("tail", rows: 41)])),
        ]
        do {
            _ = try ReplicationFailures.warnings(outcomes)
            Issue.record("no error")
        } catch let empty as EmptySample {
            #expect(empty.estimation == "tail" && empty.rows == 40 && empty.filter == "m > 9")
            #expect(empty.description == "[[estimate]] 'tail': no row of 40 passes sample = \"m > 9\"")
        }
        // One replication without the empty filter: a warning, not bad input.
        let mixed = [outcomes[0], (Self.record(1, "a: x"), ReplicationFailure([Self.emptySample("other", rows: 41)]))]
        #expect(try ReplicationFailures.warnings(mixed).count == 1)
    }

    @Test("a failure's checkpoint text is canonical JSON; anything else is refused")
    func checkpointText() throws {
        let failure = try #require(ReplicationFailure([
            Self.emptySample("tail", rows: 40),
            BlockFailure(label: "p", kind: .nonFinite(estimate: .nan, standardError: .infinity, truth: 1)),
        ]))
        let text = failure.checkpointText
        #expect(text.hasPrefix("{") && !text.contains("\n"))
        // The format of the seed in Tests/Fuzz/checkpoint/corpus/failed-replication-json.
        #expect(ReplicationFailure([Self.emptySample("tail", rows: 40)])?.checkpointText
                == #"{"failures":[{"kind":{"emptySample":{"estimation":"tail","filter":"m > 9","rows":40}},"label":"tail"}]}"#)
        #expect(ReplicationFailure(checkpointText: text)?.description == failure.description)
        for edited in ["", " " + text, text + " ", text.replacingOccurrences(of: ":", with: " : "), "{\"failures\":[]}",
                       "tail: [[estimate]] 'tail': no row of 40 passes sample = \"m > 9\"", "\"text\"", "[]"] {
            #expect(ReplicationFailure(checkpointText: edited) == nil, "accepted: \(edited)")
        }
    }

    @Test("the checkpoint fuzz seed with failed replications is a checkpoint hetfirm could have written")
    func fuzzSeed() throws {
        let path = Repository.url("Tests/Fuzz/checkpoint/corpus/failed-replication-json").path
        let entries = try Checkpoint.parse(String(contentsOfFile: path, encoding: .utf8), path: path,
                                           identity: "fingerprint 0000000000000000, shard all")
        #expect(entries.keys.sorted() == [0, 1, 2])
        #expect(entries[1]?.failure?.description == "tail: [[estimate]] 'tail': no row of 40 passes sample = \"m > 9\"")
        #expect(entries[2]?.failure?.description
                == "sigma: the estimate nan, standard error 0.1 or truth 4.0 is not a finite number; no firm enters")
    }

    @Test("partial failures are checkpointed typed: interrupted + resumed = uninterrupted, warnings included")
    func resumeWithFailures() throws {
        try ResumeTests.interruptAndResume(Self.partial, stop: 2)
        let directory = TemporaryDirectory.path()
        let checkpoint = Checkpoint.path(forOutput: directory)
        defer { for path in [directory, checkpoint] { try? FileManager.default.removeItem(atPath: path) } }
        #expect(throws: ReplicationPlan.Interruption.self) { try ResumeTests.run(Self.partial, into: directory, interruptAfter: 2) }
        let entries = try Checkpoint.parse(String(contentsOfFile: checkpoint, encoding: .utf8), path: checkpoint,
                                           identity: Self.identity(of: checkpoint))
        #expect(entries.count == 2)
        for entry in entries.values {
            let failure = try #require(entry.failure)
            #expect(failure.failures.map(\.label) == ["absorbed"])
            #expect(entry.record.estimates.map(\.parameter) == ["emp: log(phi0)"])
        }
    }

    @Test("a checkpoint whose failure is text (an earlier hetfirm) or whose ok record has a failure is refused at the line")
    func oldCheckpointsRefused() throws {
        let directory = TemporaryDirectory.path()
        let checkpoint = Checkpoint.path(forOutput: directory)
        defer { for path in [directory, checkpoint] { try? FileManager.default.removeItem(atPath: path) } }
        #expect(throws: ReplicationPlan.Interruption.self) { try ResumeTests.run(Self.partial, into: directory, interruptAfter: 2) }
        let text = try String(contentsOfFile: checkpoint, encoding: .utf8)
        let cases = [
            (CheckpointStrictnessTests.editing(text, record: 1, field: 2, to: "absorbed: no variation in m"), "earlier version"),
            (CheckpointStrictnessTests.editing(text, record: 1, field: 1, to: "ok"), "is ok but records the failure"),
        ]
        for (edited, expected) in cases {
            try edited.write(toFile: checkpoint, atomically: true, encoding: .utf8)
            do {
                _ = try ResumeTests.run(Self.partial, into: directory, resume: true)
                Issue.record("accepted: \(expected)")
            } catch let error as CheckpointError {
                #expect(error.description.contains("line 4") && error.description.contains(expected), "\(error.description)")
            }
            #expect(try String(contentsOfFile: checkpoint, encoding: .utf8) == edited, "a refused checkpoint is kept")
        }
    }

    /// The identity line of a checkpoint (its second line, without "# ").
    static func identity(of checkpoint: String) throws -> String {
        let text = try String(contentsOfFile: checkpoint, encoding: .utf8)
        return String(text.split(separator: "\n")[1].dropFirst(2))
    }
}
