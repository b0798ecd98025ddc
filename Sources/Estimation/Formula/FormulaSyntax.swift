/// Recursive-descent parser over formula tokens: builds terms with their source spans.
///
/// Precedence follows R: `:` binds tighter than `*`, which binds tighter than `+`/`-`.
/// The formula-level parts (`~`, `|`, fixed effects, IV) are in `FormulaSyntax+Parts`.
struct FormulaSyntax {
    /// A term and the characters of the source it was written as.
    struct LocatedTerm {
        let term: Term
        let offset: Int
        let length: Int
    }

    /// The right-hand side of `~`: its terms and intercept markers.
    struct RightHandSide {
        var terms: [LocatedTerm] = []
        var dropsIntercept = false
    }

    /// Functions fixest offers that this parser recognises but does not support yet.
    static let unsupportedFunctions: Set<String> = [
        "i", "mvsw", "poly", "factor", "as.factor",
    ]

    let source: String
    let tokens: [FormulaToken]
    var position = 0

    init(source: String, tokens: [FormulaToken]) {
        self.source = source
        self.tokens = tokens
    }

    /// The current token (the final `end` token once past the input).
    var current: FormulaToken { tokens[min(position, tokens.count - 1)] }

    /// The token after the current one.
    var next: FormulaToken { tokens[min(position + 1, tokens.count - 1)] }

    /// Moves to the next token and returns the one moved past.
    @discardableResult
    mutating func advance() -> FormulaToken {
        let token = current
        if position < tokens.count - 1 { position += 1 }
        return token
    }

    /// An error located at `token`.
    func error(at token: FormulaToken, _ message: String) -> FormulaError {
        FormulaError(source: source, offset: token.offset, length: token.length, message: message)
    }

    /// An error located at a term's span.
    func error(at term: LocatedTerm, _ message: String) -> FormulaError {
        FormulaError(source: source, offset: term.offset, length: term.length, message: message)
    }

    /// The error for a missing term where `current` stands, after the token `previous`.
    func expectedName(after previous: FormulaToken) -> FormulaError {
        if current.kind == .closeParenthesis { return error(at: current, "unmatched ')'") }
        if current.kind == .openParenthesis {
            return error(at: current, "'(' may only follow a function name: log, exp, sqrt, abs or I")
        }
        return error(at: current, "expected a variable name after '\(previous.text)'")
    }

    /// Terms joined by `+` (and `-1`/`0`/`1` when `allowsIntercept`), after `previous`.
    mutating func parseSum(after previous: FormulaToken, allowsIntercept: Bool) throws -> RightHandSide {
        var result = RightHandSide()
        var separator = previous
        while true {
            var negated = false
            if current.kind == .minus, allowsIntercept {
                separator = advance()
                negated = true
            }
            if case .number(let digits) = current.kind, allowsIntercept {
                let number = advance()
                switch (digits, negated) {
                case ("1", true), ("0", false): result.dropsIntercept = true
                case ("1", false): break
                default:
                    throw error(at: number, negated
                        ? "only '-1' (drop the intercept) can follow '-'"
                        : "expected a variable name, '0' or '1', found '\(digits)'")
                }
            } else if negated {
                throw error(at: current, "only '-1' (drop the intercept) can follow '-'")
            } else if let expanded = try parsePanelOperatorRange() {
                result.terms += expanded
            } else {
                result.terms += try parseProduct(after: separator)
            }
            if current.kind == .plus {
                separator = advance()
            } else if current.kind != .minus || !allowsIntercept {
                return result
            }
        }
    }

    /// The most factors one `a*b*…` may cross: n factors expand to 2^n − 1 terms, so 10 give 1,023.
    static let maximumCrossedFactors = 10

    /// `a*b*...`: each `*` expands `L*r` to `L + r + L:r` (R's order).
    mutating func parseProduct(after previous: FormulaToken) throws -> [LocatedTerm] {
        var terms = [try parseInteraction(after: previous)]
        var factors = 1
        while current.kind == .star {
            factors += 1
            guard factors <= Self.maximumCrossedFactors else {
                throw error(at: current, "'*' crosses more than \(Self.maximumCrossedFactors) factors, which would expand to "
                    + "more than \((1 << Self.maximumCrossedFactors) - 1) terms; write the interactions you need with ':'")
            }
            let star = advance()
            let right = try parseInteraction(after: star)
            let start = terms[0].offset
            let length = right.offset + right.length - start
            let crossed = terms.map {
                LocatedTerm(term: Term.interacting($0.term, right.term), offset: start, length: length)
            }
            terms += [right] + crossed
        }
        return terms
    }

    /// `a:b:...`, a single factor when there is no `:`.
    mutating func parseInteraction(after previous: FormulaToken) throws -> LocatedTerm {
        var result = try parseAtom(after: previous)
        try rejectCaret()
        while current.kind == .colon {
            let colon = advance()
            let factor = try parseAtom(after: colon)
            try rejectCaret()
            result = LocatedTerm(term: Term.interacting(result.term, factor.term), offset: result.offset,
                                 length: factor.offset + factor.length - result.offset)
        }
        return result
    }

    /// Throws if the current token is `^`, which only combines fixed effects.
    func rejectCaret() throws {
        if current.kind == .caret {
            throw error(at: current, "'^' combines fixed effects after '|'; write a power as I(x^2)")
        }
    }

    /// A variable, `log(...)`-style function or `I(x^n)`.
    mutating func parseAtom(after previous: FormulaToken) throws -> LocatedTerm {
        let token = current
        guard let name = token.name else { throw expectedName(after: previous) }
        guard case .name = token.kind, next.kind == .openParenthesis else {
            advance()
            return LocatedTerm(term: .variable(name), offset: token.offset, length: token.length)
        }
        if Term.supportedFunctions.contains(name) {
            advance()
            let open = advance()
            let argument = try parseAtom(after: open)
            let close = try closeParenthesis(opened: open, function: name)
            return LocatedTerm(term: .function(name: name, argument: argument.term), offset: token.offset,
                               length: close.offset + 1 - token.offset)
        }
        if name == "I" {
            return try parsePower(name: token)
        }
        if PanelOperator(rawValue: name) != nil {
            let terms = try parsePanelOperator()
            guard terms.count == 1 else {
                throw error(at: token, "a range of periods makes several regressors, so '\(name)(…, a:b)' must be a term "
                    + "of its own (joined by '+'), not inside a function or an interaction")
            }
            return terms[0]
        }
        if MultipleEstimationCall.Function.names.contains(name) {
            throw error(at: token, "'\(name)()' makes several models and cannot be used here")
        }
        if Self.unsupportedFunctions.contains(name) {
            throw error(at: token, "'\(name)()' is not supported yet")
        }
        throw error(at: token, "unknown function '\(name)'; expected log, exp, sqrt, abs, I, or the panel operators l, f, d")
    }

    /// `I(base^n)` with an integer `n` other than 0; `current` is the `I`.
    mutating func parsePower(name: FormulaToken) throws -> LocatedTerm {
        advance()
        let open = advance()
        let base = try parseAtom(after: open)
        guard current.kind == .caret else {
            if current.kind == .closeParenthesis {
                throw error(at: base, "I() supports only an integer power such as I(x^2)")
            }
            if current.kind == .end { throw error(at: open, "'(' is never closed") }
            throw error(at: current, "I() supports only an integer power such as I(x^2)")
        }
        advance()
        let sign = current.kind == .minus ? advance() : nil
        let literal = current
        guard case .number(let digits) = literal.kind, digits.allSatisfy({ $0 != "." }),
              let magnitude = Int(digits)
        else {
            if literal.kind == .end { throw error(at: open, "'(' is never closed") }
            throw error(at: literal, "the power in I() must be an integer, found \(literal.quoted)")
        }
        guard magnitude != 0 else { throw error(at: literal, "a power of 0 is a constant, not a regressor") }
        advance()
        let exponent = sign == nil ? magnitude : -magnitude
        let close = try closeParenthesis(opened: open, function: "I")
        return LocatedTerm(term: .power(base.term, exponent), offset: name.offset, length: close.offset + 1 - name.offset)
    }

    /// Consumes the `)` closing `opened`, or throws a located error.
    mutating func closeParenthesis(opened: FormulaToken, function: String) throws -> FormulaToken {
        switch current.kind {
        case .closeParenthesis:
            return advance()
        case .end:
            throw error(at: opened, "'(' is never closed")
        case .caret:
            try rejectCaret()
            return current
        default:
            throw error(at: current, "expected ')' to close '\(function)(': \(function)() takes a single variable")
        }
    }
}
