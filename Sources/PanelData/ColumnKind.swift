/// The type of a column's values, without the values themselves.
public enum ColumnKind: String, Sendable, Equatable, Hashable, CaseIterable, CustomStringConvertible {
    /// 64-bit floating-point values.
    case double
    /// 64-bit signed integers.
    case int
    /// Categorical values: `Int32` codes into a list of string labels.
    case factor

    /// The kind's name as used in error messages: `double`, `int` or `factor`.
    public var description: String { rawValue }
}
