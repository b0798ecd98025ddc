extension MeasuresError: CustomStringConvertible {
    /// A one-line message naming the input, row and column.
    public var description: String {
        switch self {
        case let .lengthMismatch(input, column, expected, found):
            return "\(input): column '\(column)' has \(found) values, expected \(expected)"
        case let .valueOutOfRange(input, column, row, value, allowed):
            return "\(input): row \(row), column '\(column)': value \(value) is outside \(allowed)"
        case let .inconsistent(input, row, reason):
            if let row { return "\(input): row \(row): \(reason)" }
            return "\(input): \(reason)"
        case let .duplicateRow(input, row, key):
            return "\(input): row \(row) repeats the key \(key)"
        case let .unknownColumn(name):
            return "no column named '\(name)'"
        case let .wrongColumnType(column, expected):
            return "column '\(column)' is not of type \(expected)"
        case let .undefinedStatistic(column, reason):
            return "column '\(column)': \(reason)"
        }
    }
}
