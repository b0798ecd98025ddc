extension Dataset {
    /// Dense group ids for the combination of the named columns (any kinds).
    ///
    /// Groups are numbered in order of first appearance; a row with a missing value in any
    /// key column (or a NaN double) gets group −1. Doubles are keyed by value, with −0.0
    /// and 0.0 the same key. With no names, every row is in group 0.
    ///
    /// - Throws: `unknownColumn` for an unknown name.
    public func groupIndex(by names: [String]) throws -> GroupIndex {
        let keyColumns = try names.map { try column(named: $0) }
        guard let first = keyColumns.first else {
            return GroupIndex(groupOfRow: [Int32](repeating: 0, count: rowCount))
        }
        var (groups, groupCount) = Dataset.denseCodes(of: first)
        for column in keyColumns.dropFirst() {
            let (codes, codeCount) = Dataset.denseCodes(of: column)
            (groups, groupCount) = Dataset.combine(groups, groupCount, with: codes, codeCount)
        }
        return GroupIndex(groupOfRow: groups)
    }

    /// Dense codes (first appearance) of one column's values; −1 for missing.
    static func denseCodes(of column: Column) -> (codes: [Int32], count: Int) {
        var codes = [Int32](repeating: -1, count: column.count)
        var count: Int32 = 0
        switch column.storage {
        case .factor(let stored, let labels):
            var remap = [Int32](repeating: -1, count: labels.count)
            for row in stored.indices where !column.isMissing(row) {
                let code = Int(stored[row])
                guard code >= 0, code < labels.count else { continue }
                if remap[code] < 0 {
                    remap[code] = count
                    count += 1
                }
                codes[row] = remap[code]
            }
        case .int(let values):
            var lookup = [Int: Int32]()
            for row in values.indices where !column.isMissing(row) {
                codes[row] = Dataset.code(for: values[row], in: &lookup, next: &count)
            }
        case .double(let values):
            var lookup = [UInt64: Int32]()
            for row in values.indices where !column.isMissing(row) && !values[row].isNaN {
                let value = values[row] == 0 ? 0.0 : values[row]
                codes[row] = Dataset.code(for: value.bitPattern, in: &lookup, next: &count)
            }
        }
        return (codes, Int(count))
    }

    /// Dense codes of the pairs (left, right), first appearance; −1 if either is −1.
    static func combine(_ left: [Int32], _ leftCount: Int, with right: [Int32], _ rightCount: Int)
        -> (codes: [Int32], count: Int)
    {
        var codes = [Int32](repeating: -1, count: left.count)
        var count: Int32 = 0
        let (product, overflow) = leftCount.multipliedReportingOverflow(by: rightCount)
        if !overflow, product <= 4 * left.count + 1024 {
            var table = [Int32](repeating: -1, count: product)
            for row in left.indices where left[row] >= 0 && right[row] >= 0 {
                let key = Int(left[row]) * rightCount + Int(right[row])
                if table[key] < 0 {
                    table[key] = count
                    count += 1
                }
                codes[row] = table[key]
            }
        } else {
            var lookup = [SIMD2<Int32>: Int32]()
            for row in left.indices where left[row] >= 0 && right[row] >= 0 {
                let key = SIMD2(left[row], right[row])
                codes[row] = Dataset.code(for: key, in: &lookup, next: &count)
            }
        }
        return (codes, Int(count))
    }

    private static func code<Key: Hashable>(for key: Key, in lookup: inout [Key: Int32], next: inout Int32) -> Int32 {
        if let code = lookup[key] { return code }
        let code = next
        lookup[key] = code
        next += 1
        return code
    }
}
