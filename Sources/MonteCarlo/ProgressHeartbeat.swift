/// Decides when a run that has printed nothing for a while owes its log a line: a stage that takes
/// longer than `interval` seconds (simulating a large panel, writing many plots) or replications that
/// finish more slowly than that would otherwise leave a batch job's log silent. Pure bookkeeping with
/// the caller's clock (seconds on any monotone scale); the CLI asks ``reminder(at:)`` on a timer.
public struct ProgressHeartbeat: Sendable {
    /// What a reminder line reports.
    public enum Reminder: Equatable, Sendable {
        /// The stage `text` began `seconds` ago and is still under way.
        case stage(String, seconds: Double)
        /// `completed` of `total` replications are done, `elapsedSeconds` after the Monte Carlo began.
        case replications(completed: Int, total: Int, elapsedSeconds: Double)
    }

    /// Seconds without a printed line after which a reminder is due (and between reminders).
    public let interval: Double
    private var lastPrinted: Double
    /// The current stage: the last stage event whose text is not an indented report line.
    private var stage: (text: String, started: Double)?
    /// The last replications event and when it came.
    private var replications: (progress: ReplicationProgress, at: Double)?
    /// Whether the last event was a replications event (else a stage or nothing).
    private var replicationsLast = false

    /// A heartbeat that starts counting at `now`.
    public init(interval: Double, now: Double) {
        self.interval = interval
        lastPrinted = now
    }

    /// Notes an event at `now`; `printed` says whether the display wrote a line for it.
    /// Stage texts that begin with a space are reports inside the current stage ("  solved 10 of
    /// 20 …"): they count as printed lines but do not start a new stage.
    public mutating func record(_ event: RunProgress, printed: Bool, at now: Double) {
        switch event {
        case .stage(let text):
            if !text.hasPrefix(" ") {
                stage = (text, now)
                replicationsLast = false
            }
        case .replications(let progress):
            replications = (progress, now)
            replicationsLast = true
        }
        if printed { lastPrinted = max(lastPrinted, now) }
    }

    /// The reminder due at `now`, if nothing has been printed for `interval` seconds (the reminder
    /// counts as printed), else `nil`. Nothing is due before the first event.
    public mutating func reminder(at now: Double) -> Reminder? {
        guard now - lastPrinted >= interval else { return nil }
        let due: Reminder
        if replicationsLast, let replications {
            due = .replications(completed: replications.progress.completed, total: replications.progress.total,
                                elapsedSeconds: replications.progress.elapsedSeconds + (now - replications.at))
        } else if let stage {
            due = .stage(stage.text, seconds: now - stage.started)
        } else {
            return nil
        }
        lastPrinted = now
        return due
    }
}
