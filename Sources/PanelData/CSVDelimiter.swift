/// A field separator of a delimited text file that hetfirm can be told or can detect.
public enum CSVDelimiter: String, Sendable, Equatable, CaseIterable, CustomStringConvertible {
    /// `,` (CSV).
    case comma = ","
    /// `;` (common where the decimal separator is a comma; decimal commas are not read).
    case semicolon = ";"
    /// A tab (TSV).
    case tab = "\t"
    /// `|`.
    case pipe = "|"

    /// The separator's byte.
    public var byte: UInt8 { rawValue.utf8.first ?? UInt8(ascii: ",") }

    /// The separator's name in messages: `comma`, `semicolon`, `tab` or `pipe`.
    public var name: String {
        switch self {
        case .comma: return "comma"
        case .semicolon: return "semicolon"
        case .tab: return "tab"
        case .pipe: return "pipe"
        }
    }

    /// The name, as `description`.
    public var description: String { name }
}
