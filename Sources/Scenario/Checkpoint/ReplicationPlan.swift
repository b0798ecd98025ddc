import Foundation
import MonteCarlo

/// Which replications a Monte Carlo runs (all of 0..<total, or one shard's) and the checkpoint
/// that makes it resumable; the three pipelines run their replications through ``run(runner:rerun:progress:_:)``.
struct ReplicationPlan: Sendable {
    /// R, the scenario's replication count.
    let total: Int
    let shard: ShardSpec?
    let checkpoint: Checkpoint?
    /// Test hook: the run stops with ``Interruption`` once this many replications have started, as if
    /// the process had been stopped (the checkpoint keeps what finished).
    let interruptAfter: Int?

    init(total: Int, shard: ShardSpec? = nil, checkpoint: Checkpoint? = nil, interruptAfter: Int? = nil) {
        self.total = total
        self.shard = shard
        self.checkpoint = checkpoint
        self.interruptAfter = interruptAfter
    }

    /// The error of a run stopped by ``interruptAfter``.
    struct Interruption: Error, CustomStringConvertible {
        var description: String { "interrupted (test hook)" }
    }

    /// The replications of this run, ascending.
    var selected: [Int] { shard?.replications(of: total) ?? Array(0..<max(total, 0)) }

    /// Runs the selected replications that the checkpoint does not already hold (and those in `rerun`,
    /// e.g. replication 0 when its tables are wanted), appending each to the checkpoint as it
    /// completes, and returns all selected replications sorted by index: restored ones rebuilt from
    /// the checkpoint, the others fresh. Replication r depends on (seed, r) only, so the result is
    /// the same as running everything at once.
    func run<Replicate: ResumableReplicate>(
        runner: ReplicationRunner, rerun: Set<Int> = [], progress: (@Sendable (RunProgress) -> Void)?,
        _ body: @Sendable (Int) -> Replicate
    ) throws -> [Replicate] {
        let wanted = selected
        var restored: [Int: Replicate] = [:]
        if let checkpoint {
            let decoder = JSONDecoder()
            decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "Inf", negativeInfinity: "-Inf", nan: "NaN")
            for replication in wanted where !rerun.contains(replication) {
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
            { @Sendable _, replicate in
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys]
                encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "Inf", negativeInfinity: "-Inf", nan: "NaN")
                let extra = replicate.extra.flatMap { try? encoder.encode($0) }.map { String(decoding: $0, as: UTF8.self) } ?? ""
                checkpoint.append(CheckpointEntry(record: replicate.record, failure: replicate.failure, extra: extra))
            }
        }
        let started = StartCounter()
        let limit = interruptAfter
        let fresh = try runner.run(replications: pending, progress: reportReplications, completed: completed) { replication in
            if let limit, started.next() >= limit { throw Interruption() }
            return body(replication)
        }
        for (replication, replicate) in zip(pending, fresh) { restored[replication] = replicate }
        return wanted.compactMap { restored[$0] }
    }
}

/// Counts started replications for ``ReplicationPlan/interruptAfter``.
private final class StartCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    /// The number of replications started before this one.
    func next() -> Int {
        lock.lock()
        defer { lock.unlock() }
        defer { count += 1 }
        return count
    }
}
