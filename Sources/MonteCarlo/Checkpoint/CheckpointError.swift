/// Why a checkpoint of a resumable run cannot be used (CLI exit code 2: bad input).
public enum CheckpointError: Error, Sendable, CustomStringConvertible {
    /// The checkpoint was written by a run of another scenario, seed, replication count or shard.
    case mismatch(path: String, expected: String, found: String)
    /// The checkpoint cannot be read, or a complete line of it is malformed.
    case unreadable(path: String, reason: String)

    public var description: String {
        switch self {
        case .mismatch(let path, let expected, let found):
            return "error: \(path) belongs to a different run (\(found)); this run is \(expected). "
                + "The scenario, its seed, the replication count or the shard changed. "
                + "Run without --resume to start over (the checkpoint is then replaced), or restore the original scenario."
        case .unreadable(let path, let reason):
            return "error: cannot resume from \(path): \(reason). Run without --resume to start over."
        }
    }
}
