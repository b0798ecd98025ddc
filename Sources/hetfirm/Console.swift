import Foundation
import MonteCarlo
import Scenario

/// Writes to standard output and standard error. The only place that prints.
enum Console {
    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    static var standardErrorIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    /// Seconds between progress lines when standard error is not a terminal.
    static let logInterval = 5.0
    /// Seconds of silence after which a terminal shows that a stage is still under way.
    static let terminalReminderInterval = 2.0

    static func seconds(_ value: Double) -> String {
        value < 60 ? String(format: "%.1f s", value) : String(format: "%d min %02d s", Int(value) / 60, Int(value) % 60)
    }
}

/// Renders `ScenarioRunner`'s progress on standard error: stage lines always; replications as a
/// self-overwriting line with an ETA when standard error is a terminal, else (a batch job's log) as
/// one plain line every ``Console/logInterval`` seconds or every 10%, and at the end. A timer adds
/// a reminder (``ProgressHeartbeat``) whenever nothing was shown for a while, so no stage longer
/// than a few seconds runs silently. Call ``stop()`` before printing anything else.
final class ProgressDisplay: @unchecked Sendable {
    private let terminal = Console.standardErrorIsTerminal
    private let throttle: Throttle
    private let log = LogProgress()
    private let lock = NSLock()
    private var heartbeat: ProgressHeartbeat
    private var timer: (any DispatchSourceTimer)?
    /// A terminal line was written without its newline (the next line must clear it).
    private var openTerminalLine = false

    init() {
        throttle = Throttle(interval: terminal ? 0.1 : Console.logInterval)
        heartbeat = ProgressHeartbeat(interval: terminal ? Console.terminalReminderInterval : Console.logInterval,
                                      now: Self.now)
        let timer = DispatchSource.makeTimerSource(queue: .global())
        timer.schedule(deadline: .now() + 1, repeating: 1)
        timer.setEventHandler { [weak self] in self?.remind() }
        timer.resume()
        self.timer = timer
    }

    deinit { timer?.cancel() }

    /// The closure to pass as `progress:`.
    var handler: @Sendable (RunProgress) -> Void {
        { [self] event in show(event) }
    }

    /// Stops the reminders and ends an open terminal line.
    func stop() {
        lock.lock()
        defer { lock.unlock() }
        timer?.cancel()
        timer = nil
        if openTerminalLine { write("\r\u{1B}[K") }
        openTerminalLine = false
    }

    private static var now: Double { ProcessInfo.processInfo.systemUptime }

    private func show(_ event: RunProgress) {
        lock.lock()
        defer { lock.unlock() }
        guard timer != nil else { return }
        var printed = true
        switch event {
        case .stage(let text):
            if terminal { write("\r\u{1B}[K") }
            openTerminalLine = false
            write("· \(text)\n")
        case .replications(let progress):
            let done = progress.completed == progress.total
            let percent = 100 * progress.completed / max(progress.total, 1)
            var line = Self.replicationsLine(progress.completed, progress.total, progress.elapsedSeconds)
            if let remaining = progress.estimatedSecondsRemaining, !done { line += ", ETA \(Console.seconds(remaining))" }
            if terminal {
                if done || throttle.allows() {
                    write("\r\u{1B}[K  " + line + (done ? "\n" : ""))
                    openTerminalLine = !done
                } else {
                    printed = false
                }
            } else if log.allows(percent: percent, done: done) || throttle.allows() {
                write("  " + line + "\n")
            } else {
                printed = false
            }
        }
        heartbeat.record(event, printed: printed, at: Self.now)
    }

    /// Prints a reminder when nothing has been shown for the heartbeat's interval.
    private func remind() {
        lock.lock()
        defer { lock.unlock() }
        guard timer != nil, let reminder = heartbeat.reminder(at: Self.now) else { return }
        let line: String
        switch reminder {
        case .stage(let text, let seconds):
            line = "  … still working, \(Console.seconds(seconds)) since: \(text)"
        case .replications(let completed, let total, let elapsed):
            line = "  " + Self.replicationsLine(completed, total, elapsed)
        }
        if terminal {
            write("\r\u{1B}[K" + line)
            openTerminalLine = true
        } else {
            write(line + "\n")
        }
    }

    private static func replicationsLine(_ completed: Int, _ total: Int, _ elapsed: Double) -> String {
        "replications \(completed)/\(total) (\(100 * completed / max(total, 1))%), \(Console.seconds(elapsed)) elapsed"
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}

/// Lets a progress line through at most once per `interval` seconds of wall-clock time (its own
/// clock: a sweep restarts the replications' elapsed time at every point).
private final class Throttle: @unchecked Sendable {
    private let interval: Double
    private var last = -Double.infinity
    private let lock = NSLock()

    init(interval: Double) { self.interval = interval }

    func allows() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        let now = ProcessInfo.processInfo.systemUptime
        guard now - last >= interval else { return false }
        last = now
        return true
    }
}

/// Lets a log line through when the replications cross the next 10% (once per step) or finish.
private final class LogProgress: @unchecked Sendable {
    private var nextPercent = 10
    private var finished = false
    private let lock = NSLock()

    func allows(percent: Int, done: Bool) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        if finished, !done {
            // A new Monte Carlo (the next sweep point) has started.
            finished = false
            nextPercent = 10
        }
        if done {
            guard !finished else { return false }
            finished = true
            return true
        }
        guard percent >= nextPercent else { return false }
        nextPercent = (percent / 10 + 1) * 10
        return true
    }
}

/// On Ctrl-C or SIGTERM: removes the staging folders of the run in progress, says how to continue,
/// and exits with 130 (the shell's code for an interrupt). The checkpoint keeps every finished replication.
enum InterruptHandler {
    nonisolated(unsafe) private static var sources: [any DispatchSourceSignal] = []

    static func install() {
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler {
                if ActiveStagingFolders.removeAll() {
                    Console.error("\ninterrupted: finished replications are kept in the checkpoint; "
                        + "run the same command with --resume to continue")
                }
                exit(130)
            }
            source.resume()
            sources.append(source)
        }
    }
}

