/// The formula-level grammar: `lhs ~ rhs [| fe] [| endo ~ inst]`.
extension FormulaSyntax {
    /// A fixed-effect term and where it was written.
    struct LocatedFixedEffect {
        let term: FixedEffectTerm
        let offset: Int
        let length: Int
    }

    /// The parts of a formula before duplicates are removed and consistency is checked.
    struct Parts {
        var dependent: LocatedTerm
        var rightHandSide: RightHandSide
        var fixedEffects: [LocatedFixedEffect] = []
        var endogenous: [LocatedTerm]?
        var instruments: [LocatedTerm] = []
    }

    /// Parses the whole token stream.
    mutating func parseFormula() throws -> Parts {
        if current.kind == .end { throw error(at: current, "the formula is empty") }
        if current.kind == .tilde { throw error(at: current, "expected the dependent variable before '~'") }
        let start = current
        let dependent = try parseInteraction(after: start)
        guard current.kind == .tilde else {
            if current.kind == .closeParenthesis { throw error(at: current, "unmatched ')'") }
            throw error(at: current, "expected '~' after the dependent variable, found \(current.quoted)")
        }
        let tilde = advance()
        var parts = Parts(dependent: dependent, rightHandSide: try parseSum(after: tilde, allowsIntercept: true))
        try expectPartEnd(in: "the right-hand side")
        var parsedFixedEffects = false
        while current.kind == .pipe {
            let pipe = advance()
            if parts.endogenous != nil {
                throw error(at: pipe, "the IV part (endo ~ inst) must be the last part of the formula")
            }
            if segmentContainsTilde() {
                let endogenous = try parseSum(after: pipe, allowsIntercept: false).terms
                try expectPartEnd(in: "the endogenous regressors", allowsTilde: true)
                let ivTilde = advance()
                parts.endogenous = endogenous
                parts.instruments = try parseSum(after: ivTilde, allowsIntercept: false).terms
                try expectPartEnd(in: "the instruments")
            } else if !parsedFixedEffects {
                parts.fixedEffects = try parseFixedEffects(after: pipe)
                parsedFixedEffects = true
                try expectPartEnd(in: "the fixed effects")
            } else {
                throw error(at: pipe, "too many '|': the most a formula has is y ~ x | fe | endo ~ inst")
            }
        }
        return parts
    }

    /// Whether a `~` occurs before the next `|` or the end.
    func segmentContainsTilde() -> Bool {
        var index = position
        while index < tokens.count {
            switch tokens[index].kind {
            case .tilde: return true
            case .pipe, .end: return false
            default: index += 1
            }
        }
        return false
    }

    /// Throws unless `current` ends a part (`|` or the end, or `~` when `allowsTilde`).
    func expectPartEnd(in part: String, allowsTilde: Bool = false) throws {
        switch current.kind {
        case .pipe, .end:
            return
        case .tilde where allowsTilde:
            return
        case .tilde:
            throw error(at: current, "a second '~': instruments go in the last part, as in y ~ x | endo ~ inst")
        case .closeParenthesis:
            throw error(at: current, "unmatched ')'")
        case .openParenthesis:
            throw error(at: current, "unexpected '(': only log, exp, sqrt, abs and I are followed by '('")
        case .name, .quotedName, .number:
            throw error(at: current, "unexpected \(current.quoted) in \(part); join terms with '+'")
        default:
            throw error(at: current, "unexpected \(current.quoted) in \(part)")
        }
    }

    /// Fixed effects joined by `+`, each a name or names combined with `^`; `0` or `1`
    /// alone means none.
    mutating func parseFixedEffects(after pipe: FormulaToken) throws -> [LocatedFixedEffect] {
        if case .number(let digits) = current.kind, digits == "0" || digits == "1" {
            let number = advance()
            if current.kind != .pipe && current.kind != .end {
                throw error(at: number, "'\(digits)' after '|' means no fixed effects and cannot be combined with others")
            }
            return []
        }
        var effects = [LocatedFixedEffect]()
        var separator = pipe
        while true {
            let first = try parseFixedEffectName(after: separator)
            var names = [first.name]
            var end = first.token.offset + first.token.length
            while current.kind == .caret {
                let caret = advance()
                let piece = try parseFixedEffectName(after: caret)
                names.append(piece.name)
                end = piece.token.offset + piece.token.length
            }
            if current.kind == .colon {
                throw error(at: current, "combine fixed effects with '^', not ':'")
            }
            effects.append(LocatedFixedEffect(term: FixedEffectTerm(variables: names), offset: first.token.offset,
                                              length: end - first.token.offset))
            guard current.kind == .plus else { return effects }
            separator = advance()
        }
    }

    /// One variable name inside a fixed-effect term.
    mutating func parseFixedEffectName(after previous: FormulaToken) throws -> (name: String, token: FormulaToken) {
        let token = current
        guard let name = token.name else { throw expectedName(after: previous) }
        if case .name = token.kind, next.kind == .openParenthesis {
            throw error(at: token, "a fixed effect is a variable or a combination such as a^b, not a function call")
        }
        advance()
        return (name, token)
    }
}
