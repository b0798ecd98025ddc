/// The result of one replication as a pipeline keeps it, reduced to what a checkpoint stores: the
/// record, the failure and the `extra` that later reporting needs from every replication
/// (e.g. the structural-fit bins, the quality diagnostics). Outputs of replication 0 only (the
/// regression tables, the panel) are not stored: ``ReplicationPlan`` reruns replication 0 instead.
public protocol ResumableReplicate: Sendable {
    associatedtype Extra: Codable & Sendable
    var record: ReplicationRecord { get }
    var failure: ReplicationFailure? { get }
    var extra: Extra? { get }
    /// A replication rebuilt from its checkpoint entry.
    init(restoring record: ReplicationRecord, failure: ReplicationFailure?, extra: Extra?)
}

/// A replication that keeps nothing beyond its record and failure.
package struct PlainReplicate: ResumableReplicate {
    package struct Nothing: Codable, Sendable {}
    package let record: ReplicationRecord
    package let failure: ReplicationFailure?
    package var extra: Nothing? { nil }

    package init(record: ReplicationRecord, failure: ReplicationFailure?) {
        self.record = record
        self.failure = failure
    }

    package init(restoring record: ReplicationRecord, failure: ReplicationFailure?, extra: Nothing?) {
        self.init(record: record, failure: failure)
    }
}
