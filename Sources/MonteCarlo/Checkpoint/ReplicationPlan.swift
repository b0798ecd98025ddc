import Foundation

/// Which replications a Monte Carlo runs (all of 0..<total, or one shard's) and the checkpoint
/// that makes it resumable; the three pipelines run their replications through ``run(runner:rerun:progress:_:)``.
public struct ReplicationPlan: Sendable {
    /// R, the scenario's replication count.
    package let total: Int
    package let shard: ShardSpec?
    package let checkpoint: Checkpoint?
    /// Test hook: the run stops with ``Interruption`` once this many replications have started, as if
    /// the process had been stopped (the checkpoint keeps what finished).
    package let interruptAfter: Int?

    public init(total: Int, shard: ShardSpec? = nil, checkpoint: Checkpoint? = nil, interruptAfter: Int? = nil) {
        self.total = total
        self.shard = shard
        self.checkpoint = checkpoint
        self.interruptAfter = interruptAfter
    }

    /// The error of a run stopped by ``interruptAfter``.
    public struct Interruption: Error, CustomStringConvertible {
        public var description: String { "interrupted (test hook)" }
    }

    /// The replications of this run, ascending.
    public var selected: [Int] { shard?.replications(of: total) ?? Array(0..<max(total, 0)) }

    /// Runs the selected replications that the checkpoint does not already hold (and those in `rerun`,
    /// e.g. replication 0 when its tables are wanted), appending each to the checkpoint as it
    /// completes, and returns all selected replications sorted by index: restored ones rebuilt from
    /// the checkpoint, the others fresh. Replication r depends on (seed, r) only, so the result is
    /// the same as running everything at once.
    public func run<Replicate: ResumableReplicate>(
        runner: ReplicationRunner, rerun: Set<Int> = [], progress: (@Sendable (RunProgress) -> Void)?,
        _ body: @Sendable (Int) -> Replicate
    ) throws -> [Replicate] {
        let wanted = selected
        var restored: [Int: Replicate] = [:]
        // The first restored replication is computed again, before anything else, to verify the
        // checkpoint (``Checkpoint/verify``); a refused checkpoint is left as it was.
        var verification: (replication: Int, replicate: Replicate)?
        if let checkpoint, let first = wanted.first(where: { checkpoint.restored[$0] != nil }) {
            progress?(.stage("verifying \(checkpoint.path) by computing replication \(first) again"))
            let replicate = Self.finite(body(first))
            let complete = replicate.failure == nil
            try checkpoint.verify(recomputed: first, line: Self.entry(of: replicate).line(),
                                  freshParameters: complete ? Set(replicate.record.estimates.map(\.parameter)) : [])
            verification = (first, replicate)
        }
        if let verification { restored[verification.replication] = verification.replicate }
        if let checkpoint {
            let decoder = JSONDecoder()
            decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "Inf", negativeInfinity: "-Inf", nan: "NaN")
            for replication in wanted where !rerun.contains(replication) && replication != verification?.replication {
                guard let entry = checkpoint.restored[replication] else { continue }
                var extra: Replicate.Extra?
                if !entry.extra.isEmpty {
                    // Extras that do not decode (written by another version) make the replication run again.
                    guard let decoded = try? decoder.decode(Replicate.Extra.self, from: Data(entry.extra.utf8)) else { continue }
                    extra = decoded
                }
                restored[replication] = Replicate(restoring: entry.record, failure: entry.failure, extra: extra)
            }
            if !checkpoint.restored.isEmpty {
                progress?(.stage("resuming from \(checkpoint.path): found \(checkpoint.restored.count) completed replications, "
                    + "using \(restored.count); running \(wanted.count - restored.count) of \(wanted.count)"))
            }
        }
        let pending = wanted.filter { restored[$0] == nil }
        let reportReplications: (@Sendable (ReplicationProgress) -> Void)? = progress.map { report in
            { @Sendable update in report(.replications(update)) }
        }
        let completed: (@Sendable (Int, Replicate) -> Void)? = checkpoint.map { checkpoint in
            { @Sendable _, replicate in checkpoint.append(Self.entry(of: replicate)) }
        }
        let started = StartCounter()
        let limit = interruptAfter
        let fresh = try runner.run(replications: pending, progress: reportReplications, completed: completed) { replication in
            if let limit, started.next() >= limit { throw Interruption() }
            return Self.finite(body(replication))
        }
        for (replication, replicate) in zip(pending, fresh) { restored[replication] = replicate }
        if let checkpoint, let verification, verification.replicate.failure != nil {
            // The verifying replication lost some estimations: check the names against every fresh one.
            let parameters = Set((fresh + [verification.replicate]).flatMap { $0.record.estimates.map(\.parameter) })
            try checkpoint.verify(recomputed: verification.replication, line: Self.entry(of: verification.replicate).line(),
                                  freshParameters: parameters)
        }
        return wanted.compactMap { restored[$0] }
    }

    /// `replicate` without estimates whose truth, value or standard error is not a finite number (or
    /// whose standard error is negative): each becomes a ``BlockFailure/Kind/nonFinite(estimate:standardError:truth:)``
    /// of the replication, so that it is reported like a failed estimation and every record written holds
    /// finite numbers only.
    package static func finite<Replicate: ResumableReplicate>(_ replicate: Replicate) -> Replicate {
        let record = replicate.record
        let bad = record.estimates.filter { !($0.truth.isFinite && $0.estimate.isFinite && $0.standardError.isFinite && $0.standardError >= 0) }
        guard !bad.isEmpty else { return replicate }
        let failures = bad.map {
            BlockFailure(label: $0.parameter, kind: .nonFinite(estimate: $0.estimate, standardError: $0.standardError, truth: $0.truth))
        }
        let kept = record.estimates.filter { estimate in !bad.contains { $0.parameter == estimate.parameter } }
        let failure = replicate.failure?.appending(failures) ?? ReplicationFailure(failures)
        return Replicate(restoring: ReplicationRecord(replication: record.replication, estimates: kept),
                         failure: failure, extra: replicate.extra)
    }

    /// A replicate as its checkpoint line holds it (extras as sorted-key JSON).
    package static func entry<Replicate: ResumableReplicate>(of replicate: Replicate) -> CheckpointEntry {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "Inf", negativeInfinity: "-Inf", nan: "NaN")
        let extra = replicate.extra.flatMap { try? encoder.encode($0) }.map { String(decoding: $0, as: UTF8.self) } ?? ""
        return CheckpointEntry(record: replicate.record, failure: replicate.failure, extra: extra)
    }
}

/// Counts started replications for ``ReplicationPlan/interruptAfter``.
private final class StartCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    /// The number of replications started before this one.
    package func next() -> Int {
        lock.lock()
        defer { lock.unlock() }
        defer { count += 1 }
        return count
    }
}
