/// The formula FMOLS takes: `y ~ x1 + x2`, fixest syntax without fixed-effect or IV parts (each
/// unit has its own intercept).
public enum FMOLSFormula {
    /// Throws a `FormulaError` with a caret under the first `|` when the formula has a fixed-effect or
    /// instrument part, or under the right-hand side when it has no regressor.
    public static func check(_ formula: Formula) throws {
        let characters = Array(formula.source)
        if !formula.fixedEffects.isEmpty || formula.instrumentSpecification != nil,
           let bar = characters.firstIndex(of: "|") {
            throw FormulaError(source: formula.source, offset: bar, length: 1,
                               message: "FMOLS takes no fixed-effect or IV part: each unit has its own intercept "
                                   + "(write y ~ x1 + x2 and give the units with --panel / panel =)")
        }
        if formula.regressors.isEmpty {
            let tilde = characters.firstIndex(of: "~").map { $0 + 1 } ?? characters.count
            throw FormulaError(source: formula.source, offset: tilde, length: max(characters.count - tilde, 0),
                               message: "FMOLS needs at least one regressor (y ~ x1 + x2)")
        }
    }
}
