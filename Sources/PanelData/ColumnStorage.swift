/// Storage of one column.
///
/// `factor` holds `Int32` codes into `labels`. Codes are in order of first appearance
/// unless stated otherwise; a missing entry has code −1. The value stored at a missing
/// row is a placeholder (`.nan` for doubles, `0` for ints, −1 for factor codes) and is
/// never read through the `Dataset` accessors.
public enum ColumnStorage: Sendable {
    /// Floating-point values.
    case double([Double])
    /// Integer values.
    case int([Int])
    /// Categorical values: one code per row into `labels`.
    case factor(codes: [Int32], labels: [String])

    /// Number of rows stored.
    public var count: Int {
        switch self {
        case .double(let values): return values.count
        case .int(let values): return values.count
        case .factor(let codes, _): return codes.count
        }
    }

    /// The kind of values stored.
    public var kind: ColumnKind {
        switch self {
        case .double: return .double
        case .int: return .int
        case .factor: return .factor
        }
    }
}
