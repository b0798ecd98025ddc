/// A row of `replications.csv` (or of a checkpoint) that cannot be read back.
public struct ReplicationCSVError: Error, Sendable, Equatable, CustomStringConvertible {
    /// 1-based line, counting the header as line 1 (a quoted field may span lines).
    public let row: Int
    /// 1-based column.
    public let column: Int
    public let message: String

    public init(row: Int, column: Int, message: String) {
        self.row = row
        self.column = column
        self.message = message
    }

    public var description: String { "line \(row), column \(column): \(message)" }
}
