import Foundation
import Testing
@testable import MonteCarlo

/// Deterministic floating-point work seeded only by the replication index: a 64-bit LCG feeding
/// transcendental functions, so any reordering or sharing of state would change the bits.
private func deterministicWork(_ replication: Int) -> [Double] {
    var state = UInt64(truncatingIfNeeded: replication) &* 0x9E37_79B9_7F4A_7C15 &+ 0x2545_F491_4F6C_DD1D
    var values: [Double] = []
    var accumulator = 0.0
    for _ in 0..<2_000 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        let uniform = Double(state >> 11) / Double(1 << 53)
        accumulator += sin(uniform * 7.3) * exp(-uniform) + log1p(uniform) / (1 + accumulator * accumulator)
        if values.count < 8 { values.append(accumulator) }
    }
    values.append(accumulator)
    return values
}

private struct ReplicationFailure: Error, Equatable {
    let replication: Int
}

private final class ProgressLog: @unchecked Sendable {
    private let lock = NSLock()
    private var counts: [Int] = []
    private var totals: Set<Int> = []
    func append(_ progress: ReplicationProgress) {
        lock.lock()
        defer { lock.unlock() }
        counts.append(progress.completed)
        totals.insert(progress.total)
    }
    var snapshot: (counts: [Int], totals: Set<Int>) {
        lock.lock()
        defer { lock.unlock() }
        return (counts, totals)
    }
}

@Suite struct ReplicationRunnerTests {
    @Test func parallelResultsEqualSerialBitForBit() throws {
        let replications = 0..<97
        let serial = try ReplicationRunner(threads: 1).run(replications: replications) { deterministicWork($0) }
        for threads in [2, 4, 7] {
            let parallel = try ReplicationRunner(threads: threads).run(replications: replications) { deterministicWork($0) }
            #expect(parallel.count == serial.count)
            let serialBits = serial.map { $0.map(\.bitPattern) }
            let parallelBits = parallel.map { $0.map(\.bitPattern) }
            #expect(parallelBits == serialBits, "threads = \(threads)")
        }
    }

    @Test func resultsAreOrderedByReplicationIndexForShards() throws {
        let results = try ReplicationRunner(threads: 4).run(replications: 250..<400) { replication in
            // Uneven work so workers finish out of order.
            if replication % 3 == 0 { _ = deterministicWork(replication) }
            return replication
        }
        #expect(results == Array(250..<400))
    }

    @Test func emptyRangeReturnsEmpty() throws {
        let results = try ReplicationRunner(threads: 3).run(replications: 5..<5) { $0 }
        #expect(results.isEmpty)
    }

    @Test func nonPositiveThreadsMeansAllCores() {
        let cores = max(ProcessInfo.processInfo.activeProcessorCount, 1)
        #expect(ReplicationRunner(threads: 0).threads == cores)
        #expect(ReplicationRunner(threads: -3).threads == cores)
        #expect(ReplicationRunner(threads: 5).threads == 5)
    }

    @Test func rethrowsTheErrorOfTheLowestFailingReplication() {
        let failing: Set<Int> = [13, 40, 41, 77]
        for threads in [1, 2, 4, 7] {
            #expect(throws: ReplicationFailure(replication: 13)) {
                _ = try ReplicationRunner(threads: threads).run(replications: 0..<100) { replication in
                    // Later failures finish first, so the lowest index must win by index, not time.
                    if replication == 13 { _ = deterministicWork(replication) }
                    if failing.contains(replication) { throw ReplicationFailure(replication: replication) }
                    return replication
                }
            }
        }
    }

    @Test func progressIsSerializedAndMonotone() throws {
        let log = ProgressLog()
        _ = try ReplicationRunner(threads: 4).run(replications: 0..<60, progress: { log.append($0) }) {
            deterministicWork($0).last ?? 0
        }
        let snapshot = log.snapshot
        #expect(snapshot.counts == Array(1...60))
        #expect(snapshot.totals == [60])
    }

    @Test func progressEstimatesRemainingTime() {
        #expect(ReplicationProgress(completed: 0, total: 10, elapsedSeconds: 1).estimatedSecondsRemaining == nil)
        let progress = ReplicationProgress(completed: 4, total: 10, elapsedSeconds: 2)
        #expect(progress.estimatedSecondsRemaining == 3)
        #expect(progress.fractionCompleted == 0.4)
    }
}
