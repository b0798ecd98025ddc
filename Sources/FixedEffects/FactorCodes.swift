/// A categorical variable as dense codes `0..<levelCount` (−1 = missing).
///
/// This is the representation every algorithm in the target works on: one `Int32` per row,
/// contiguous, so group sums are a single gather/scatter pass.
public struct FactorCodes: Sendable, Equatable {
    /// The variable's name (for interactions, `"a^b"`).
    public let name: String
    /// One code per row, in `0..<levelCount`, or −1 when the row is missing.
    public let codes: [Int32]
    /// Number of levels; codes index `0..<levelCount`. Some levels may be empty.
    public let levelCount: Int

    /// A factor from codes already in `0..<levelCount` (or −1 for missing).
    public init(name: String, codes: [Int32], levelCount: Int) {
        self.name = name
        self.codes = codes
        self.levelCount = levelCount
    }

    /// Rows in the factor.
    public var count: Int { codes.count }

    /// Encodes integers: level k is the k-th smallest distinct non-missing value.
    /// Rows where `missing[i]` is true get code −1 (a `missing` of another length is ignored past its end).
    /// When the value range is at most a few times the row count, a lookup table over the range
    /// replaces hashing (same result, linear time).
    public static func encode(name: String, integers: [Int], missing: [Bool]? = nil) -> FactorCodes {
        func isMissing(_ row: Int) -> Bool {
            guard let missing, row < missing.count else { return false }
            return missing[row]
        }
        var low = Int.max, high = Int.min
        for (row, value) in integers.enumerated() where !isMissing(row) {
            low = Swift.min(low, value)
            high = Swift.max(high, value)
        }
        guard low <= high else { return FactorCodes(name: name, codes: Array(repeating: -1, count: integers.count), levelCount: 0) }
        let (range, overflow) = high.subtractingReportingOverflow(low)
        guard !overflow, range <= 8 * integers.count + 4096 else {
            return encodeSorted(name: name, values: integers, missing: missing)
        }
        var table = [Int32](repeating: -1, count: range + 1)
        for (row, value) in integers.enumerated() where !isMissing(row) { table[value - low] = 0 }
        var next: Int32 = 0
        for slot in 0...range where table[slot] == 0 {
            table[slot] = next
            next += 1
        }
        let codes = integers.indices.map { row in isMissing(row) ? -1 : table[integers[row] - low] }
        return FactorCodes(name: name, codes: codes, levelCount: Int(next))
    }

    /// Encodes labels: level k is the k-th distinct non-missing label in sorted (`<`) order.
    public static func encode(name: String, labels: [String], missing: [Bool]? = nil) -> FactorCodes {
        encodeSorted(name: name, values: labels, missing: missing)
    }

    /// Number of rows in each level (missing rows are not counted).
    public var levelSizes: [Int] {
        var sizes = [Int](repeating: 0, count: levelCount)
        for code in codes where code >= 0 && Int(code) < levelCount {
            sizes[Int(code)] += 1
        }
        return sizes
    }

    /// Keeps `rows` (in the given order) and renumbers the levels that remain densely,
    /// preserving their relative order. Missing rows stay missing; out-of-range indices are skipped.
    public func restricted(to rows: [Int]) -> FactorCodes {
        var kept = [Int32]()
        kept.reserveCapacity(rows.count)
        for row in rows where row >= 0 && row < codes.count {
            kept.append(codes[row])
        }
        var newCode = [Int32](repeating: -1, count: levelCount)
        for code in kept where code >= 0 && Int(code) < levelCount {
            newCode[Int(code)] = 0
        }
        var next: Int32 = 0
        for level in 0..<levelCount where newCode[level] == 0 {
            newCode[level] = next
            next += 1
        }
        let renumbered = kept.map { code -> Int32 in
            code >= 0 && Int(code) < levelCount ? newCode[Int(code)] : -1
        }
        return FactorCodes(name: name, codes: renumbered, levelCount: Int(next))
    }

    private static func encodeSorted<Value: Hashable & Comparable>(
        name: String, values: [Value], missing: [Bool]?
    ) -> FactorCodes {
        func isMissing(_ row: Int) -> Bool {
            guard let missing, row < missing.count else { return false }
            return missing[row]
        }
        var distinct = Set<Value>()
        for (row, value) in values.enumerated() where !isMissing(row) {
            distinct.insert(value)
        }
        let sorted = distinct.sorted()
        var index = [Value: Int32](minimumCapacity: sorted.count)
        for (level, value) in sorted.enumerated() {
            index[value] = Int32(truncatingIfNeeded: level)
        }
        var codes = [Int32](repeating: -1, count: values.count)
        for (row, value) in values.enumerated() where !isMissing(row) {
            codes[row] = index[value] ?? -1
        }
        return FactorCodes(name: name, codes: codes, levelCount: sorted.count)
    }
}
