import PanelData

/// A median split within groups (paper 004, notes §3.9: labour intensity split at the industry × year
/// median into labour-intensive and capital/technology-intensive firms).
///
/// The median is over the distinct units (e.g. firm-years) of each group, not over records, so a
/// firm with many records does not move it; a unit whose value is ≥ its group's median gets 1, else 0
/// (an even count takes the mean of the two middle values). Rows with a non-finite value get −1.
public enum GroupMedianSplit {
    /// 1/0/−1 per row of `values` (constant within a unit), split at the median of `groups`.
    public static func aboveMedian(_ values: [Double], units: GroupIndex, groups: GroupIndex) -> [Int] {
        var unitValue = [Double](repeating: .nan, count: units.groupCount)
        var unitGroup = [Int](repeating: -1, count: units.groupCount)
        for (row, value) in values.enumerated() where units.groupOfRow[row] >= 0 && groups.groupOfRow[row] >= 0 {
            unitValue[Int(units.groupOfRow[row])] = value
            unitGroup[Int(units.groupOfRow[row])] = Int(groups.groupOfRow[row])
        }
        var members = Array(repeating: [Double](), count: groups.groupCount)
        for (value, group) in zip(unitValue, unitGroup) where group >= 0 && value.isFinite { members[group].append(value) }
        let medians = members.map { list -> Double in
            let sorted = list.sorted()
            guard !sorted.isEmpty else { return .nan }
            let middle = sorted.count / 2
            return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
        }
        return values.enumerated().map { row, value in
            guard value.isFinite, groups.groupOfRow[row] >= 0 else { return -1 }
            return value >= medians[Int(groups.groupOfRow[row])] ? 1 : 0
        }
    }
}
