/// A right- or left-hand-side term of a fixest-style formula.
///
/// Terms are built by `FormulaParser`; `description` is the label fixest prints for the
/// coefficient (`x1`, `x1:x2`, `log(x)`, `I(x^2)`), with names that are not plain
/// identifiers written in backquotes so that the label parses back to the same term.
public indirect enum Term: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// A column of the dataset.
    case variable(String)
    /// The product of the factors' values, written `x1:x2`.
    case interaction([Term])
    /// An elementwise function: `log`, `exp`, `sqrt` or `abs`.
    case function(name: String, argument: Term)
    /// An integer power, written only inside `I(...)`: `I(x^2)`.
    case power(Term, Int)
    /// The term's value `periods` earlier in the same panel unit (fixest `l(x, k)`); a negative
    /// `periods` is a lead, written `f(x, −k)`. Needs a panel declaration (`--panel ID,TIME`).
    case lag(Term, periods: Int)
    /// The term minus its lag by `periods` (fixest `d(x, k)`; `d(x)` is the first difference).
    case difference(Term, periods: Int)

    /// The functions a term may apply, in the order error messages list them.
    public static let supportedFunctions = ["log", "exp", "sqrt", "abs"]

    /// The label fixest prints for this term.
    public var description: String {
        switch self {
        case .variable(let name):
            return FormulaName.display(name)
        case .interaction(let factors):
            return factors.map(\.description).joined(separator: ":")
        case .function(let name, let argument):
            return "\(name)(\(argument.description))"
        case .power(let base, let exponent):
            return "I(\(base.description)^\(exponent))"
        case .lag(let argument, let periods):
            return periods >= 0 ? "l(\(argument.description), \(periods))" : "f(\(argument.description), \(-periods))"
        case .difference(let argument, let periods):
            return periods == 1 ? "d(\(argument.description))" : "d(\(argument.description), \(periods))"
        }
    }

    /// Whether the term shifts a variable in time (`l()`, `f()`, `d()` anywhere inside it), so that
    /// evaluating it needs the panel's structure.
    public var usesPanelOperator: Bool {
        switch self {
        case .variable: return false
        case .interaction(let factors): return factors.contains(where: \.usesPanelOperator)
        case .function(_, let argument), .power(let argument, _): return argument.usesPanelOperator
        case .lag, .difference: return true
        }
    }

    /// Every column name the term reads, once each, in order of first appearance.
    public var variables: [String] {
        var seen = Set<String>()
        var names = [String]()
        collectVariables(into: &names, seen: &seen)
        return names
    }

    /// Appends the term's column names not yet in `seen`.
    func collectVariables(into names: inout [String], seen: inout Set<String>) {
        switch self {
        case .variable(let name):
            if seen.insert(name).inserted { names.append(name) }
        case .interaction(let factors):
            for factor in factors { factor.collectVariables(into: &names, seen: &seen) }
        case .function(_, let argument):
            argument.collectVariables(into: &names, seen: &seen)
        case .power(let base, _):
            base.collectVariables(into: &names, seen: &seen)
        case .lag(let argument, _), .difference(let argument, _):
            argument.collectVariables(into: &names, seen: &seen)
        }
    }

    /// The term with interaction factors in a fixed order, so that `a:b` and `b:a`
    /// (the same regressor) compare equal when duplicates are removed.
    var canonical: Term {
        switch self {
        case .variable:
            return self
        case .interaction(let factors):
            return .interaction(factors.map(\.canonical).sorted { $0.description < $1.description })
        case .function(let name, let argument):
            return .function(name: name, argument: argument.canonical)
        case .power(let base, let exponent):
            return .power(base.canonical, exponent)
        case .lag(let argument, let periods):
            return periods == 0 ? argument.canonical : .lag(argument.canonical, periods: periods)
        case .difference(let argument, let periods):
            return .difference(argument.canonical, periods: periods)
        }
    }

    /// The interaction of two terms: factors are flattened and a repeated factor is kept
    /// once (`x:x` is `x`, as in R).
    static func interacting(_ left: Term, _ right: Term) -> Term {
        var factors = [Term]()
        for term in [left, right] {
            if case .interaction(let inner) = term { factors.append(contentsOf: inner) } else { factors.append(term) }
        }
        var unique = [Term]()
        for factor in factors where !unique.contains(factor) { unique.append(factor) }
        return unique.count == 1 ? unique[0] : .interaction(unique)
    }
}
