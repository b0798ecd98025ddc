import Foundation
import Scenario

/// Writes to standard output and standard error. The only place that prints.
enum Console {
    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    static var standardErrorIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    /// A progress renderer for `ScenarioRunner`: stage lines always, a self-overwriting
    /// replication line with an ETA only when standard error is a terminal.
    static func progressRenderer() -> @Sendable (RunProgress) -> Void {
        let terminal = standardErrorIsTerminal
        let throttle = Throttle(interval: 0.1)
        return { event in
            switch event {
            case .stage(let text):
                if terminal { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
                error("· \(text)")
            case .replications(let progress):
                guard terminal, progress.completed == progress.total || throttle.allows(at: progress.elapsedSeconds) else { return }
                let percent = 100 * progress.completed / max(progress.total, 1)
                var line = "\r\u{1B}[K  replications \(progress.completed)/\(progress.total) (\(percent)%), \(seconds(progress.elapsedSeconds)) elapsed"
                if let remaining = progress.estimatedSecondsRemaining { line += ", ETA \(seconds(remaining))" }
                if progress.completed == progress.total { line += "\n" }
                FileHandle.standardError.write(Data(line.utf8))
            }
        }
    }

    static func seconds(_ value: Double) -> String {
        value < 60 ? String(format: "%.1f s", value) : String(format: "%d min %02d s", Int(value) / 60, Int(value) % 60)
    }
}

/// Lets a progress line through at most once per `interval` seconds of elapsed time.
private final class Throttle: @unchecked Sendable {
    private let interval: Double
    private var last = -Double.infinity
    private let lock = NSLock()

    init(interval: Double) { self.interval = interval }

    func allows(at elapsed: Double) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard elapsed - last >= interval else { return false }
        last = elapsed
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

