import Foundation
import Scenario

/// How every data command (`estimate`, `mediate`, `gmm`, `granger`, `fmols`, `spatial`) ends: bad input is exit code 2 with
/// its located message, any other failure exit code 1; otherwise the text goes to standard output, then an
/// optional timing line and the warnings (exit code 3 when there are any) to standard error.
enum DataCommandOutcome {
    static func run<Report>(_ body: () throws -> Report, text: (Report) -> String,
                            timing: ((Report) -> String)? = nil,
                            warnings: (Report) -> [String] = { _ in [] }) throws {
        let report: Report
        do {
            report = try body()
        } catch let error as InvalidInput {
            Console.error(error.description)
            throw ExitStatus.badInput
        } catch {
            Console.error("error: \(UserFacingError.message(for: error))")
            throw ExitStatus.runFailed
        }
        print(text(report), terminator: "")
        if let timing { Console.error(timing(report)) }
        let messages = warnings(report)
        if !messages.isEmpty {
            for warning in messages { Console.error("warning: \(warning)") }
            throw ExitStatus.warnings
        }
    }
}
