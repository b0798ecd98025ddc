import Dispatch
import Foundation

/// Runs Monte Carlo replications in parallel, reproducibly.
///
/// Each replication `r` must derive all of its randomness from `r` itself (for example a
/// `RandomStream(seed, r, purpose)`), so the results are the same whatever the thread count:
/// workers claim replication indices from a shared counter and write each result into the
/// slot of its index, and the returned array is ordered by `r`.
public struct ReplicationRunner: Sendable {
    /// Maximum number of replications that run at the same time (always ≥ 1).
    public let threads: Int

    /// Creates a runner.
    /// - Parameter threads: maximum number of concurrent replications; `threads ≤ 0` means one
    ///   per active processor core (`ProcessInfo.activeProcessorCount`).
    public init(threads: Int) {
        self.threads = threads > 0 ? threads : max(ProcessInfo.processInfo.activeProcessorCount, 1)
    }

    /// Runs `body(r)` for every `r` in `replications`, in parallel, returning results ordered by `r`.
    ///
    /// The results do not depend on the thread count provided `body` derives its randomness from
    /// `r`. If some replications throw, the error of the lowest failing replication is rethrown
    /// (every replication below it is still run, so the choice is deterministic); replications
    /// above a known failure are skipped.
    ///
    /// - Parameters:
    ///   - replications: the replication indices to run, e.g. `0..<500` or a shard `500..<750`.
    ///   - progress: called after each finished replication, from worker threads but never
    ///     concurrently, with a monotonically increasing `completed` count.
    ///   - body: the work of one replication.
    /// - Returns: `[body(r) for r in replications]`.
    public func run<Result: Sendable>(
        replications: Range<Int>,
        progress: (@Sendable (ReplicationProgress) -> Void)? = nil,
        _ body: @Sendable (Int) throws -> Result
    ) throws -> [Result] {
        try run(replications: Array(replications), progress: progress, completed: nil, body)
    }

    /// Runs `body(r)` for every `r` in `replications` (any indices, e.g. the ones a resumed run
    /// still lacks or one shard's), in parallel, returning results in the order of `replications`.
    ///
    /// Failure semantics are those of ``run(replications:progress:_:)`` with "lowest" meaning
    /// "earliest in `replications`".
    ///
    /// - Parameters:
    ///   - replications: the replication indices to run.
    ///   - progress: as in ``run(replications:progress:_:)``.
    ///   - completed: called with `(r, result)` as soon as each replication succeeds, before the
    ///     progress report, from worker threads but never concurrently (e.g. to append the
    ///     result to a checkpoint file).
    ///   - body: the work of one replication.
    public func run<Result: Sendable>(
        replications: [Int],
        progress: (@Sendable (ReplicationProgress) -> Void)? = nil,
        completed: (@Sendable (Int, Result) -> Void)?,
        _ body: @Sendable (Int) throws -> Result
    ) throws -> [Result] {
        let total = replications.count
        guard total > 0 else { return [] }
        let state = RunState<Result>(count: total)
        let start = DispatchTime.now().uptimeNanoseconds
        let workers = min(threads, total)

        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let offset = state.claimNextOffset() {
                if state.isAboveKnownFailure(offset) { continue }
                var value: Result?
                do {
                    let result = try body(replications[offset])
                    state.store(result, at: offset)
                    value = result
                } catch {
                    state.recordFailure(error, at: offset)
                }
                state.finishOne { finished in
                    if let value, let completed { completed(replications[offset], value) }
                    guard let progress else { return }
                    let elapsed = Double(DispatchTime.now().uptimeNanoseconds &- start) / 1e9
                    progress(ReplicationProgress(completed: finished, total: total, elapsedSeconds: elapsed))
                }
            }
        }
        if let failure = state.firstFailure() {
            throw failure
        }
        return state.collectResults()
    }
}

/// Shared state of one `ReplicationRunner.run` call: the work counter, per-index result slots,
/// the lowest failure and the progress serialization.
///
/// Each result slot is written by exactly one worker (the one that claimed its index) and read
/// only after all workers have joined, so the slots need no lock of their own.
private final class RunState<Result>: @unchecked Sendable {
    private let count: Int
    private let slots: UnsafeMutablePointer<Result?>
    private let lock = NSLock()
    private let progressLock = NSLock()
    private var nextOffset = 0
    private var finished = 0  // guarded by progressLock
    private var failure: (offset: Int, error: any Error)?

    init(count: Int) {
        self.count = count
        slots = UnsafeMutablePointer<Result?>.allocate(capacity: count)
        slots.initialize(repeating: nil, count: count)
    }

    deinit {
        slots.deinitialize(count: count)
        slots.deallocate()
    }

    /// Claims the next unprocessed offset, or returns nil when all are claimed.
    func claimNextOffset() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard nextOffset < count else { return nil }
        defer { nextOffset += 1 }
        return nextOffset
    }

    /// Whether a replication below `offset` has already failed (so `offset` cannot matter).
    func isAboveKnownFailure(_ offset: Int) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        if let failure { return offset > failure.offset }
        return false
    }

    func store(_ value: Result, at offset: Int) {
        (slots + offset).pointee = value
    }

    func recordFailure(_ error: any Error, at offset: Int) {
        lock.lock()
        defer { lock.unlock() }
        if let existing = failure, existing.offset < offset { return }
        failure = (offset, error)
    }

    /// Counts one finished replication and calls `report` with the new count while holding the
    /// progress lock, so reports never overlap and their counts increase monotonically.
    func finishOne(_ report: (Int) -> Void) {
        progressLock.lock()
        defer { progressLock.unlock() }
        finished += 1
        report(finished)
    }

    func firstFailure() -> (any Error)? {
        lock.lock()
        defer { lock.unlock() }
        return failure?.error
    }

    /// The results in offset order; only valid after all workers joined without failure.
    func collectResults() -> [Result] {
        var results: [Result] = []
        results.reserveCapacity(count)
        for offset in 0..<count {
            if let value = (slots + offset).pointee { results.append(value) }
        }
        return results
    }
}
