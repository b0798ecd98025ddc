import Foundation
import Testing
import TestSupport
@testable import Scenario
import struct Scenario.SourceLocation

@Suite("Robustness")
struct FuzzTests {
    static let pieces: [String] = [
        "[", "]", "[[", "]]", "{", "}", "\"", "'", "\"\"\"", "=", "#", ",", ".", "\n", " ", "-", "0", "1.5", "-1",
        "1e400", "nan", "inf", "true", "\"x\"", "[]", "{}", "sigma", "k", "count", "from", "to", "sweep", "model",
        "estimate", "9223372036854775807", "0x10", "1979-05-27", "é", "σ", "\t", "\\", "\u{0}",
    ]

    func mutate(_ text: String, _ rng: inout SplitMix64) -> String {
        var scalars = Array(text.unicodeScalars)
        for _ in 0..<(1 + rng.below(4)) {
            let position = rng.below(scalars.count + 1)
            switch rng.below(6) {
            case 0 where !scalars.isEmpty:   // delete a run
                let end = min(scalars.count, position + 1 + rng.below(6))
                if position < end { scalars.removeSubrange(position..<end) }
            case 1, 2:   // insert a piece
                scalars.insert(contentsOf: Self.pieces[rng.below(Self.pieces.count)].unicodeScalars, at: position)
            case 3:   // swap two lines
                var lines = String(String.UnicodeScalarView(scalars)).split(separator: "\n", omittingEmptySubsequences: false)
                if lines.count > 1 { lines.swapAt(rng.below(lines.count), rng.below(lines.count)) }
                scalars = Array(lines.joined(separator: "\n").unicodeScalars)
            case 4:   // duplicate a line
                var lines = String(String.UnicodeScalarView(scalars)).split(separator: "\n", omittingEmptySubsequences: false)
                if !lines.isEmpty { let line = lines[rng.below(lines.count)]; lines.insert(line, at: rng.below(lines.count + 1)) }
                scalars = Array(lines.joined(separator: "\n").unicodeScalars)
            default:   // truncate
                scalars = Array(scalars.prefix(position))
            }
        }
        return String(String.UnicodeScalarView(scalars))
    }

    @Test("random mutations of a valid file never crash: a Scenario or a located ScenarioError")
    func mutations() {
        // HETFIRM_FUZZ_ROUNDS / HETFIRM_FUZZ_SEED widen the search locally; the default run is quick.
        let environment = ProcessInfo.processInfo.environment
        let rounds = environment["HETFIRM_FUZZ_ROUNDS"].flatMap(Int.init) ?? 600
        var rng = SplitMix64(state: environment["HETFIRM_FUZZ_SEED"].flatMap(UInt64.init) ?? 20_261_121)
        var accepted = 0, rejected = 0
        for round in 0..<rounds {
            let text = mutate(fullScenario, &rng)
            // HETFIRM_FUZZ_DUMP=FILE keeps the latest input, to find the one that crashed the process.
            if let dump = environment["HETFIRM_FUZZ_DUMP"] { try? text.write(toFile: dump, atomically: false, encoding: .utf8) }
            let lineCount = text.split(separator: "\n", omittingEmptySubsequences: false).count
            do {
                let scenario = try ScenarioLoader.parse(text: text, fileName: "fuzz.toml")
                accepted += 1
                // Whatever was accepted must resolve and parse back identically.
                let again = try ScenarioLoader.parse(text: ResolvedScenarioWriter.toml(scenario), fileName: "again.toml")
                #expect(again.parameters == scenario.parameters, "round \(round)")
                #expect(again.sweep == scenario.sweep, "round \(round)")
            } catch {
                rejected += 1
                let location = error.location
                #expect(location != nil, "round \(round): \(error)")
                if let location {
                    #expect(location.line >= 1 && location.line <= lineCount + 1, "round \(round): \(error)")
                    #expect(location.column >= 1, "round \(round): \(error)")
                }
                #expect(!error.message.isEmpty && !error.fix.isEmpty, "round \(round)")
            }
        }
        #expect(accepted > 10 && rejected > 100)
    }

    @Test("input toml++ 3.4 would assert on is malformed TOML, located at the bad character",
          arguments: [("[{scenario]\nname = 1", 1, 2, "'{'"), ("x = 1\n[[ =a]]", 2, 4, "'='"),
                      ("[\nscenario]", 1, 2, "end of line"), ("[\r\nscenario]", 1, 2, "carriage return"),
                      ("x = = 1\n[{a]", 1, 5, "could not determine value type"),
                      ("x = [\n  1,}\n]", 2, 5, "saw '}'"), ("x = [[1, 2], [\u{2028}]]", 1, 15, "U+2028"),
                      ("[a]\nx = { y = 1979-05-27 5 }", 2, 11, "a date followed by a space"),
                      ("x = [1979-05-27 5]", 1, 6, "single digit")])
    func invalidHeaders(_ text: String, _ line: Int, _ column: Int, _ found: String) throws {
        let error = try #require(throws: ScenarioError.self) { try ScenarioLoader.parse(text: text, fileName: "h.toml") }
        #expect(error.kind == .malformedTOML)
        #expect(error.location == SourceLocation(file: "h.toml", line: line, column: column), "\(error)")
        #expect(error.message.contains(found))
    }

    @Test("CRLF line endings give the same locations")
    func crlf() throws {
        let text = (minimalScenario + "\n[model]\nsigma = 0.5\n").replacingOccurrences(of: "\n", with: "\r\n")
        let error = try #require(throws: ScenarioError.self) { try ScenarioLoader.parse(text: text, fileName: "c.toml") }
        #expect(error.location == SourceLocation(file: "c.toml", line: 5, column: 1))
        let valid = try ScenarioLoader.parse(text: fullScenario.replacingOccurrences(of: "\n", with: "\r\n"), fileName: "c.toml")
        #expect(valid.location(of: "estimate[0].vcov.cluster") == SourceLocation(file: "c.toml", line: 22, column: 13))
    }

    @Test("arbitrary text never crashes")
    func randomText() {
        var rng = SplitMix64(state: 7)
        for _ in 0..<200 {
            var text = ""
            for _ in 0..<rng.below(40) { text += Self.pieces[rng.below(Self.pieces.count)] }
            do { _ = try ScenarioLoader.parse(text: text, fileName: "r.toml") } catch { #expect(!error.message.isEmpty) }
            _ = SourceLocator(text: text, fileName: "r.toml").recordedPaths
        }
    }
}
