/// Quoting of text placed inside double-quoted strings of gnuplot scripts.
enum GnuplotText {
    /// Text shown literally by an `enhanced` terminal: line breaks become spaces, the enhanced-text
    /// control characters `^ _ @ & ~ { }` and backslashes are escaped, and so are double quotes.
    static func literal(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "\\": escaped += #"\\\\"#
            case "\"": escaped += #"\""#
            case "^", "_", "@", "&", "~", "{", "}": escaped += #"\\"# + String(character)
            case _ where character.isNewline: escaped += " "
            default: escaped.append(character)
            }
        }
        return escaped
    }

    /// Enhanced-text markup (e.g. `"{/Symbol s}"` or `"k_x"`) made safe for a double-quoted string:
    /// only backslashes, double quotes and line breaks are escaped.
    static func markup(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "\\": escaped += #"\\"#
            case "\"": escaped += #"\""#
            case _ where character.isNewline: escaped += " "
            default: escaped.append(character)
            }
        }
        return escaped
    }

    /// A number for a gnuplot expression: shortest round-trip, with `NaN` for non-finite values.
    static func number(_ value: Double) -> String {
        value.isFinite ? "\(value)" : "NaN"
    }
}
