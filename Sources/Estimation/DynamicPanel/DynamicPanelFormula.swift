/// A dynamic panel formula in plm's three parts, with hetfirm's panel operators:
/// `y ~ l(y, 1:2) + l(w, 0:1) + k | l(y, 2:99) + l(w, 2:99) | l(w, 0:1) + k`.
///
/// - Part 1: the equation, in levels (`FormulaParser` syntax, no fixed effects: the transformation removes
///   the individual effects, `effect = twoways` adds period dummies).
/// - Part 2: GMM-style instrument families: `l(v, a:b)` uses the levels of v lagged a to b periods
///   (`l(v, a)` alone is a = b; a plain `v` is lag 0), one family per distinct v.
/// - Part 3 (optional): standard instruments, entered like the regressors (differenced in the differenced
///   equations, in levels in the level equations). Without it, every regressor whose variable is not a
///   GMM family is its own standard instrument (plm's default).
public struct DynamicPanelFormula: Sendable, Equatable {
    /// One GMM-style family: the variable and its lag range.
    public struct GMMFamily: Sendable, Equatable {
        public let variable: Term
        public let minimumLag: Int
        public let maximumLag: Int
    }

    public let source: String
    public let dependent: Term
    /// The regressors of part 1, in order.
    public let regressors: [Term]
    public let families: [GMMFamily]
    /// Part 3, or nil when absent (then derived from the regressors).
    public let explicitStandardInstruments: [Term]?

    /// The standard instruments: part 3, or every regressor whose lag-stripped variable is no GMM family.
    public var standardInstruments: [Term] {
        if let explicitStandardInstruments { return explicitStandardInstruments }
        let instrumented = Set(families.map(\.variable))
        return regressors.filter { !instrumented.contains($0.withoutLag.term) }
    }

    /// Parses the three parts.
    /// - Throws: ``FormulaError`` located in `text` (a caret under the offending token).
    public static func parse(_ text: String) throws -> DynamicPanelFormula {
        let parts = Self.split(text)
        guard parts.count >= 2 else {
            throw FormulaError(source: text, offset: text.count, length: 0,
                               message: "a dynamic panel formula needs GMM instruments after '|', e.g. y ~ l(y, 1) + x | l(y, 2:99)")
        }
        guard parts.count <= 3 else {
            throw FormulaError(source: text, offset: parts[3].offset - 1, length: 1,
                               message: "too many '|': y ~ regressors | GMM instruments | standard instruments")
        }
        let equation = try located(parts[0], in: text) { try FormulaParser.parse($0) }
        guard equation.fixedEffects.isEmpty, equation.instrumentSpecification == nil else {
            throw FormulaError(source: text, offset: 0, length: parts[0].text.count,
                               message: "the equation part cannot hold fixed effects or an IV part")
        }
        let familyTerms = try terms(of: parts[1], in: text)
        var families: [GMMFamily] = []
        for (term, offset, length) in familyTerms {
            let (variable, lag) = term.withoutLag
            guard lag >= 0 else {
                throw FormulaError(source: text, offset: offset, length: length, message: "a GMM instrument cannot be a lead (f())")
            }
            if let index = families.firstIndex(where: { $0.variable == variable }) {
                let family = families[index]
                families[index] = GMMFamily(variable: variable, minimumLag: min(family.minimumLag, lag),
                                            maximumLag: max(family.maximumLag, lag))
            } else {
                families.append(GMMFamily(variable: variable, minimumLag: lag, maximumLag: lag))
            }
        }
        let standard = parts.count == 3 ? try terms(of: parts[2], in: text).map(\.term) : nil
        return DynamicPanelFormula(source: text, dependent: equation.dependent, regressors: equation.regressors,
                                   families: families, explicitStandardInstruments: standard)
    }

    /// The text between top-level `|`, with their character offsets.
    static func split(_ text: String) -> [(text: String, offset: Int)] {
        var parts: [(String, Int)] = []
        var depth = 0, start = 0, current = ""
        for (index, character) in text.enumerated() {
            switch character {
            case "(": depth += 1
            case ")": depth -= 1
            case "|" where depth == 0:
                parts.append((current, start))
                current = ""
                start = index + 1
                continue
            default: break
            }
            current.append(character)
        }
        parts.append((current, start))
        return parts
    }

    /// Runs `parse` on a part, moving a `FormulaError`'s location into the whole text.
    static func located<T>(_ part: (text: String, offset: Int), in text: String, prefix: String = "",
                           _ parse: (String) throws -> T) throws -> T {
        do {
            return try parse(prefix + part.text)
        } catch let error as FormulaError {
            let offset = max(0, error.offset - prefix.count) + part.offset
            throw FormulaError(source: text, offset: min(offset, text.count), length: error.length, message: error.message)
        }
    }

    /// The terms of a `+`-separated part, each with its location.
    static func terms(of part: (text: String, offset: Int), in text: String) throws -> [(term: Term, offset: Int, length: Int)] {
        let prefix = "hetfirm_instruments ~ 0 + "
        let formula = try located(part, in: text, prefix: prefix) { try FormulaParser.parse($0) }
        guard formula.fixedEffects.isEmpty, formula.instrumentSpecification == nil, !formula.regressors.isEmpty else {
            throw FormulaError(source: text, offset: part.offset, length: part.text.count, message: "expected instruments joined by '+'")
        }
        return formula.regressors.map { ($0, part.offset, part.text.count) }
    }
}

extension Term {
    /// The term with its outermost lag removed, and the lag (0 when there is none).
    var withoutLag: (term: Term, lag: Int) {
        if case .lag(let argument, let periods) = self { return (argument, periods) }
        return (self, 0)
    }
}
