/// The panel operators of fixest: `l(x, k)` (lag), `f(x, k)` (lead) and `d(x, k)` (difference
/// x − l(x, k)), with `k` an integer (default 1) or a range `a:b` that makes one regressor per period
/// (`l(x, 0:2)` is `l(x, 0) + l(x, 1) + l(x, 2)`, in R's order, so `2:0` counts down). A negative
/// `k` turns a lag into a lead and back, as in fixest.
enum PanelOperator: String {
    case lag = "l"
    case lead = "f"
    case difference = "d"

    /// The most periods one range may expand to.
    static let maximumRangeLength = 100

    /// The term for period `k` applied to `argument`.
    func term(_ argument: Term, periods k: Int) -> Term {
        switch self {
        case .lag: return .lag(argument, periods: k)
        case .lead: return .lag(argument, periods: -k)
        case .difference: return .difference(argument, periods: k)
        }
    }
}

extension FormulaSyntax {
    /// When `current` starts a panel operator whose period is a range (`l(x, 1:3)`), parses it into
    /// one term per period; nil (consuming nothing) for anything else. The expanded terms may not be
    /// interacted or powered: the next token must end the term.
    mutating func parsePanelOperatorRange() throws -> [LocatedTerm]? {
        guard let name = current.name, case .name = current.kind, PanelOperator(rawValue: name) != nil,
              next.kind == .openParenthesis, callHasRange(from: position)
        else { return nil }
        let terms = try parsePanelOperator()
        switch current.kind {
        case .colon, .star:
            throw error(at: current, "'\(name)(…, a:b)' makes several regressors and cannot be interacted; "
                + "write each lag as its own term, e.g. \(name)(x, 1):z + \(name)(x, 2):z")
        default:
            try rejectCaret()
        }
        return terms
    }

    /// Parses `l(…)`, `f(…)` or `d(…)` at `current` into one term per period.
    mutating func parsePanelOperator() throws -> [LocatedTerm] {
        let token = advance()
        guard let name = token.name, let kind = PanelOperator(rawValue: name) else {
            throw error(at: token, "expected l(), f() or d()")
        }
        let open = advance()
        let argument = try parseAtom(after: open)
        var periods = [1]
        if current.kind == .comma {
            let comma = advance()
            let first = try parseSignedInteger(after: comma, function: name)
            if current.kind == .colon {
                let colon = advance()
                let last = try parseSignedInteger(after: colon, function: name)
                guard abs(last.value - first.value) < PanelOperator.maximumRangeLength else {
                    throw error(at: first.token, "the range \(first.value):\(last.value) has more than "
                        + "\(PanelOperator.maximumRangeLength) periods")
                }
                periods = first.value <= last.value ? Array(first.value...last.value) : Array((last.value...first.value).reversed())
            } else {
                periods = [first.value]
            }
        }
        let close = try closePanelOperator(opened: open, function: name)
        let length = close.offset + 1 - token.offset
        return periods.map { LocatedTerm(term: kind.term(argument.term, periods: $0), offset: token.offset, length: length) }
    }

    /// An integer with an optional leading `-`, at most six digits (a period count, not a year).
    private mutating func parseSignedInteger(after previous: FormulaToken, function: String)
        throws -> (value: Int, token: FormulaToken)
    {
        let start = current
        let negative = current.kind == .minus
        if negative { advance() }
        let literal = current
        guard case .number(let digits) = literal.kind, digits.allSatisfy({ $0 != "." }), digits.count <= 6,
              let magnitude = Int(digits)
        else {
            if literal.kind == .end { throw error(at: previous, "expected the number of periods after '\(previous.text)'") }
            throw error(at: literal, "the periods of \(function)() must be an integer or a range a:b of integers "
                + "(at most 6 digits), found \(literal.quoted)")
        }
        advance()
        return (negative ? -magnitude : magnitude, start)
    }

    /// Consumes the `)` of a panel operator.
    private mutating func closePanelOperator(opened: FormulaToken, function: String) throws -> FormulaToken {
        switch current.kind {
        case .closeParenthesis:
            return advance()
        case .end:
            throw error(at: opened, "'(' is never closed")
        default:
            throw error(at: current, "expected ')' to close '\(function)(': write \(function)(x), \(function)(x, k) or \(function)(x, a:b)")
        }
    }

    /// Whether the call starting at token `start` (a name, then `(`) has `, a:b` at its own level.
    private func callHasRange(from start: Int) -> Bool {
        var depth = 0
        var index = start + 1
        var afterComma = false
        while index < tokens.count {
            switch tokens[index].kind {
            case .openParenthesis:
                depth += 1
            case .closeParenthesis:
                depth -= 1
                if depth == 0 { return false }
            case .comma where depth == 1:
                afterComma = true
            case .colon where depth == 1 && afterComma:
                return true
            case .end:
                return false
            default:
                break
            }
            index += 1
        }
        return false
    }
}
