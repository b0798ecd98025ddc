import Estimation
import Testing

@Suite("formula parser: multiple estimation (sw, sw0, csw, csw0, c)")
struct FormulaExpansionTests {
    /// (formula, the concrete formulas it expands to, in order)
    static let cases: [(String, [String])] = [
        ("y ~ x", ["y ~ x"]),
        ("y ~ x1 + sw(a, b)", ["y ~ x1 + a", "y ~ x1 + b"]),
        ("y ~ x1 + sw0(a, b)", ["y ~ x1", "y ~ x1 + a", "y ~ x1 + b"]),
        ("y ~ x1 + csw(a, b, c2)", ["y ~ x1 + a", "y ~ x1 + a + b", "y ~ x1 + a + b + c2"]),
        ("y ~ x1 + csw0(a, b)", ["y ~ x1", "y ~ x1 + a", "y ~ x1 + a + b"]),
        ("y ~ csw0(a, b)", ["y ~ 1", "y ~ a", "y ~ a + b"]),
        ("y ~ sw0(a, b) + x1", ["y ~ x1", "y ~ a + x1", "y ~ b + x1"]),
        ("y ~ x1 + sw0(a) + x2 | fe", ["y ~ x1 + x2 | fe", "y ~ x1 + a + x2 | fe"]),
        ("y ~ sw(log(a), a:b)", ["y ~ log(a)", "y ~ a:b"]),
        ("y ~ csw(a, b + d)", ["y ~ a", "y ~ a + b + d"]),
        ("y ~ x | sw0(f1, f2)", ["y ~ x", "y ~ x | f1", "y ~ x | f2"]),
        ("y ~ x | csw(f1, f2^f3)", ["y ~ x | f1", "y ~ x | f1 + f2^f3"]),
        ("y ~ x | f0 + csw0(f1)", ["y ~ x | f0", "y ~ x | f0 + f1"]),
        ("y ~ x | sw0(f1) | d ~ z", ["y ~ x | d ~ z", "y ~ x | f1 | d ~ z"]),
        ("c(y1, y2) ~ x", ["y1 ~ x", "y2 ~ x"]),
        ("y1 + log(y2) ~ x", ["y1 ~ x", "log(y2) ~ x"]),
        // fixest's order: fixed effects outermost, then dependent variables, then the right-hand side
        ("c(y1, y2) ~ x + csw(a, b) | sw0(f)", [
            "y1 ~ x + a", "y1 ~ x + a + b", "y2 ~ x + a", "y2 ~ x + a + b",
            "y1 ~ x + a | f", "y1 ~ x + a + b | f", "y2 ~ x + a | f", "y2 ~ x + a + b | f",
        ]),
    ]

    @Test("each rule gives the listed concrete formulas, each parsed with that source", arguments: cases)
    func expands(_ formula: String, _ expected: [String]) throws {
        #expect(try FormulaParser.expandedSources(formula) == expected)
        let models = try FormulaParser.expand(formula)
        #expect(models.map(\.source) == expected)
        #expect(models == (try expected.map(FormulaParser.parse)))
    }

    /// (formula, offset, length, message)
    static let errors: [(String, Int, Int, String)] = [
        ("y ~ sw(a, b) + csw(c1)", 15, 7, "only one stepwise function per part: 'csw()' follows 'sw()' in the same part"),
        ("y ~ sw()", 4, 4, "'sw()' needs at least one variable"),
        ("y ~ sw(a, , b)", 10, 1, "empty argument in 'sw()'"),
        ("y ~ sw(a,)", 9, 1, "empty argument in 'sw()'"),
        ("y ~ sw(a, csw(b))", 10, 3, "'csw()' cannot be nested inside 'sw()'"),
        ("y ~ sw(a, b", 6, 1, "'(' is never closed"),
        ("y ~ x:sw(a, b)", 6, 8, "'sw()' must be a whole term, joined to the others with '+'"),
        ("y ~ log(sw(a, b))", 8, 8, "'sw()' must be a whole term, joined to the others with '+'"),
        ("y ~ x | sw(f1, f2)^year", 8, 10, "'sw()' must be a whole term, joined to the others with '+'"),
        ("sw(y1, y2) ~ x", 0, 10,
         "'sw()' belongs on the right-hand side or in the fixed effects; list several dependent variables with c(y1, y2)"),
        ("y ~ c(a, b)", 4, 7, "c() lists dependent variables and belongs on the left of '~'"),
        ("log(c(y1, y2)) ~ x", 4, 9, "c() must be the whole left-hand side, as in c(y1, y2) ~ x"),
        ("y ~ x | d ~ sw(z1, z2)", 12, 10, "stepwise functions are not supported in the IV part"),
    ]

    @Test("misplaced, nested, empty or repeated functions are located with a caret", arguments: errors)
    func locatedErrors(_ formula: String, _ offset: Int, _ length: Int, _ message: String) {
        #expect(throws: FormulaError(source: formula, offset: offset, length: length, message: message)) {
            try FormulaParser.expand(formula)
        }
    }

    @Test("an error in one concrete model is located in that model's text")
    func concreteErrors() throws {
        let error = #expect(throws: FormulaError.self) { try FormulaParser.expand("y ~ sw(x, y)") }
        #expect(error?.source == "y ~ y")
    }

    @Test("parse still rejects a stepwise function outside expand")
    func parseRejects() {
        #expect(throws: FormulaError(source: "y ~ sw(a, b)", offset: 4, length: 2,
                                     message: "'sw()' makes several models and cannot be used here")) {
            try FormulaParser.parse("y ~ sw(a, b)")
        }
    }
}
