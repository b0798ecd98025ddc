/// Errors thrown by the `Measures` target. Every case names what is wrong and where: the
/// input, the 0-based row and the column (field) concerned.
public enum MeasuresError: Error, Equatable, Sendable {
    /// Two columns of one input have different lengths.
    case lengthMismatch(input: String, column: String, expected: Int, found: Int)
    /// A value lies outside its allowed range (an index beyond the geography, a negative
    /// count, a non-positive export value, ...). `row` is the 0-based row of the input.
    case valueOutOfRange(input: String, column: String, row: Int, value: String, allowed: String)
    /// Two inputs disagree (the sample's firm or city for a plant differs from the roster,
    /// two aggregates have different dimensions, ...).
    case inconsistent(input: String, row: Int?, reason: String)
    /// The same key occurs twice (e.g. two flows for one exporter, destination and year).
    case duplicateRow(input: String, row: Int, key: String)
    /// A dataset has no column of this name.
    case unknownColumn(String)
    /// A dataset column has the wrong type for the operation.
    case wrongColumnType(column: String, expected: String)
    /// A statistic is undefined (e.g. a standard deviation of zero or from fewer than two values).
    case undefinedStatistic(column: String, reason: String)
}
