import Estimation
import Foundation
import PanelData
import Testing

/// `l()`, `f()` and `d()` in formulas: names, ranges, nesting, located errors, and evaluation that
/// never lags across a gap and refers to the whole data whatever rows are later kept.
@Suite("formula panel operators")
struct PanelOperatorParsingTests {
    @Test func termsAndNames() throws {
        let formula = try FormulaParser.parse("d(y) ~ l(x, 1:3) + f(z) + l(w, -2) + log(l(v, 2)) + l(log(v)) + d(u, 2) + l(x, 2:1)")
        #expect(formula.dependent.description == "d(y)")
        #expect(formula.regressors.map(\.description) == [
            "l(x, 1)", "l(x, 2)", "l(x, 3)", "f(z, 1)", "f(w, 2)", "log(l(v, 2))", "l(log(v), 1)", "d(u, 2)",
        ])
        #expect(formula.usesPanelOperator)
        #expect(try !FormulaParser.parse("y ~ x").usesPanelOperator)
        // l(x, 0) is x itself: written next to x it is the same regressor.
        #expect(try FormulaParser.parse("y ~ x + l(x, 0)").regressors.count == 1)
        // A column named l, f or d is still a variable.
        #expect(try FormulaParser.parse("y ~ l + f + d").regressors.map(\.description) == ["l", "f", "d"])
    }

    static let errors: [(String, Int, Int, String)] = [
        ("y ~ l(x, 1:2):z", 13, 1, "'l(…, a:b)' makes several regressors and cannot be interacted; write each lag as its own term, e.g. l(x, 1):z + l(x, 2):z"),
        ("y ~ log(l(x, 1:2))", 8, 1, "a range of periods makes several regressors, so 'l(…, a:b)' must be a term of its own (joined by '+'), not inside a function or an interaction"),
        ("y ~ l(x, k)", 9, 1, "the periods of l() must be an integer or a range a:b of integers (at most 6 digits), found 'k'"),
        ("y ~ f(x, 1.5)", 9, 3, "the periods of f() must be an integer or a range a:b of integers (at most 6 digits), found '1.5'"),
        ("y ~ l(x, 1:500)", 9, 1, "the range 1:500 has more than 100 periods"),
        ("y ~ d(x, 1, 2)", 10, 1, "expected ')' to close 'd(': write d(x), d(x, k) or d(x, a:b)"),
        ("y ~ l(x, 1", 5, 1, "'(' is never closed"),
        ("y ~ l(x, 1234567)", 9, 7, "the periods of l() must be an integer or a range a:b of integers (at most 6 digits), found '1234567'"),
    ]

    @Test("located errors", arguments: errors)
    func located(_ example: (String, Int, Int, String)) {
        let (text, offset, length, message) = example
        #expect(throws: FormulaError(source: text, offset: offset, length: length, message: message)) {
            try FormulaParser.parse(text)
        }
    }

    /// Unit a: t = 1, 2, 4 (gap at 3); unit b: t = 2, 3, in shuffled order.
    static func data() throws -> Dataset {
        try Dataset(columns: [
            .factor("id", labels: ["a", "b", "a", "b", "a"]),
            .int("t", [4, 3, 1, 2, 2]),
            .double("x", [40, 30, 10, 20, 20.5]),
        ])
    }

    @Test func evaluationFollowsTheTimeIndex() throws {
        let data = try Self.data()
        let panel = try PanelStructure(data, unit: "id", time: "t")
        let lag = try FormulaParser.parse("y ~ l(x)").regressors[0].evaluate(in: data, panel: panel)
        #expect(lag[0].isNaN)  // a at t = 4: t = 3 is a gap
        #expect(lag[1] == 20 && lag[4] == 10 && lag[2].isNaN && lag[3].isNaN)
        let difference = try FormulaParser.parse("y ~ d(x)").regressors[0].evaluate(in: data, panel: panel)
        #expect(difference[1] == 10 && difference[4] == 10.5)
        let lead = try FormulaParser.parse("y ~ f(log(x))").regressors[0].evaluate(in: data, panel: panel)
        #expect(lead[2] == Foundation.log(20.5))
        #expect(throws: TermEvaluationError.panelRequired(term: "l(x, 1)")) {
            try FormulaParser.parse("y ~ l(x)").regressors[0].evaluate(in: data)
        }
    }

    @Test func columnsAreComputedOnTheWholeDataBeforeRowsAreSelected() throws {
        let data = try Self.data()
        let formula = try FormulaParser.parse("x ~ l(x)")
        let full = try PanelOperatorColumns.adding(to: data, for: [formula], panel: PanelDeclaration(unit: "id", time: "t"))
        // Keep only t ≥ 2: the lag of (a, 2) still refers to (a, 1), which is no longer in the rows.
        let kept = full.filter { row in (try? data.ints("t")[row] >= 2) ?? false }
        let lag = try formula.regressors[0].evaluate(in: kept)
        #expect(lag.filter { !$0.isNaN } == [20, 10])
        #expect(throws: TermEvaluationError.panelRequired(term: "l(x, 1)")) {
            _ = try PanelOperatorColumns.adding(to: data, for: [formula], panel: nil)
        }
        #expect(throws: PanelDataError.unknownColumn(name: "year", suggestion: nil)) {
            _ = try PanelOperatorColumns.adding(to: data, for: [formula], panel: PanelDeclaration(unit: "id", time: "year"))
        }
    }
}

