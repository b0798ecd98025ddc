/// What is wrong at one place of a weight file (``SpatialError/weightsFile(file:line:field:problem:)``).
public enum WeightsFileProblem: Equatable, Sendable {
    /// The file cannot be read (the operating system's reason).
    case unreadable(String)
    /// No data at all (or only blank lines).
    case emptyFile
    /// A header that declares no unit (a W needs at least one).
    case noUnits
    /// The header line is not what the format needs; `expected` says what it should be.
    case badHeader(found: String, expected: String)
    /// A field that should be a finite decimal number.
    case badNumber(String)
    /// A weight below zero.
    case negativeWeight(Double)
    /// A dense matrix whose rows and columns differ in number.
    case nonSquare(rows: Int, columns: Int)
    /// A line with the wrong number of fields.
    case fieldCount(found: Int, expected: String)
    /// A neighbour id that is not one of the file's units.
    case unknownUnit(String)
    /// A unit id given twice (after ``SpatialUnitKey`` canonicalisation: "1" and "01" are one unit).
    case duplicateUnit(String)
    /// The same (from, to) pair twice.
    case duplicatePair(from: String, to: String)
    /// A unit listed as its own neighbour with a non-zero weight.
    case selfNeighbour(String)
    /// A declared count that the file does not match (`what`: "units", "neighbours of 12").
    case countMismatch(what: String, declared: Int, found: Int)
    /// More units than hetfirm accepts.
    case tooManyUnits(count: Int, limit: Int)
    /// More stored weights than hetfirm accepts.
    case tooManyEntries(limit: Int)
    /// An empty unit id.
    case emptyIdentifier
    /// A quoted field without its closing quote.
    case unterminatedQuote
    /// Text after a closing quote (`"a"b`).
    case textAfterQuote
}

extension WeightsFileProblem: CustomStringConvertible {
    public var description: String {
        switch self {
        case .unreadable(let reason): "cannot read the file: \(reason)"
        case .emptyFile: "the file is empty"
        case .noUnits: "the file declares no units"
        case .badHeader(let found, let expected): "header '\(Self.shortened(found))': expected \(expected)"
        case .badNumber(let text): "'\(Self.shortened(text))' is not a number"
        case .negativeWeight(let value): "weight \(value) is negative; weights must be ≥ 0"
        case .nonSquare(let rows, let columns): "the matrix has \(rows) row(s) and \(columns) column(s); W must be square"
        case .fieldCount(let found, let expected): "\(found) field(s), expected \(expected)"
        case .unknownUnit(let unit): "unit '\(Self.shortened(unit))' is not one of the file's units"
        case .duplicateUnit(let unit): "unit '\(Self.shortened(unit))' appears twice (ids are compared by value: 1, 01 and 1.0 are one unit)"
        case .duplicatePair(let from, let to): "the pair \(Self.shortened(from)) → \(Self.shortened(to)) appears twice"
        case .selfNeighbour(let unit): "unit '\(Self.shortened(unit))' is its own neighbour; W must have a zero diagonal"
        case .countMismatch(let what, let declared, let found): "\(what): \(declared) declared, \(found) found"
        case .tooManyUnits(let count, let limit): "\(count) units; hetfirm accepts at most \(limit)"
        case .tooManyEntries(let limit): "more than \(limit) non-zero weights; hetfirm accepts at most \(limit)"
        case .emptyIdentifier: "empty unit id"
        case .unterminatedQuote: "a quoted field is not closed"
        case .textAfterQuote: "text after a closing quote"
        }
    }

    /// At most 40 characters of a text, for messages.
    static func shortened(_ text: String) -> String {
        text.count <= 40 ? text : String(text.prefix(37)) + "…"
    }
}
