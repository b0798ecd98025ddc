import Foundation
import Testing
import TestSupport

/// Slow and optional tests are selected by their Swift Testing tag (`.slow`, `.paperScale`, `.timing`,
/// declared in Tests/TestSupport/Tags.swift) and the `.optIn` trait, not by environment variables of their own.
@Suite("architecture: opt-in tests")
struct OptInTagUsageTests {
    /// Environment variables tests may still read: the fuzz harness's and the folder that keeps sample plots.
    static let allowedVariables = ["HETFIRM_FUZZ", "HETFIRM_SAMPLE_PLOTS_DIR"]

    /// `(file, line number, line)` of every line of the Swift files under Tests/ (fixtures and fuzz corpora excluded).
    static func testLines() throws -> [(file: String, number: Int, text: String)] {
        let tests = Repository.url("Tests")
        guard let enumerator = FileManager.default.enumerator(at: tests, includingPropertiesForKeys: nil) else { return [] }
        var lines: [(String, Int, String)] = []
        for case let file as URL in enumerator where file.pathExtension == "swift" {
            let relative = "Tests/" + file.path.dropFirst(tests.path.count + 1)
            let text = try String(contentsOf: file, encoding: .utf8)
            for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                lines.append((relative, index + 1, String(line)))
            }
        }
        return lines
    }

    @Test("a test carrying an opt-in tag also carries .optIn on the same line, so it is skipped by default")
    func taggedTestsOptIn() throws {
        let names = Tag.optIn.map(OptInTags.name)
        var tagged = 0
        for (file, number, text) in try Self.testLines() where text.contains(".tags(") && !file.hasPrefix("Tests/TestSupport/") {
            guard names.contains(where: { text.contains(".\($0)") }) else { continue }
            tagged += 1
            #expect(text.contains(".optIn"), "\(file):\(number): opt-in tag without .optIn: \(text.trimmingCharacters(in: .whitespaces))")
        }
        #expect(tagged >= 6, "found \(tagged) opt-in tagged tests")
    }

    @Test("no test is switched on by an environment variable of its own (HETFIRM_TEST_TAGS selects the tags)")
    func noEnvironmentGates() throws {
        for (file, number, text) in try Self.testLines() where !file.hasPrefix("Tests/TestSupport/") && !file.hasPrefix("Tests/Fuzz/") {
            guard let range = text.range(of: "environment[\"HETFIRM_") else { continue }
            let variable = text[range.upperBound...].prefix { $0 != "\"" }
            let name = "HETFIRM_" + variable
            #expect(Self.allowedVariables.contains { name.hasPrefix($0) }, "\(file):\(number) reads \(name)")
        }
    }
}
