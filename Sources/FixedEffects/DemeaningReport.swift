/// How the iterative solver fared on each column.
public struct DemeaningReport: Sendable, Equatable, Codable {
    /// Iterations per column: 1 for a single factor (exact in one pass); for Q ≥ 2 factors,
    /// 1 for the first sweep plus one per loop step (a loop step is one Irons–Tuck step — three
    /// sweeps — with acceleration, one sweep without).
    public let iterations: [Int]
    /// True when every column met the tolerance.
    public let converged: Bool
    /// Indices of the columns that stopped at `maximumIterations` without meeting the tolerance.
    public let nonConvergedColumns: [Int]

    /// A report from its parts; `converged` is derived from `nonConvergedColumns`.
    public init(iterations: [Int], nonConvergedColumns: [Int]) {
        self.iterations = iterations
        self.nonConvergedColumns = nonConvergedColumns
        self.converged = nonConvergedColumns.isEmpty
    }
}
