import Estimation

/// The formula of a spatial model: fixest syntax without a fixed-effect or IV part, `y ~ x1 + x2`
/// (with `log()`, `I(x^2)`, interactions `a:b`, `0 +` for no intercept). Fixed effects come from
/// `--effects` / `effects =`, which removes them by demeaning inside the likelihood.
public enum SpatialFormula {
    /// Parses `text` and checks it (`panel`: the data has a period column, so `l()`, `f()`, `d()` may appear).
    public static func parse(_ text: String, panel: Bool = false) throws -> Formula {
        let formula = try FormulaParser.parse(text)
        try check(formula, panel: panel)
        return formula
    }

    /// Throws a `FormulaError` with a caret under the offending part: a fixed-effect or IV part,
    /// a panel operator (`l()`, `f()`, `d()`) in a cross-section, or no right-hand side at all. In a
    /// panel the operators are allowed: the periods they leave missing for every unit at the start
    /// or end (a lag's first, a lead's last) are dropped by ``SpatialSamplePreparation``, so the
    /// panel stays balanced (eq. 27's forward growth, `f(d(log(met)), 1)`, needs this).
    public static func check(_ formula: Formula, panel: Bool = false) throws {
        let characters = Array(formula.source)
        if !formula.fixedEffects.isEmpty || formula.instrumentSpecification != nil,
           let bar = characters.firstIndex(of: "|") {
            let message = formula.instrumentSpecification != nil && formula.fixedEffects.isEmpty
                ? "spatial models take no IV part (the spatial lag Wy is handled by maximum likelihood)"
                : "spatial models take no fixed-effect part: give the effects with --effects individual|time|twoways "
                    + "(in a scenario: effects = \"individual\"), which demeans them inside the likelihood"
            throw FormulaError(source: formula.source, offset: bar, length: 1, message: message)
        }
        if !panel, let term = formula.regressors.first(where: \.usesPanelOperator) ?? (formula.dependent.usesPanelOperator ? formula.dependent : nil) {
            let text = term.description
            let offset = formula.source.range(of: String(text.prefix(2))).map { formula.source.distance(from: formula.source.startIndex, to: $0.lowerBound) } ?? 0
            throw FormulaError(source: formula.source, offset: offset, length: min(text.count, max(characters.count - offset, 0)),
                               message: "panel operators (l(), f(), d()) need a panel: give --panel ID,TIME (a cross-section has "
                                   + "no earlier or later period)")
        }
        if formula.regressors.isEmpty && !formula.hasIntercept {
            let tilde = characters.firstIndex(of: "~").map { $0 + 1 } ?? characters.count
            throw FormulaError(source: formula.source, offset: tilde, length: max(characters.count - tilde, 0),
                               message: "a spatial model needs at least one regressor (y ~ x1 + x2)")
        }
    }
}
