import Foundation
import Testing
@testable import Scenario

/// Issue 10 §2: `x = [[[[…` 30,000 deep crashed `validate` (stack overflow in the TOML pre-scan) and
/// 4,000 nested inline tables took 11 s and 260 MB. The pre-scan now stops at the first level past
/// `SourceLocator.maximumNesting`, before toml++ or any recursive reader sees the text.
@Suite("scenario: TOML nesting limit")
struct NestingLimitTests {
    static let header = "[scenario]\nname = \"deep\"\nmodel = \"allocation-efficiency\"\n[model]\n"

    /// Loads `text`, returning the error and the seconds it took.
    static func failure(_ text: String) throws -> (error: ScenarioError, seconds: Double) {
        let start = Date()
        let error = try #require(throws: ScenarioError.self) { try ScenarioLoader.parse(text: text, fileName: "deep.toml") }
        return (error, Date().timeIntervalSince(start))
    }

    @Test("a 30,000-deep array is a located error, fast")
    func deepArray() throws {
        let text = Self.header + "x = " + String(repeating: "[", count: 30_000) + String(repeating: "]", count: 30_000) + "\n"
        let (error, seconds) = try Self.failure(text)
        #expect(error.kind == .malformedTOML)
        #expect(error.message.contains("nests deeper than 64 levels"))
        // `[model] x` is 2 deep, so the 63rd '[' (column 5 + 62) would open level 65.
        #expect(error.location?.line == 5)
        #expect(error.location?.column == 5 + 62)
        #expect(error.keyPath.hasPrefix("model.x[0][0]"))
        #expect(seconds < 1)
    }

    @Test("4,000 nested inline tables are a located error, fast")
    func deepInlineTables() throws {
        let text = Self.header + "x = " + String(repeating: "{ a = ", count: 4_000) + "1" + String(repeating: " }", count: 4_000) + "\n"
        let (error, seconds) = try Self.failure(text)
        #expect(error.kind == .malformedTOML)
        #expect(error.location?.line == 5)
        #expect(error.keyPath.hasPrefix("model.x.a.a"))
        #expect(seconds < 1)
    }

    @Test("a dotted key or a table header with thousands of parts is refused the same way")
    func longDottedKeys() throws {
        let parts = (0..<5_000).map { _ in "a" }.joined(separator: ".")
        let dotted = try Self.failure(Self.header + parts + " = 1\n")
        #expect(dotted.error.kind == .malformedTOML)
        #expect(dotted.error.location?.line == 5)
        let header = try Self.failure(Self.header + "[" + parts + "]\n")
        #expect(header.error.location?.line == 5)
        #expect(header.error.location?.column == 1)
    }

    @Test("ordinary nesting (arrays of arrays, inline tables in arrays of tables) still loads")
    func ordinaryNesting() throws {
        let text = """
            [scenario]
            name = "ok"
            model = "allocation-efficiency"
            [model]
            m_probabilities = [0.5, 0.5]
            [[estimate]]
            name = "markup"
            formula = "employment ~ domestic_sales | region^year"
            vcov = { cluster = ["region"] }
            """
        let scenario = try ScenarioLoader.parse(text: text, fileName: "ok.toml")
        #expect(scenario.estimations.count == 1)
    }
}
