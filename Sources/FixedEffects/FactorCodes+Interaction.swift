extension FactorCodes {
    /// The interaction `a^b` (fixest syntax): one level per observed pair (a, b), numbered in
    /// lexicographic order of (code of a, code of b); missing where either factor is missing.
    ///
    /// No dense expansion of the pairs: each row gets the 64-bit key `a · levels(b) + b`; keys are
    /// mapped to levels through a lookup table when `levels(a) · levels(b)` is at most a few times
    /// the row count, and through the sorted distinct keys (binary search) otherwise.
    public func interacted(with other: FactorCodes) -> FactorCodes {
        let rows = Swift.min(codes.count, other.codes.count)
        let width = Int64(Swift.max(other.levelCount, 1))
        var keys = [Int64](repeating: -1, count: rows)
        for row in 0..<rows {
            let left = codes[row], right = other.codes[row]
            if left >= 0, right >= 0 {
                keys[row] = Int64(left) * width + Int64(right)
            }
        }
        let combinedName = "\(name)^\(other.name)"
        let space = Int64(Swift.max(levelCount, 0)) * width
        if space <= Int64(8 * rows + 4096) {
            return Self.encodeKeysByTable(name: combinedName, keys: keys, space: Int(space))
        }
        return Self.encodeKeysBySort(name: combinedName, keys: keys)
    }

    private static func encodeKeysByTable(name: String, keys: [Int64], space: Int) -> FactorCodes {
        var table = [Int32](repeating: -1, count: space)
        for key in keys where key >= 0 { table[Int(key)] = 0 }
        var next: Int32 = 0
        for slot in 0..<space where table[slot] == 0 {
            table[slot] = next
            next += 1
        }
        let codes = keys.map { $0 >= 0 ? table[Int($0)] : -1 }
        return FactorCodes(name: name, codes: codes, levelCount: Int(next))
    }

    private static func encodeKeysBySort(name: String, keys: [Int64]) -> FactorCodes {
        var distinct = keys.filter { $0 >= 0 }
        distinct.sort()
        var unique = [Int64]()
        unique.reserveCapacity(distinct.count)
        for key in distinct where unique.last != key { unique.append(key) }
        let codes = keys.map { key -> Int32 in
            guard key >= 0 else { return -1 }
            var low = 0, high = unique.count
            while low < high {
                let middle = (low + high) / 2
                if unique[middle] < key { low = middle + 1 } else { high = middle }
            }
            return Int32(truncatingIfNeeded: low)
        }
        return FactorCodes(name: name, codes: codes, levelCount: unique.count)
    }
}
