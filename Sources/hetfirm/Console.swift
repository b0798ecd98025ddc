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
        return { event in
            switch event {
            case .stage(let text):
                if terminal { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
                error("· \(text)")
            case .replications(let progress):
                guard terminal else { return }
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
