import Estimation
import Foundation
import Testing

/// Issue 10 §2: `y ~ I(I(I(…x1…)))` 15,000 deep overflowed the stack of the recursive-descent parser
/// (a crash in `estimate` and `validate`). Nesting is now bounded before parsing, with a located error.
@Suite("formula parser: nesting limit")
struct FormulaNestingTests {
    static func nested(_ function: String, depth: Int, inner: String = "x1") -> String {
        "y ~ " + String(repeating: function + "(", count: depth) + inner + String(repeating: ")", count: depth)
    }

    @Test("15,000 nested I( is a located error at the first '(' past the limit")
    func deepPowers() throws {
        let text = Self.nested("I", depth: 15_000)
        let error = try #require(throws: FormulaError.self) { try FormulaParser.parse(text) }
        #expect(error.message == "parentheses nest deeper than 32 levels")
        // "y ~ " then 32 × "I(" then the 33rd "I(": its '(' is at 4 + 2 · 32 + 1.
        #expect(error.offset == 4 + 2 * 32 + 1)
        #expect(error.length == 1)
    }

    @Test("the same limit applies to multiple estimation (expand)")
    func deepInExpand() throws {
        let text = Self.nested("log", depth: 15_000)
        #expect(throws: FormulaError.self) { try FormulaParser.expand(text) }
    }

    @Test("32 levels still parse")
    func atTheLimit() throws {
        let formula = try FormulaParser.parse(Self.nested("log", depth: 32))
        #expect(formula.regressors.count == 1)
    }
}

@Suite("formula errors: long sources")
struct FormulaLongSourceTests {
    @Test("a long formula is shown as a window around the caret, not whole")
    func window() throws {
        let text = FormulaNestingTests.nested("I", depth: 15_000)
        let error = try #require(throws: FormulaError.self) { try FormulaParser.parse(text) }
        let lines = error.description.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 3)
        #expect(lines[1].count < 200)
        #expect(lines[1].hasSuffix("…"))
        // The caret still points at the 33rd '(' within the window.
        let caret = try #require(lines[2].firstIndex(of: "^"))
        let column = lines[2].distance(from: lines[2].startIndex, to: caret)
        #expect(Array(lines[1])[column] == "(")
        #expect(column == 2 + 4 + 2 * 32 + 1)
    }
}
