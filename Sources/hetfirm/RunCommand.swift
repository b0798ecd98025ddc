import ArgumentParser
import Foundation
import Reporting
import MonteCarlo
import Scenario

extension Hetfirm {
    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Solve, sweep, simulate and estimate a scenario; write its output folder.")

        @Argument(help: "The scenario file (TOML).")
        var scenario: String

        @Option(name: .customLong("out"), help: "Output folder (default: [output] dir of the scenario).")
        var outputDirectory: String?

        @Option(help: "Monte Carlo replications (overrides [montecarlo] replications).")
        var replications: Int?

        @Option(help: "Worker threads (0 = all cores). Results do not depend on it.")
        var threads: Int?

        @Flag(help: "Continue an interrupted run from its checkpoint OUT.checkpoint.csv (same scenario, seed, replications and shard).")
        var resume = false

        @Option(help: ArgumentHelp("Run only shard K of N (replications r with r mod N = K - 1) and write a shard folder for `hetfirm merge`.",
                                   valueName: "K/N"))
        var shard: String?

        @Flag(help: "Replace an output folder that holds another scenario's output. hetfirm never replaces a folder it did not write.")
        var force = false

        @Option(help: ArgumentHelp("Refuse the run when its estimated peak memory exceeds SIZE (default: 90% of the machine's memory).",
                                   valueName: "SIZE"))
        var maxMemory: String?

        @Option(help: ArgumentHelp("Refuse the scenario when its estimated work exceeds STEPS (default 1e14, a day or more of computing).",
                                   valueName: "STEPS"))
        var maxWork: String?

        func run() throws {
            try RunBounds.checkOptions(replications: replications, threads: threads)
            var shardSpec: ShardSpec?
            if let shard {
                guard let parsed = ShardSpec(parsing: shard) else {
                    throw badInput("--shard must be K/N with 1 ≤ K ≤ N, got '\(shard)'")
                }
                shardSpec = parsed
            }
            let loaded = try loadScenario(scenario)
            try RunBounds.checkResources(loaded, replications: replications, threads: threads, maxMemory: maxMemory, maxWork: maxWork)
            let overrides = RunOverrides(outputDirectory: outputDirectory, replications: replications, threads: threads,
                                         resume: resume, shard: shardSpec, force: force)
            let summary: RunSummary
            let display = ProgressDisplay()
            do {
                summary = try ScenarioRunner.run(loaded, overrides: overrides, progress: display.handler)
                display.stop()
            } catch {
                display.stop()
                throw reportFailure(error)
            }
            try report(summary)
        }
    }
}

/// Prints what a run or merge wrote, its notes and recovery table; throws exit code 3 on warnings.
func report(_ summary: RunSummary) throws {
    print("wrote \(summary.files.count) files to \(summary.outputDirectory)/")
    for file in summary.files { print("  \(file)") }
    for note in summary.notes { Console.error("note: \(note)") }
    if let recovery = summary.recovery {
        print("")
        print(RecoveryTables.markdown(recovery))
    }
    if !summary.warnings.isEmpty {
        for warning in summary.warnings { Console.error("warning: \(warning)") }
        throw ExitStatus.warnings
    }
}

/// Prints `error` and returns its exit code: 2 for bad input (scenario, checkpoint, shards), 1 otherwise.
func reportFailure(_ error: any Error) -> ExitCode {
    switch error {
    case let error as ScenarioError:
        Console.error(error.description)
        return ExitStatus.badInput
    case let error as CheckpointError:
        Console.error(error.description)
        return ExitStatus.badInput
    case let error as ShardError:
        Console.error(error.description)
        return ExitStatus.badInput
    case let error as OutputError:
        Console.error(error.description)
        return ExitStatus.badInput
    default:
        Console.error("error: \(UserFacingError.message(for: error))")
        return ExitStatus.runFailed
    }
}

/// Loads a scenario, printing a located error and exiting with code 2 on bad input.
func loadScenario(_ path: String) throws -> Scenario {
    do {
        return try ScenarioLoader.load(path: path)
    } catch {
        Console.error(error.description)
        throw ExitStatus.badInput
    }
}

/// Prints a bad-input message and returns the exit code to throw.
func badInput(_ message: String) -> ExitCode {
    Console.error("error: \(message)")
    return ExitStatus.badInput
}
