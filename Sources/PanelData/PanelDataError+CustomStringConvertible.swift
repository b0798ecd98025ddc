extension PanelDataError: CustomStringConvertible {
    /// A one-line, human-readable message, e.g. `data.csv:7:3 (column 'x'): not a number: "abc"`.
    public var description: String {
        switch self {
        case let .io(path, reason):
            return "\(path): \(reason)"
        case let .csv(file, row, column, columnName, reason):
            if let columnName {
                return "\(file):\(row):\(column) (column '\(columnName)'): \(reason)"
            }
            return "\(file):\(row):\(column): \(reason)"
        case let .unknownColumn(name, suggestion):
            if let suggestion {
                return "no column '\(name)' (did you mean '\(suggestion)'?)"
            }
            return "no column '\(name)'"
        case let .lengthMismatch(column, expected, found):
            return "column '\(column)' has \(found) rows, expected \(expected)"
        case let .duplicateColumn(name):
            return "duplicate column '\(name)'"
        case let .wrongColumnType(column, expected, found):
            return "column '\(column)' is \(found), expected \(expected)"
        case let .duplicatePanelKey(row, unit, time):
            return "duplicate panel key at row \(row): unit '\(unit)', time '\(time)' already appears in an earlier row"
        case let .invalidTime(column, row, value):
            return "the time column '\(column)' must hold whole numbers (years, periods), but row \(row) holds '\(value)'"
        case let .missingValue(column, row):
            return "column '\(column)' has a missing value at row \(row)"
        }
    }
}
