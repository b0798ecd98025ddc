/// Everything one Monte Carlo replication produced: the estimates of every recovered parameter.
public struct ReplicationRecord: Sendable, Codable, Equatable {
    /// The replication index `r` (the same index the replication's random stream is derived from).
    public var replication: Int
    /// The estimates made in this replication, one per recovered parameter.
    public var estimates: [ParameterEstimate]

    /// Creates the record of replication `replication`.
    /// - Parameters:
    ///   - replication: the replication index.
    ///   - estimates: the estimates made in that replication.
    public init(replication: Int, estimates: [ParameterEstimate]) {
        self.replication = replication
        self.estimates = estimates
    }
}
