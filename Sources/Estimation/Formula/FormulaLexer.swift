/// Splits formula text into tokens, counting offsets in characters.
enum FormulaLexer {
    /// The tokens of `source`, ending with an `end` token.
    ///
    /// - Throws: `FormulaError` for a character that starts no token or an unterminated
    ///   or empty backquoted name.
    static func tokens(of source: String) throws -> [FormulaToken] {
        let characters = Array(source)
        var tokens = [FormulaToken]()
        var index = 0
        func fail(_ offset: Int, _ length: Int, _ message: String) -> FormulaError {
            FormulaError(source: source, offset: offset, length: length, message: message)
        }
        while index < characters.count {
            let character = characters[index]
            if character.isWhitespace {
                index += 1
                continue
            }
            let start = index
            if let kind = punctuation(character) {
                tokens.append(FormulaToken(kind: kind, offset: start, length: 1, text: String(character)))
                index += 1
            } else if character == "`" {
                index += 1
                while index < characters.count, characters[index] != "`" { index += 1 }
                guard index < characters.count else {
                    throw fail(start, characters.count - start, "unterminated backquote: the name has no closing '`'")
                }
                let name = String(characters[(start + 1)..<index])
                index += 1
                guard !name.isEmpty else { throw fail(start, 2, "empty backquoted name") }
                tokens.append(FormulaToken(kind: .quotedName(name), offset: start, length: index - start,
                                           text: String(characters[start..<index])))
            } else if isDigit(character) || (character == "." && index + 1 < characters.count && isDigit(characters[index + 1])) {
                while index < characters.count, isDigit(characters[index]) || characters[index] == "." { index += 1 }
                let text = String(characters[start..<index])
                tokens.append(FormulaToken(kind: .number(text), offset: start, length: index - start, text: text))
            } else if FormulaName.isStart(character) {
                while index < characters.count, FormulaName.isContinuation(characters[index]) { index += 1 }
                let text = String(characters[start..<index])
                tokens.append(FormulaToken(kind: .name(text), offset: start, length: index - start, text: text))
            } else if character == "[" {
                throw fail(start, 1, "varying slopes such as fe[x] are not supported")
            } else {
                throw fail(start, 1, "unexpected character '\(character)'")
            }
        }
        tokens.append(FormulaToken(kind: .end, offset: characters.count, length: 0, text: ""))
        try checkNesting(tokens, source: source)
        return tokens
    }

    /// The deepest nesting of parentheses a formula may use (`log(I(x^2))` is 2 deep). The
    /// parser recurses once per level, so deeper text is refused before it is parsed.
    static let maximumNesting = 32

    /// Throws at the first `(` that opens a level deeper than `maximumNesting`.
    private static func checkNesting(_ tokens: [FormulaToken], source: String) throws {
        var depth = 0
        for token in tokens {
            switch token.kind {
            case .openParenthesis:
                depth += 1
                if depth > maximumNesting {
                    throw FormulaError(source: source, offset: token.offset, length: 1,
                                       message: "parentheses nest deeper than \(maximumNesting) levels")
                }
            case .closeParenthesis:
                depth = max(depth - 1, 0)
            default:
                break
            }
        }
    }

    /// The token kind of a one-character operator, or nil.
    private static func punctuation(_ character: Character) -> FormulaToken.Kind? {
        switch character {
        case "~": return .tilde
        case "|": return .pipe
        case "+": return .plus
        case "-": return .minus
        case ":": return .colon
        case "*": return .star
        case "^": return .caret
        case "(": return .openParenthesis
        case ")": return .closeParenthesis
        case ",": return .comma
        default: return nil
        }
    }

    /// Whether `character` is an ASCII digit.
    private static func isDigit(_ character: Character) -> Bool {
        ("0"..."9").contains(character)
    }
}
