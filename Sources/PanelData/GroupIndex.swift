/// Dense group ids for a key of one or more columns; rows with a missing key get group −1.
///
/// Group ids run over `0..<groupCount` in order of first appearance of each key value.
/// Rows of each group are precomputed as a permutation of row indices sorted by group
/// (stable, so rows within a group keep their original order) plus group offsets.
public struct GroupIndex: Sendable, Equatable {
    /// The group of each row, or −1 when the row's key is missing.
    public let groupOfRow: [Int32]
    /// Number of groups.
    public let groupCount: Int
    /// Start of each group's rows in `rowsByGroup`; `groupCount + 1` entries.
    public let groupOffsets: [Int]
    /// Row indices sorted by group (rows in group −1 are left out).
    public let rowsByGroup: [Int]

    /// Builds the layout from per-row group ids. Negative ids mean "no group";
    /// `groupCount` is one more than the largest id (ids need not all be used).
    public init(groupOfRow: [Int32]) {
        let normalized = groupOfRow.map { $0 < 0 ? Int32(-1) : $0 }
        let count = Int(normalized.max() ?? -1) + 1
        var offsets = [Int](repeating: 0, count: count + 1)
        for group in normalized where group >= 0 {
            offsets[Int(group) + 1] += 1
        }
        for group in 0..<count {
            offsets[group + 1] += offsets[group]
        }
        var next = Array(offsets.dropLast())
        var rows = [Int](repeating: 0, count: offsets[count])
        for (row, group) in normalized.enumerated() where group >= 0 {
            rows[next[Int(group)]] = row
            next[Int(group)] += 1
        }
        self.groupOfRow = normalized
        self.groupCount = count
        self.groupOffsets = offsets
        self.rowsByGroup = rows
    }

    /// The rows of `group`, in original order; empty for an id outside `0..<groupCount`.
    public func rows(inGroup group: Int) -> [Int] {
        guard group >= 0, group < groupCount else { return [] }
        return Array(rowsByGroup[groupOffsets[group]..<groupOffsets[group + 1]])
    }

    /// Number of rows in each group.
    public var sizes: [Int] {
        (0..<groupCount).map { groupOffsets[$0 + 1] - groupOffsets[$0] }
    }

    /// Number of rows whose key is missing (group −1).
    public var ungroupedRowCount: Int { groupOfRow.count - rowsByGroup.count }
}
