extension ColumnStorage: Equatable {
    /// Value equality. Doubles compare by bit pattern, except that any two NaNs are
    /// equal: so `-0.0 != 0.0` here (a round trip must preserve the sign of zero) and a
    /// column equals itself even when it holds NaN placeholders.
    public static func == (lhs: ColumnStorage, rhs: ColumnStorage) -> Bool {
        switch (lhs, rhs) {
        case let (.double(left), .double(right)):
            guard left.count == right.count else { return false }
            for index in left.indices where !ColumnStorage.sameDouble(left[index], right[index]) {
                return false
            }
            return true
        case let (.int(left), .int(right)):
            return left == right
        case let (.factor(leftCodes, leftLabels), .factor(rightCodes, rightLabels)):
            return leftCodes == rightCodes && leftLabels == rightLabels
        default:
            return false
        }
    }

    /// Bitwise equality with all NaNs equal.
    static func sameDouble(_ left: Double, _ right: Double) -> Bool {
        if left.isNaN { return right.isNaN }
        return left.bitPattern == right.bitPattern
    }
}
