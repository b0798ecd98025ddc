/// Errors thrown by the `PanelData` target. Every case carries enough context to
/// tell the user what went wrong and where (file, row, column, or column name).
public enum PanelDataError: Error, Equatable, Sendable {
    /// A file could not be read or written. `reason` is the operating system's message.
    case io(path: String, reason: String)
    /// A CSV file is malformed or a field does not parse as its column's type.
    ///
    /// `row` is the 1-based line number in the file, counting the header as line 1;
    /// `column` is the 1-based field index; `columnName` is the header name when known.
    case csv(file: String, row: Int, column: Int, columnName: String?, reason: String)
    /// No column has this name. `suggestion` is the closest existing name, if any is close.
    case unknownColumn(name: String, suggestion: String?)
    /// A column's length (or its missing mask's length) differs from the dataset's row count.
    case lengthMismatch(column: String, expected: Int, found: Int)
    /// Two columns share a name.
    case duplicateColumn(String)
    /// A column has a different type from the one an operation needs.
    case wrongColumnType(column: String, expected: String, found: String)
    /// Two rows share the same (unit, time) panel key; `row` is the 0-based dataset row
    /// of the second occurrence.
    case duplicatePanelKey(row: Int, unit: String, time: String)
    /// A panel's time column holds a value that is not a whole number (text, or a fraction);
    /// `row` is the 0-based dataset row of the first such value.
    case invalidTime(column: String, row: Int, value: String)
    /// A value is missing where the operation cannot accept one; `row` is the 0-based
    /// dataset row of the first missing value.
    case missingValue(column: String, row: Int)
}
