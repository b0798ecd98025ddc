import Foundation
import MonteCarlo
import Scenario

/// Writes to standard output and standard error. The only place that prints.
enum Console {
    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    static var standardErrorIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    /// A progress renderer for `ScenarioRunner`: stage lines always; replications as a
    /// self-overwriting line with an ETA when standard error is a terminal, else (a batch job's
    /// log) as one plain line every ``logInterval`` seconds or every 10%, and at the end.
    static func progressRenderer() -> @Sendable (RunProgress) -> Void {
        let terminal = standardErrorIsTerminal
        let throttle = Throttle(interval: terminal ? 0.1 : logInterval)
        let log = LogProgress()
        return { event in
            switch event {
            case .stage(let text):
                if terminal { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
                error("· \(text)")
            case .replications(let progress):
                let done = progress.completed == progress.total
                let percent = 100 * progress.completed / max(progress.total, 1)
                var line = "replications \(progress.completed)/\(progress.total) (\(percent)%), \(seconds(progress.elapsedSeconds)) elapsed"
                if let remaining = progress.estimatedSecondsRemaining, !done { line += ", ETA \(seconds(remaining))" }
                if terminal {
                    guard done || throttle.allows(at: progress.elapsedSeconds) else { return }
                    FileHandle.standardError.write(Data(("\r\u{1B}[K  " + line + (done ? "\n" : "")).utf8))
                } else if log.allows(percent: percent, done: done) || throttle.allows(at: progress.elapsedSeconds) {
                    error("  " + line)
                }
            }
        }
    }

    /// Seconds between progress lines when standard error is not a terminal.
    static let logInterval = 5.0

    static func seconds(_ value: Double) -> String {
        value < 60 ? String(format: "%.1f s", value) : String(format: "%d min %02d s", Int(value) / 60, Int(value) % 60)
    }
}

/// Lets a progress line through at most once per `interval` seconds of wall-clock time (its own
/// clock: a sweep restarts the replications' elapsed time at every point).
private final class Throttle: @unchecked Sendable {
    private let interval: Double
    private var last = -Double.infinity
    private let lock = NSLock()

    init(interval: Double) { self.interval = interval }

    func allows(at _: Double) -> Bool {
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

