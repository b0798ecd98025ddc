/// One lexical token of a formula, located by character offset in the source.
struct FormulaToken: Sendable, Equatable {
    /// What kind of token this is.
    enum Kind: Sendable, Equatable {
        /// An unquoted identifier: letters, digits, `_` and `.`.
        case name(String)
        /// A backquoted name; the payload excludes the backquotes.
        case quotedName(String)
        /// A numeric literal such as `0`, `1`, `2.5`.
        case number(String)
        case tilde, pipe, plus, minus, colon, star, caret, openParenthesis, closeParenthesis, comma
        /// The end of the input.
        case end
    }

    /// The token's kind and payload.
    let kind: Kind
    /// Character offset of the first character.
    let offset: Int
    /// Length in characters (0 for `end`).
    let length: Int
    /// The token as written (empty for `end`).
    let text: String

    /// The name a `name` or `quotedName` token spells, else nil.
    var name: String? {
        switch kind {
        case .name(let name), .quotedName(let name): return name
        default: return nil
        }
    }

    /// The token quoted for an error message: `'+'`, `'x1'`, or `the end of the formula`.
    var quoted: String {
        kind == .end ? "the end of the formula" : "'\(text)'"
    }
}
