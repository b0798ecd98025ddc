import MonteCarlo
import Testing

/// Issue 10: every stage longer than a few seconds shows progress, in a terminal and in a log.
/// The clock is the test's own numbers, so nothing here depends on how fast the machine is.
@Suite("progress reminders")
struct ProgressHeartbeatTests {
    @Test("a silent stage gets a reminder every interval, counted from the stage's start")
    func silentStage() {
        var heartbeat = ProgressHeartbeat(interval: 5, now: 100)
        #expect(heartbeat.reminder(at: 106) == nil, "nothing is due before the first event")
        heartbeat.record(.stage("replication 0: simulating the panel"), printed: true, at: 107)
        #expect(heartbeat.reminder(at: 111.9) == nil)
        #expect(heartbeat.reminder(at: 112) == .stage("replication 0: simulating the panel", seconds: 5))
        #expect(heartbeat.reminder(at: 116) == nil, "a reminder counts as a printed line")
        #expect(heartbeat.reminder(at: 117) == .stage("replication 0: simulating the panel", seconds: 10))
    }

    @Test("indented report lines reset the silence but keep the stage they report on")
    func reportLines() {
        var heartbeat = ProgressHeartbeat(interval: 5, now: 0)
        heartbeat.record(.stage("solving 10000 × 200 region-year equilibria"), printed: true, at: 0)
        heartbeat.record(.stage("  solved 683000 of 2000000 region-year equilibria (34%), 5 s elapsed"), printed: true, at: 5)
        #expect(heartbeat.reminder(at: 9) == nil)
        #expect(heartbeat.reminder(at: 10) == .stage("solving 10000 × 200 region-year equilibria", seconds: 10))
        heartbeat.record(.stage("writing out"), printed: true, at: 11)
        #expect(heartbeat.reminder(at: 16) == .stage("writing out", seconds: 5))
    }

    @Test("slow replications: the last count with the elapsed time carried forward; unprinted events do not silence it")
    func slowReplications() {
        var heartbeat = ProgressHeartbeat(interval: 5, now: 0)
        heartbeat.record(.stage("running 10 replications on up to 2 threads"), printed: true, at: 0)
        heartbeat.record(.replications(ReplicationProgress(completed: 1, total: 10, elapsedSeconds: 3)), printed: true, at: 3)
        #expect(heartbeat.reminder(at: 8) == .replications(completed: 1, total: 10, elapsedSeconds: 8))
        heartbeat.record(.replications(ReplicationProgress(completed: 2, total: 10, elapsedSeconds: 9)), printed: false, at: 9)
        #expect(heartbeat.reminder(at: 13) == .replications(completed: 2, total: 10, elapsedSeconds: 13))
        // A stage event of replication 0 after the counts: the reminder names that stage.
        heartbeat.record(.stage("replication 0: estimating 'baseline' on 452 rows (13.5 s elapsed)"), printed: true, at: 13.5)
        #expect(heartbeat.reminder(at: 18.5) == .stage("replication 0: estimating 'baseline' on 452 rows (13.5 s elapsed)", seconds: 5))
    }
}
