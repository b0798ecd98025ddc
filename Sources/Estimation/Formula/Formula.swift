/// A parsed fixest-style formula: `y ~ x1 + x2 + x1:x2 | fe1 + fe2^fe3 | endo ~ z1 + z2`.
///
/// Build one with `FormulaParser.parse(_:)`. `description` writes the formula back in a
/// canonical form that parses to the same structure.
public struct Formula: Sendable, Equatable, CustomStringConvertible {
    /// The text the formula was parsed from.
    public let source: String
    /// The left-hand side.
    public let dependent: Term
    /// The exogenous regressors, in written order (`a*b` expanded in place to
    /// `a + b + a:b`), duplicates removed keeping the first.
    public let regressors: [Term]
    /// The fixed effects after the first `|`, duplicates removed keeping the first.
    public let fixedEffects: [FixedEffectTerm]
    /// The IV part `endo ~ inst`, if the last part of the formula has one.
    public let instrumentSpecification: InstrumentSpecification?
    /// True iff there are no fixed effects and the right-hand side has no `0` or `-1`.
    public let hasIntercept: Bool

    /// A formula from its parts; the parser has already checked them.
    init(
        source: String, dependent: Term, regressors: [Term], fixedEffects: [FixedEffectTerm],
        instrumentSpecification: InstrumentSpecification?, hasIntercept: Bool
    ) {
        self.source = source
        self.dependent = dependent
        self.regressors = regressors
        self.fixedEffects = fixedEffects
        self.instrumentSpecification = instrumentSpecification
        self.hasIntercept = hasIntercept
    }

    /// Every column the formula reads, once each, in order of first appearance:
    /// dependent, regressors, fixed effects, endogenous regressors, instruments.
    public var variables: [String] {
        var seen = Set<String>()
        var names = [String]()
        dependent.collectVariables(into: &names, seen: &seen)
        for term in regressors { term.collectVariables(into: &names, seen: &seen) }
        for effect in fixedEffects {
            for name in effect.variables where seen.insert(name).inserted { names.append(name) }
        }
        if let iv = instrumentSpecification {
            for term in iv.endogenous + iv.instruments { term.collectVariables(into: &names, seen: &seen) }
        }
        return names
    }

    /// The formula in canonical form, e.g. `y ~ 0 + x | fe1 + fe2^fe3 | d ~ z`.
    ///
    /// An intercept-free model without fixed effects starts its right-hand side with `0`;
    /// a right-hand side without regressors is written `1` (or `0`).
    public var description: String {
        var rhs = regressors.map(\.description)
        if fixedEffects.isEmpty && !hasIntercept {
            rhs.insert("0", at: 0)
        } else if rhs.isEmpty {
            rhs = ["1"]
        }
        var text = "\(dependent) ~ " + rhs.joined(separator: " + ")
        if !fixedEffects.isEmpty {
            text += " | " + fixedEffects.map(\.description).joined(separator: " + ")
        }
        if let iv = instrumentSpecification {
            text += " | \(iv)"
        }
        return text
    }
}
