import Testing
@testable import Scenario
import struct Scenario.SourceLocation

@Suite("Source locator")
struct SourceLocatorTests {
    let text = """
        title = "a # b = c ] d"   # comment = [x]
        [a]
        x = 1
        b.c = 'lit ] = #'
        "quoted key" = 2
        [a.sub]
        y = [1, [2, 3], { z = 4 }]

        [[estimate]]
        name = \"\"\"
        multi [line] = # string
        \"\"\"
        vcov = { cluster = ["a", "b"] }

        [[estimate]]
        name = "second"
        [estimate.options]
        tol = 1e-8
        """

    func at(_ line: Int, _ column: Int) -> SourceLocation { SourceLocation(file: "l.toml", line: line, column: column) }

    @Test("keys, headers, dotted and quoted keys, arrays of tables and inline tables are located")
    func positions() {
        let locator = SourceLocator(text: text, fileName: "l.toml")
        #expect(locator.position(of: "title") == at(1, 1))
        #expect(locator.position(of: "a") == at(2, 1))
        #expect(locator.position(of: "a.x") == at(3, 1))
        #expect(locator.position(of: "a.b") == at(4, 1))
        #expect(locator.position(of: "a.b.c") == at(4, 1))
        #expect(locator.position(of: "a.\"quoted key\"") == at(5, 1))
        #expect(locator.position(of: "a.sub") == at(6, 1))
        #expect(locator.position(of: "a.sub.y[1]") == at(7, 9))
        #expect(locator.position(of: "a.sub.y[1][1]") == at(7, 13))
        #expect(locator.position(of: "a.sub.y[2].z") == at(7, 19))
        #expect(locator.position(of: "estimate[0]") == at(9, 1))
        #expect(locator.position(of: "estimate[0].name") == at(10, 1))
        #expect(locator.position(of: "estimate[0].vcov") == at(13, 1))
        #expect(locator.position(of: "estimate[0].vcov.cluster") == at(13, 10))
        #expect(locator.position(of: "estimate[0].vcov.cluster[1]") == at(13, 26))
        #expect(locator.position(of: "estimate[1]") == at(15, 1))
        #expect(locator.position(of: "estimate[1].name") == at(16, 1))
        #expect(locator.position(of: "estimate[1].options") == at(17, 1))
        #expect(locator.position(of: "estimate[1].options.tol") == at(18, 1))
        #expect(locator.position(of: "multi") == nil)   // inside a string
    }

    @Test("an unrecorded path falls back to its enclosing table")
    func fallback() {
        let locator = SourceLocator(text: text, fileName: "l.toml")
        #expect(locator.locate("a.sub.nothing") == at(6, 1))
        #expect(locator.locate("estimate[1].options.missing[3]") == at(17, 1))
        #expect(locator.locate("nowhere.at.all") == nil)
    }

    @Test("key paths quote keys that are not bare and split back")
    func keyPaths() {
        #expect(KeyPath.join("model", "a.b") == "model.\"a.b\"")
        #expect(KeyPath.parse("estimate[0].\"a.b\".c") == [.key("estimate"), .index(0), .key("a.b"), .key("c")])
        #expect(KeyPath.parent(of: "estimate[0].vcov") == "estimate[0]")
        #expect(KeyPath.parent(of: "estimate[0]") == "estimate")
        #expect(KeyPath.parent(of: "estimate") == "")
    }

    @Test("suggestions: edit distance ≤ 2 or a common prefix")
    func suggestions() {
        #expect(Suggestion.closest(to: "sigmaa", among: ["sigma", "k"]) == "sigma")
        #expect(Suggestion.closest(to: "replic", among: ["replications", "threads"]) == "replications")
        #expect(Suggestion.closest(to: "zzz", among: ["sigma", "k"]) == nil)
        #expect(Suggestion.fix(for: "zzz", among: ["a", "b"]) == "valid keys: 'a', 'b'")
    }
}
