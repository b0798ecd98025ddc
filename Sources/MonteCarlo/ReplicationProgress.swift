/// A snapshot of a running Monte Carlo, passed to the progress callback of ``ReplicationRunner``.
public struct ReplicationProgress: Sendable {
    /// Number of replications finished so far (successfully or not).
    public let completed: Int
    /// Number of replications the run will execute.
    public let total: Int
    /// Wall-clock seconds since the run started.
    public let elapsedSeconds: Double

    /// Creates a progress snapshot.
    /// - Parameters:
    ///   - completed: replications finished so far.
    ///   - total: replications in the run.
    ///   - elapsedSeconds: wall-clock seconds since the run started.
    public init(completed: Int, total: Int, elapsedSeconds: Double) {
        self.completed = completed
        self.total = total
        self.elapsedSeconds = elapsedSeconds
    }

    /// Share of the run that is finished, in [0, 1] (1 for an empty run).
    public var fractionCompleted: Double {
        total > 0 ? Double(completed) / Double(total) : 1
    }

    /// Linear extrapolation of the remaining wall-clock time from the average time per finished
    /// replication so far, or `nil` before the first replication has finished.
    public var estimatedSecondsRemaining: Double? {
        guard completed > 0, elapsedSeconds.isFinite, elapsedSeconds >= 0 else { return nil }
        let remaining = max(total - completed, 0)
        return elapsedSeconds / Double(completed) * Double(remaining)
    }
}
