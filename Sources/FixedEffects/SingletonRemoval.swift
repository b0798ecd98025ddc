/// Iterative removal of singleton observations (fixest / pyfixest `fixef_rm = "singleton"`).
public enum SingletonRemoval {
    /// Iteratively drops observations that are alone in a level of any factor until none is.
    ///
    /// Each round counts, for every factor, the kept rows per level and drops the rows whose level
    /// has exactly one; dropping can create new singletons, so rounds repeat until a round drops
    /// nothing. Rows with a missing code (−1) in any factor are not part of the sample: they get
    /// `keep = false` but are not counted in `removed`. Factors shorter than the first are treated
    /// as missing past their end.
    /// - Returns: `keep[i]` for each row, and the number of singleton rows dropped.
    public static func nonSingletonRows(_ factors: [FactorCodes]) -> (keep: [Bool], removed: Int) {
        guard let rows = factors.first?.codes.count else { return ([], 0) }
        var keep = [Bool](repeating: true, count: rows)
        for factor in factors {
            for row in 0..<rows {
                if row >= factor.codes.count || factor.codes[row] < 0 || Int(factor.codes[row]) >= factor.levelCount {
                    keep[row] = false
                }
            }
        }
        var removed = 0
        var counts = [[Int32]](repeating: [], count: factors.count)
        var changed = true
        while changed {
            changed = false
            for (index, factor) in factors.enumerated() {
                counts[index] = [Int32](repeating: 0, count: factor.levelCount)
                for row in 0..<rows where keep[row] {
                    counts[index][Int(factor.codes[row])] += 1
                }
            }
            for row in 0..<rows where keep[row] {
                for (index, factor) in factors.enumerated() where counts[index][Int(factor.codes[row])] == 1 {
                    keep[row] = false
                    removed += 1
                    changed = true
                    break
                }
            }
        }
        return (keep, removed)
    }
}
