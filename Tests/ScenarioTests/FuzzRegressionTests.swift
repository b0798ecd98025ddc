import MonteCarlo
import Foundation
import Scenario
import Testing
import TestSupport

/// Replays the minimized inputs the libFuzzer targets found (`Tests/Fuzz/<target>/regressions`,
/// docs/fuzzing.md) through the same entry points as the fuzz targets in `Tests/Fuzz/Harness`:
/// every input must be answered, with a value or a thrown error, without crashing the process.
///
/// A test whose folder still holds an input that crashes is disabled with the defect it waits for;
/// once the parser is fixed, drop the `.disabled` trait.
@Suite("fuzz regressions")
struct FuzzRegressionTests {
    /// The files of `Tests/Fuzz/<target>/regressions`, by name, with their bytes.
    static func regressions(_ target: String) throws -> [(name: String, bytes: [UInt8])] {
        let folder = Repository.url("Tests/Fuzz/\(target)/regressions")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasPrefix(".") }.sorted()
        return try names.map { name in (name, [UInt8](try Data(contentsOf: folder.appendingPathComponent(name)))) }
    }

    /// What the scenario fuzz target does with one input: decode, validate and fingerprint it.
    static func scenario(_ bytes: [UInt8]) -> String {
        guard let text = String(validating: bytes, as: UTF8.self) else { return "not UTF-8" }
        do {
            let scenario = try ScenarioLoader.parse(text: text, fileName: "fuzz.toml")
            return ScenarioFingerprint.of(scenario, replications: scenario.montecarlo.replications)
        } catch {
            return error.description
        }
    }

    /// What the checkpoint fuzz target does with one input (the identity of `CheckpointFuzz.swift`).
    static func checkpoint(_ bytes: [UInt8]) -> String {
        guard let text = String(validating: bytes, as: UTF8.self) else { return "not UTF-8" }
        do {
            let identity = "fingerprint 0000000000000000, shard all"
            return "\(try Checkpoint.parse(text, path: "fuzz.checkpoint.csv", identity: identity).count) entries"
        } catch {
            return error.description
        }
    }

    @Test("scenario inputs that crashed the decoder are answered")
    func scenarioRegressions() throws {
        let inputs = try Self.regressions("scenario")
        #expect(inputs.map(\.name) == [
            "byte-order-mark-before-control-character-in-header", "deep-array-nesting", "deep-inline-table-nesting",
        ])
        for input in inputs {
            #expect(Self.scenario(input.bytes).contains("error: "), "\(input.name): an error, not a scenario")
        }
    }

    @Test("checkpoint inputs that crashed the reader are answered")
    func checkpointRegressions() throws {
        let inputs = try Self.regressions("checkpoint")
        #expect(inputs.map(\.name) == ["estimate-count-overflow"])
        for input in inputs {
            #expect(Self.checkpoint(input.bytes).contains("fuzz.checkpoint.csv"), "\(input.name): an error naming the file")
        }
    }
}
