import ArgumentParser
import Foundation
import Scenario

/// The `hetfirm` command. Exit codes: 0 success, 1 run failed, 2 bad input,
/// 3 finished with warnings the user must see.
@main
struct Hetfirm: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hetfirm",
        abstract: "Heterogeneous-firm trade models: equilibrium, comparative statics, Monte Carlo recovery.",
        discussion: "Exit codes: 0 ok, 1 run failed, 2 bad input, 3 finished with warnings.",
        version: HetfirmVersion.current,
        subcommands: [Run.self, Merge.self, Estimate.self, GMM.self, FMOLS.self, Spatial.self, Mediate.self, Granger.self, Weights.self, Sophistication.self, Index.self, Validate.self, Models.self, Describe.self, Plot.self]
    )

    /// Parses the command line and maps every failure to the documented exit codes
    /// (ArgumentParser's own usage errors become 2, not 64).
    static func main() {
        InterruptHandler.install()
        AllocatorTuning.apply()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let exit as ExitCode {
            Foundation.exit(exit.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
            } else {
                Console.error(fullMessage(for: error))
            }
            Foundation.exit(code == .success ? 0 : (code.rawValue == ExitCode.validationFailure.rawValue ? 2 : code.rawValue))
        }
    }
}

/// Exit codes of the CLI.
enum ExitStatus {
    static let ok = ExitCode(0)
    static let runFailed = ExitCode(1)
    static let badInput = ExitCode(2)
    static let warnings = ExitCode(3)
}
