/// A formula that does not parse, or parses to something that cannot be estimated.
///
/// `offset` and `length` count characters (not bytes) of `source`; `description` shows
/// the source with a caret under the offending token:
///
///     error in formula: expected a variable name after '+'
///       y ~ x1 + + x2
///                ^
public struct FormulaError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The formula as the user typed it.
    public let source: String
    /// Character offset of the offending token (`source.count` for the end of input).
    public let offset: Int
    /// Length of the offending token in characters (0 for the end of input).
    public let length: Int
    /// What is wrong, in one line.
    public let message: String

    /// An error located at `offset ..< offset + length` of `source`.
    public init(source: String, offset: Int, length: Int, message: String) {
        self.source = source
        self.offset = offset
        self.length = length
        self.message = message
    }

    /// The message, the source, and a caret line (one `^` per character of the token).
    ///
    /// Tabs and line breaks in the source are shown as spaces so the caret stays aligned.
    /// A source longer than this is shown as a window around the offending token.
    static let shownCharacters = 160

    public var description: String {
        var shown = Array(source.map { $0.isNewline || $0 == "\t" ? " " : $0 })
        let count = shown.count
        var start = min(max(offset, 0), count)
        var width = max(1, min(length, count - start))
        if count > Self.shownCharacters {
            // A window of the source around the token, with "…" where it is cut.
            let half = Self.shownCharacters / 2
            let lower = max(0, start - half), upper = min(count, start + min(width, half) + half)
            shown = (lower > 0 ? ["…"] : []) + Array(shown[lower..<upper]) + (upper < count ? ["…"] : [])
            start = start - lower + (lower > 0 ? 1 : 0)
            width = min(width, half)
        }
        return "error in formula: \(message)\n  \(String(shown))\n  "
            + String(repeating: " ", count: start) + String(repeating: "^", count: width)
    }
}
