/// A multiple-estimation function written in a formula: a stepwise function `sw(a, b)`,
/// `sw0(a, b)`, `csw(a, b)`, `csw0(a, b)`, or `c(y1, y2)` listing dependent variables.
struct MultipleEstimationCall {
    /// Which function was called.
    enum Function: String, CaseIterable {
        case sw, sw0, csw, csw0, c

        /// The names of all functions, for the lexer-level scan.
        static let names = Set(allCases.map(\.rawValue))

        /// The argument lists of the models this function makes from `arguments`, in
        /// fixest's order; an empty list means "none of them". `c` behaves like `sw`.
        func steps(_ arguments: [String]) -> [[String]] {
            switch self {
            case .sw, .c: return arguments.map { [$0] }
            case .sw0: return [[]] + arguments.map { [$0] }
            case .csw: return arguments.indices.map { Array(arguments[...$0]) }
            case .csw0: return [[]] + arguments.indices.map { Array(arguments[...$0]) }
            }
        }
    }

    let function: Function
    /// The token index of the function name.
    let nameIndex: Int
    /// The token index of the closing `)`.
    let closeIndex: Int
    /// The arguments as written, each trimmed to its first and last token.
    let arguments: [String]
}

/// Finds the parts of a formula (left-hand side, right-hand side, fixed effects, IV) and the
/// multiple-estimation calls in each, checking where they may appear.
struct MultipleEstimationScanner {
    /// The formula parts a multiple-estimation call can stand in.
    enum Part: Equatable {
        case leftHandSide, rightHandSide, fixedEffects, instruments
    }

    /// One part of the formula: its kind, token range, and the `|` that opens it (if any).
    struct Segment {
        let part: Part
        let tokens: Range<Int>
        let pipeIndex: Int?
        var calls: [MultipleEstimationCall] = []
    }

    let source: String
    let characters: [Character]
    let tokens: [FormulaToken]

    init(source: String, tokens: [FormulaToken]) {
        self.source = source
        self.characters = Array(source)
        self.tokens = tokens
    }

    /// An error located at the tokens `first ... last`.
    func error(from first: Int, to last: Int, _ message: String) -> FormulaError {
        let start = tokens[first].offset
        return FormulaError(source: source, offset: start, length: tokens[last].offset + tokens[last].length - start,
                            message: message)
    }

    /// The source text of the tokens `first ... last`.
    func text(from first: Int, to last: Int) -> String {
        String(characters[tokens[first].offset..<(tokens[last].offset + tokens[last].length)])
    }

    /// Whether the token at `index` names a multiple-estimation function called with `(`.
    func isCall(at index: Int) -> Bool {
        guard case .name(let name) = tokens[index].kind, MultipleEstimationCall.Function.names.contains(name),
              index + 1 < tokens.count else { return false }
        return tokens[index + 1].kind == .openParenthesis
    }

    /// The formula's segments with their calls, or nil when there is no top-level `~`
    /// (the parser then reports the problem).
    func segments() throws -> [Segment]? {
        var depth = 0
        var boundaries: [(index: Int, kind: FormulaToken.Kind)] = []
        for (index, token) in tokens.enumerated() {
            switch token.kind {
            case .openParenthesis: depth += 1
            case .closeParenthesis: depth = max(0, depth - 1)
            case .tilde where depth == 0, .pipe where depth == 0: boundaries.append((index, token.kind))
            default: break
            }
        }
        guard let tilde = boundaries.first(where: { $0.kind == .tilde })?.index else { return nil }
        var segments = [Segment(part: .leftHandSide, tokens: 0..<tilde, pipeIndex: nil)]
        let pipes = boundaries.filter { $0.kind == .pipe && $0.index > tilde }.map(\.index)
        let starts = [tilde] + pipes
        let end = tokens.count - 1
        for (number, boundary) in starts.enumerated() {
            let range = (boundary + 1)..<(number + 1 < starts.count ? starts[number + 1] : end)
            let part: Part
            if number == 0 {
                part = .rightHandSide
            } else {
                part = range.contains { tokens[$0].kind == .tilde } ? .instruments : .fixedEffects
            }
            segments.append(Segment(part: part, tokens: range, pipeIndex: number == 0 ? nil : boundary))
        }
        var index = 0
        while index < end {
            guard isCall(at: index) else {
                index += 1
                continue
            }
            let call = try self.call(at: index)
            guard let segment = segments.firstIndex(where: { $0.tokens.contains(index) }) else {
                throw error(from: index, to: call.closeIndex, "'\(call.function)()' cannot stand here")
            }
            try check(call, in: segments[segment], tilde: tilde)
            segments[segment].calls.append(call)
            index = call.closeIndex + 1
        }
        return segments
    }

    /// The call whose name is the token at `nameIndex`: its arguments split at top-level commas.
    func call(at nameIndex: Int) throws -> MultipleEstimationCall {
        let name = tokens[nameIndex].text
        guard let function = MultipleEstimationCall.Function(rawValue: name) else {
            throw error(from: nameIndex, to: nameIndex, "unknown function '\(name)'")
        }
        let open = nameIndex + 1
        var arguments: [String] = []
        var argumentStart = open + 1
        var depth = 0
        var index = open + 1
        while true {
            let token = tokens[index]
            switch token.kind {
            case .end:
                throw error(from: open, to: open, "'(' is never closed")
            case .name where isCall(at: index):
                throw error(from: index, to: index, "'\(token.text)()' cannot be nested inside '\(name)()'")
            case .openParenthesis:
                depth += 1
            case .closeParenthesis where depth > 0:
                depth -= 1
            case .comma where depth == 0, .closeParenthesis:
                if index == argumentStart {
                    if token.kind == .closeParenthesis && arguments.isEmpty {
                        throw error(from: nameIndex, to: index, "'\(name)()' needs at least one variable")
                    }
                    throw error(from: index, to: index, "empty argument in '\(name)()'")
                }
                arguments.append(text(from: argumentStart, to: index - 1))
                if token.kind == .closeParenthesis {
                    return MultipleEstimationCall(function: function, nameIndex: nameIndex, closeIndex: index,
                                                  arguments: arguments)
                }
                argumentStart = index + 1
            default:
                break
            }
            index += 1
        }
    }

    /// Throws unless `call` may stand where it is written.
    func check(_ call: MultipleEstimationCall, in segment: Segment, tilde: Int) throws {
        let name = call.function.rawValue
        let located = { (message: String) in self.error(from: call.nameIndex, to: call.closeIndex, message) }
        switch (segment.part, call.function) {
        case (.leftHandSide, .c):
            guard call.nameIndex == 0, call.closeIndex + 1 == tilde else {
                throw located("c() must be the whole left-hand side, as in c(y1, y2) ~ x")
            }
            return
        case (.leftHandSide, _):
            throw located("'\(name)()' belongs on the right-hand side or in the fixed effects; "
                + "list several dependent variables with c(y1, y2)")
        case (_, .c):
            throw located("c() lists dependent variables and belongs on the left of '~'")
        case (.instruments, _):
            throw located("stepwise functions are not supported in the IV part")
        case (.rightHandSide, _), (.fixedEffects, _):
            if let previous = segment.calls.first {
                throw located("only one stepwise function per part: '\(name)()' follows "
                    + "'\(previous.function.rawValue)()' in the same part")
            }
            let before = tokens[call.nameIndex - 1].kind
            let after = tokens[call.closeIndex + 1].kind
            guard [FormulaToken.Kind.tilde, .pipe, .plus].contains(before), [FormulaToken.Kind.plus, .pipe, .end].contains(after) else {
                throw located("'\(name)()' must be a whole term, joined to the others with '+'")
            }
        }
    }
}
