extension Formula {
    /// The columns the formula reads as numbers, once each, in order of first appearance: the
    /// dependent variable, the regressors, the endogenous regressors and the instruments (not
    /// the fixed effects, which may be text).
    public var numericVariables: [String] {
        var seen = Set<String>()
        var names = [String]()
        dependent.collectVariables(into: &names, seen: &seen)
        for term in regressors { term.collectVariables(into: &names, seen: &seen) }
        if let iv = instrumentSpecification {
            for term in iv.endogenous + iv.instruments { term.collectVariables(into: &names, seen: &seen) }
        }
        return names
    }
}
