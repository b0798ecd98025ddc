/// Turns parsed formula parts into a `Formula`: removes duplicate terms and rejects
/// combinations that cannot be estimated, pointing at the term at fault.
struct FormulaValidator {
    typealias LocatedTerm = FormulaSyntax.LocatedTerm

    let source: String

    /// The checked formula.
    func formula(from parts: FormulaSyntax.Parts) throws -> Formula {
        let dependent = parts.dependent.term
        let regressors = unique(parts.rightHandSide.terms)
        let effects = uniqueFixedEffects(parts.fixedEffects)
        let endogenous = parts.endogenous.map(unique)
        let instruments = unique(parts.instruments)

        for term in regressors + (endogenous ?? []) + instruments where term.term.canonical == dependent.canonical {
            throw error(at: term, "the dependent variable '\(dependent)' is also on the right-hand side")
        }
        for term in regressors + (endogenous ?? []) + instruments {
            let reads = Set(term.term.variables)
            if let effect = effects.first(where: { reads.isSubset(of: Set($0.variables)) }) {
                throw error(at: term, "'\(term.term)' is absorbed by the fixed effect '\(effect)'; "
                    + "remove it from the regressors or from the fixed effects")
            }
        }
        if let endogenous {
            let exogenous = Set(regressors.map(\.term.canonical))
            let endogenousKeys = Set(endogenous.map(\.term.canonical))
            if let both = endogenous.first(where: { exogenous.contains($0.term.canonical) }) {
                throw error(at: both, "'\(both.term)' is both an exogenous regressor and endogenous")
            }
            for instrument in instruments {
                if exogenous.contains(instrument.term.canonical) {
                    throw error(at: instrument, "'\(instrument.term)' is an exogenous regressor, which already "
                        + "instruments itself; list only excluded instruments after '~'")
                }
                if endogenousKeys.contains(instrument.term.canonical) {
                    throw error(at: instrument, "'\(instrument.term)' is endogenous and cannot instrument itself")
                }
            }
        }
        let specification = endogenous.map {
            InstrumentSpecification(endogenous: $0.map(\.term), instruments: instruments.map(\.term))
        }
        return Formula(
            source: source, dependent: dependent, regressors: regressors.map(\.term), fixedEffects: effects,
            instrumentSpecification: specification,
            hasIntercept: effects.isEmpty && !parts.rightHandSide.dropsIntercept)
    }

    /// `terms` without repeats (`b:a` repeats `a:b`), keeping the first.
    private func unique(_ terms: [LocatedTerm]) -> [LocatedTerm] {
        var seen = Set<Term>()
        return terms.filter { seen.insert($0.term.canonical).inserted }
    }

    /// Fixed effects without repeats (`b^a` repeats `a^b`), keeping the first.
    private func uniqueFixedEffects(_ effects: [FormulaSyntax.LocatedFixedEffect]) -> [FixedEffectTerm] {
        var seen = Set<Set<String>>()
        return effects.map(\.term).filter { seen.insert(Set($0.variables)).inserted }
    }

    /// An error located at a term.
    private func error(at term: LocatedTerm, _ message: String) -> FormulaError {
        FormulaError(source: source, offset: term.offset, length: term.length, message: message)
    }
}
