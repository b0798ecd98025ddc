import Estimation
import Testing

@Suite("formula parser: located errors")
struct FormulaErrorTests {
    /// (formula, offset, length, message)
    static let cases: [(String, Int, Int, String)] = [
        // empty formula, missing or misplaced '~'
        ("", 0, 0, "the formula is empty"),
        ("y x", 2, 1, "expected '~' after the dependent variable, found 'x'"),
        ("y", 1, 0, "expected '~' after the dependent variable, found the end of the formula"),
        ("~ x", 0, 1, "expected the dependent variable before '~'"),
        ("y ~ x ~ z", 6, 1, "a second '~': instruments go in the last part, as in y ~ x | endo ~ inst"),
        // empty right-hand side, dangling '+'
        ("y ~", 3, 0, "expected a variable name after '~'"),
        ("y ~ | fe", 4, 1, "expected a variable name after '~'"),
        ("y ~ x1 + + x2", 9, 1, "expected a variable name after '+'"),
        ("y ~ x +", 7, 0, "expected a variable name after '+'"),
        ("y ~ x | fe +", 12, 0, "expected a variable name after '+'"),
        ("y ~ x | fe^", 11, 0, "expected a variable name after '^'"),
        // parentheses
        ("y ~ log(x", 7, 1, "'(' is never closed"),
        ("y ~ I(x^2", 5, 1, "'(' is never closed"),
        ("y ~ x)", 5, 1, "unmatched ')'"),
        ("y ~ log(x))", 10, 1, "unmatched ')'"),
        ("y ~ x + )", 8, 1, "unmatched ')'"),
        ("y ~ (x)", 4, 1, "'(' may only follow a function name: log, exp, sqrt, abs or I"),
        ("y ~ log(x + 1)", 10, 1, "expected ')' to close 'log(': log() takes a single variable"),
        // functions and powers
        ("y ~ foo(x)", 4, 3, "unknown function 'foo'; expected log, exp, sqrt, abs, I, or the panel operators l, f, d"),
        ("y ~ i(x)", 4, 1, "'i()' is not supported yet"),
        ("y ~ csw(x, z)", 4, 3, "'csw()' makes several models and cannot be used here"),
        ("y ~ I(x^2.5)", 8, 3, "the power in I() must be an integer, found '2.5'"),
        ("y ~ I(x^a)", 8, 1, "the power in I() must be an integer, found 'a'"),
        ("y ~ I(x^0)", 8, 1, "a power of 0 is a constant, not a regressor"),
        ("y ~ I(x)", 6, 1, "I() supports only an integer power such as I(x^2)"),
        ("y ~ I(x + z)", 8, 1, "I() supports only an integer power such as I(x^2)"),
        // '^' outside the fixed-effect part
        ("y ~ x^2", 5, 1, "'^' combines fixed effects after '|'; write a power as I(x^2)"),
        ("y ~ log(x^2)", 9, 1, "'^' combines fixed effects after '|'; write a power as I(x^2)"),
        ("y ~ x | d ~ z^2", 13, 1, "'^' combines fixed effects after '|'; write a power as I(x^2)"),
        // fixed-effect part
        ("y ~ x | log(fe)", 8, 3, "a fixed effect is a variable or a combination such as a^b, not a function call"),
        ("y ~ x | a^exp(b)", 10, 3, "a fixed effect is a variable or a combination such as a^b, not a function call"),
        ("y ~ x | a:b", 9, 1, "combine fixed effects with '^', not ':'"),
        ("y ~ x | 0 + fe", 8, 1, "'0' after '|' means no fixed effects and cannot be combined with others"),
        ("y ~ x | fe[x]", 10, 1, "varying slopes such as fe[x] are not supported"),
        // trailing garbage and stray tokens
        ("y ~ x z", 6, 1, "unexpected 'z' in the right-hand side; join terms with '+'"),
        ("y ~ x | fe fe2", 11, 3, "unexpected 'fe2' in the fixed effects; join terms with '+'"),
        ("y ~ x ,", 6, 1, "unexpected ',' in the right-hand side"),
        ("y ~ x | a | b", 10, 1, "too many '|': the most a formula has is y ~ x | fe | endo ~ inst"),
        ("y ~ x | d ~ z | fe", 14, 1, "the IV part (endo ~ inst) must be the last part of the formula"),
        ("y ~ x - z", 8, 1, "only '-1' (drop the intercept) can follow '-'"),
        ("y ~ x + 2", 8, 1, "expected a variable name, '0' or '1', found '2'"),
        ("y ~ x + 1a", 9, 1, "unexpected 'a' in the right-hand side; join terms with '+'"),
        ("y ~ x + é€", 9, 1, "unexpected character '€'"),
        // backquotes
        ("y ~ `x + z", 4, 6, "unterminated backquote: the name has no closing '`'"),
        ("y ~ ``", 4, 2, "empty backquoted name"),
        // dependent variable on the right-hand side
        ("y ~ x + y", 8, 1, "the dependent variable 'y' is also on the right-hand side"),
        ("log(y) ~ x + log(y)", 13, 6, "the dependent variable 'log(y)' is also on the right-hand side"),
        ("y ~ x | y ~ z", 8, 1, "the dependent variable 'y' is also on the right-hand side"),
        // a regressor absorbed by a fixed effect
        ("y ~ x + fe | fe", 8, 2,
         "'fe' is absorbed by the fixed effect 'fe'; remove it from the regressors or from the fixed effects"),
        ("y ~ x + year | plant^year", 8, 4,
         "'year' is absorbed by the fixed effect 'plant^year'; remove it from the regressors or from the fixed effects"),
        ("y ~ log(fe) | fe", 4, 7,
         "'log(fe)' is absorbed by the fixed effect 'fe'; remove it from the regressors or from the fixed effects"),
        // inconsistent IV parts
        ("y ~ x | x ~ z", 8, 1, "'x' is both an exogenous regressor and endogenous"),
        ("y ~ x | d ~ x", 12, 1,
         "'x' is an exogenous regressor, which already instruments itself; list only excluded instruments after '~'"),
        ("y ~ w | d ~ d", 12, 1, "'d' is endogenous and cannot instrument itself"),
        ("y ~ w | d ~ 1", 12, 1, "expected a variable name after '~'"),
    ]

    @Test("each malformed formula throws at the offending token", arguments: cases)
    func located(_ example: (String, Int, Int, String)) {
        let (text, offset, length, message) = example
        #expect(throws: FormulaError(source: text, offset: offset, length: length, message: message)) {
            try FormulaParser.parse(text)
        }
    }

    @Test("description: message, indented source, caret under the token")
    func description() {
        let error = FormulaError(source: "y ~ x1 + + x2", offset: 9, length: 1, message: "expected a variable name after '+'")
        #expect(error.description == """
            error in formula: expected a variable name after '+'
              y ~ x1 + + x2
                       ^
            """)
        let wide = FormulaError(source: "y ~ foo(x)", offset: 4, length: 3, message: "m")
        #expect(wide.description == "error in formula: m\n  y ~ foo(x)\n      ^^^")
        let atEnd = FormulaError(source: "y ~", offset: 3, length: 0, message: "m")
        #expect(atEnd.description == "error in formula: m\n  y ~\n     ^")
    }

    @Test("carets count characters, not bytes, in Unicode input")
    func unicodeCaret() throws {
        let text = "né ~ 😀x"
        let error = try #require(throws: FormulaError.self) { try FormulaParser.parse(text) }
        #expect(error.offset == 5)
        #expect(error.description == "error in formula: unexpected character '😀'\n  né ~ 😀x\n       ^")
        let combining = "e\u{301} ~ x + + z"   // 'é' as e + combining accent: one character
        let second = try #require(throws: FormulaError.self) { try FormulaParser.parse(combining) }
        #expect(second.offset == 8)
    }

    @Test("line breaks and tabs are shown as spaces so the caret lines up")
    func multiline() throws {
        let error = try #require(throws: FormulaError.self) { try FormulaParser.parse("y ~ x +\n\t+ z") }
        #expect(error.offset == 9)
        #expect(error.description == "error in formula: expected a variable name after '+'\n  y ~ x +  + z\n           ^")
    }
}
