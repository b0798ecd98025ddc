/// Knowledge breadth P_knowledge = 1 − Σ_m (Z_m/Z)² over patent classes (paper 004, notes §3.8 (3), read
/// as 1 − HHI): 0 when every patent is in one class, 1 − 1/M when M classes are equally used.
public enum KnowledgeBreadth {
    /// 1 − HHI of `counts`; NaN when the total is not positive.
    public static func oneMinusHHI(_ counts: [Double]) -> Double {
        let total = counts.reduce(0, +)
        guard total > 0 else { return .nan }
        return 1 - counts.reduce(0) { $0 + ($1 / total) * ($1 / total) }
    }
}
