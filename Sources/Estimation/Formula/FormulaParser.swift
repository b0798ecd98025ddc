/// Parses fixest-style formulas into `Formula` values.
///
/// Grammar (whitespace allowed between tokens):
///
///     formula     = term "~" rhs [ "|" fe ] [ "|" iv ]      (the part with "~" after "|" is iv)
///     rhs         = [ "-" ] summand { ("+" | "-") summand }  ("-" only before "1")
///     summand     = "0" | "1" | product
///     product     = interaction { "*" interaction }         (a*b = a + b + a:b)
///     interaction = atom { ":" atom }
///     atom        = name | fn "(" atom ")" | "I" "(" atom "^" ["-"] integer ")"
///     fn          = "log" | "exp" | "sqrt" | "abs"
///     fe          = "0" | "1" | feterm { "+" feterm }
///     feterm      = name { "^" name }
///     iv          = sum "~" sum                              (sum = product { "+" product })
///     name        = (letter | "_" | ".") { letter | digit | "_" | "." } | "`" { any but "`" } "`"
public enum FormulaParser {
    /// The formula written in `text`.
    ///
    /// - Throws: `FormulaError`, located at the offending token, for text outside the
    ///   grammar and for formulas that cannot be estimated: the dependent variable on the
    ///   right-hand side, a regressor absorbed by a fixed effect, an endogenous regressor
    ///   that is also exogenous, an instrument that is also a regressor.
    public static func parse(_ text: String) throws -> Formula {
        let tokens = try FormulaLexer.tokens(of: text)
        var syntax = FormulaSyntax(source: text, tokens: tokens)
        let parts = try syntax.parseFormula()
        return try FormulaValidator(source: text).formula(from: parts)
    }
}
