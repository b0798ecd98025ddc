import Foundation

/// A gnuplot-ready whitespace-separated `.dat` file: `# ` header lines naming each column and its
/// unit, then one row per observation.
///
/// ```
/// # Comparative statics of the cutoff in tau
/// # column 1: tau [iceberg factor]
/// # column 2: cutoff [productivity]
/// 1.1 0.8312
/// ```
public struct DataSeries: Sendable, Equatable {
    /// File stem: the series is written to `stem.dat`.
    public let stem: String
    /// Title written as the first header line.
    public let title: String
    /// The columns, all of the same length; the first one is the x axis of line plots.
    public let columns: [SeriesColumn]

    /// Creates a series after validating it.
    /// - Throws: ``ReportingError`` when the stem is not a safe file name, there are no columns,
    ///   a column name is empty, a name, unit or the title spans several lines, or the columns
    ///   have different lengths.
    public init(stem: String, title: String, columns: [SeriesColumn]) throws {
        try FileStem.validate(stem)
        guard let first = columns.first else { throw ReportingError.noColumns(stem: stem) }
        try Self.requireSingleLine(title, field: "title", allowEmpty: true)
        for column in columns {
            try Self.requireSingleLine(column.name, field: "column name", allowEmpty: false)
            try Self.requireSingleLine(column.unit, field: "unit of column \(column.name)", allowEmpty: true)
            guard column.values.count == first.values.count else {
                throw ReportingError.columnLengthMismatch(
                    column: column.name, expected: first.values.count, actual: column.values.count)
            }
        }
        self.stem = stem
        self.title = title
        self.columns = columns
    }

    /// Number of rows.
    public var rowCount: Int { columns.first?.values.count ?? 0 }

    /// The 1-based gnuplot column number of the column called `name`, if any.
    public func columnNumber(named name: String) -> Int? {
        columns.firstIndex { $0.name == name }.map { $0 + 1 }
    }

    /// The file contents: header lines, then rows of space-separated values in shortest
    /// round-trip notation; NaN and ±∞ are written as `NaN` (gnuplot treats them as missing).
    public func render() -> String {
        var text = ""
        if !title.isEmpty { text += "# \(title)\n" }
        for (index, column) in columns.enumerated() {
            let unit = column.unit.isEmpty ? "dimensionless" : column.unit
            text += "# column \(index + 1): \(column.name) [\(unit)]\n"
        }
        text += "# " + columns.map(\.name).joined(separator: " ") + "\n"
        for row in 0..<rowCount {
            text += columns.map { Self.format($0.values[row]) }.joined(separator: " ") + "\n"
        }
        return text
    }

    /// Shortest representation that reads back to the same Double; `NaN` when not finite.
    static func format(_ value: Double) -> String {
        value.isFinite ? "\(value)" : "NaN"
    }

    private static func requireSingleLine(_ text: String, field: String, allowEmpty: Bool) throws {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if (!allowEmpty && trimmed.isEmpty) || text.contains(where: \.isNewline) {
            throw ReportingError.invalidText(field: field, value: text)
        }
    }
}
