extension Column: Equatable {
    /// Two columns are equal when names, missing positions and the values at non-missing
    /// rows are equal (doubles bitwise, see `ColumnStorage.==`). Placeholders at missing
    /// rows are ignored, and a `nil` mask equals an all-`false` one.
    public static func == (lhs: Column, rhs: Column) -> Bool {
        guard lhs.name == rhs.name, lhs.count == rhs.count else { return false }
        for row in 0..<lhs.count where lhs.isMissing(row) != rhs.isMissing(row) {
            return false
        }
        if lhs.missing == nil && rhs.missing == nil {
            return lhs.storage == rhs.storage
        }
        switch (lhs.storage, rhs.storage) {
        case let (.double(left), .double(right)):
            for row in 0..<lhs.count where !lhs.isMissing(row) {
                if !ColumnStorage.sameDouble(left[row], right[row]) { return false }
            }
            return true
        case let (.int(left), .int(right)):
            for row in 0..<lhs.count where !lhs.isMissing(row) && left[row] != right[row] {
                return false
            }
            return true
        case let (.factor(leftCodes, leftLabels), .factor(rightCodes, rightLabels)):
            guard leftLabels == rightLabels else { return false }
            for row in 0..<lhs.count where !lhs.isMissing(row) && leftCodes[row] != rightCodes[row] {
                return false
            }
            return true
        default:
            return false
        }
    }
}
