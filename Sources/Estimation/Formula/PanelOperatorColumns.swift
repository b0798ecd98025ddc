import PanelData

/// Evaluates a formula's panel operators (`l()`, `f()`, `d()`) once, on the full dataset, and keeps the
/// values as columns, so that a sample filter, a `split` or a dropped row later never changes what a
/// lag refers to: a lag is the value in the data at (unit, t − k), whether or not that row is in the
/// estimation sample (as Stata's `L.` and fixest's `l()` with `subset`).
///
/// The columns are named ``Term/panelColumnName`` (a NUL-prefixed name no CSV header or simulated panel
/// uses); `Term.evaluate(in:panel:)` reads such a column instead of shifting again, so a dataset carrying
/// them needs no panel structure.
public enum PanelOperatorColumns {
    /// `dataset` with a column for every outermost panel-operator term of `formulas` not already there.
    ///
    /// - Throws: `TermEvaluationError.panelRequired` when a formula uses a panel operator and `panel` is
    ///   nil; `PanelDataError` for an unknown column, a text or fractional time, or a duplicate
    ///   (unit, time) pair (the row is named).
    public static func adding(to dataset: Dataset, for formulas: [Formula], panel: PanelDeclaration?) throws -> Dataset {
        var pending: [Term] = []
        for formula in formulas {
            for term in formula.allTerms {
                term.collectPanelOperatorTerms(into: &pending)
            }
        }
        let names = Set(dataset.columnNames)
        pending = pending.filter { !names.contains($0.panelColumnName) }
        guard !pending.isEmpty else { return dataset }
        guard let panel else { throw TermEvaluationError.panelRequired(term: pending[0].description) }
        let structure = try PanelStructure(dataset, panel: panel)
        var result = dataset
        var added = Set<String>()
        for term in pending where added.insert(term.panelColumnName).inserted {
            let values = try term.evaluate(in: dataset, panel: structure)
            try result.add(.double(term.panelColumnName, values, missing: values.map(\.isNaN)))
        }
        return result
    }
}

extension Formula {
    /// The dependent variable, the regressors, and the endogenous regressors and instruments.
    var allTerms: [Term] {
        [dependent] + regressors + (instrumentSpecification.map { $0.endogenous + $0.instruments } ?? [])
    }

    /// Whether any term shifts a variable in time.
    public var usesPanelOperator: Bool { allTerms.contains(where: \.usesPanelOperator) }
}

extension Term {
    /// The name of the column that holds this term's values once ``PanelOperatorColumns`` added them.
    public var panelColumnName: String { "\u{0}" + description }

    /// Appends the outermost `l()`/`f()`/`d()` terms inside this term (not those nested in another).
    func collectPanelOperatorTerms(into terms: inout [Term]) {
        switch self {
        case .variable:
            return
        case .lag, .difference:
            if !terms.contains(self) { terms.append(self) }
        case .interaction(let factors):
            for factor in factors { factor.collectPanelOperatorTerms(into: &terms) }
        case .function(_, let argument), .power(let argument, _):
            argument.collectPanelOperatorTerms(into: &terms)
        }
    }
}
