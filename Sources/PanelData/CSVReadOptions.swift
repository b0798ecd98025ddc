/// Options for `CSVReader`.
public struct CSVReadOptions: Sendable {
    /// The field separator, one ASCII byte (default `,`). Must not be `"`, CR or LF.
    public var delimiter: UInt8 = UInt8(ascii: ",")
    /// Unquoted field texts that mean "missing" (default: empty and `NA`). Quoted fields
    /// are never missing, so `"NA"` in quotes is the string `NA`.
    public var missingTokens: Set<String> = ["", "NA"]
    /// Column types that override inference, by column name. A field that does not parse
    /// as the given type is an error naming its row and column.
    public var columnTypes: [String: ColumnKind] = [:]
    /// Threads used to parse (0, the default: up to 2, one for data under 1 MiB). Files whose
    /// quotes could hide line breaks are always read by one thread. The result is the same
    /// for every thread count.
    public var threads: Int = 0

    /// Default options: comma-separated, `""` and `NA` missing, types inferred.
    public init() {}
}
