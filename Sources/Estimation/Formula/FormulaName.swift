/// Spelling rules for names in formulas: which characters form an identifier and when a
/// name must be written in backquotes.
enum FormulaName {
    /// Whether `character` may start an unquoted name (a letter, `_` or `.`).
    static func isStart(_ character: Character) -> Bool {
        character.isLetter || character == "_" || character == "."
    }

    /// Whether `character` may continue an unquoted name (also ASCII digits).
    static func isContinuation(_ character: Character) -> Bool {
        isStart(character) || ("0"..."9").contains(character)
    }

    /// Whether `name` can be written without backquotes: an identifier that does not read
    /// as a number (`.5`).
    static func isPlain(_ name: String) -> Bool {
        guard let first = name.first, isStart(first), name.allSatisfy(isContinuation) else { return false }
        if first == ".", let second = name.dropFirst().first, ("0"..."9").contains(second) { return false }
        return true
    }

    /// `name` as written in a formula: plain, or in backquotes.
    static func display(_ name: String) -> String {
        isPlain(name) ? name : "`\(name)`"
    }
}
