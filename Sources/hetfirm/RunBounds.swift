import Foundation
import Scenario

/// The bounds `run` and `validate` apply before anything starts: the command line's
/// `--replications` and `--threads` within the scenario file's own bounds, and the scenario's
/// estimated peak memory within the machine's memory (or `--max-memory`) and its estimated work
/// within 10¹⁴ steps (or `--max-work`).
enum RunBounds {
    /// Throws exit code 2 when `--replications` or `--threads` is outside what a scenario file may say.
    static func checkOptions(replications: Int?, threads: Int?) throws {
        let range = MonteCarloSettings.replicationRange
        if let replications, !range.contains(replications) {
            throw badInput("--replications must be between \(range.lowerBound) and \(range.upperBound), got \(replications)")
        }
        if let threads, !(0...MonteCarloSettings.maximumThreads).contains(threads) {
            throw badInput("--threads must be between 0 (all cores) and \(MonteCarloSettings.maximumThreads), got \(threads)")
        }
    }

    /// The memory limit: `--max-memory` when given, else 90% of the machine's `MemTotal`.
    static func memoryLimit(_ option: String?) throws -> (bytes: Double, source: String) {
        if let option {
            guard let bytes = ScenarioResources.parseSize(option) else {
                throw badInput("--max-memory must be a size such as 16G, 500M or 2.5GB, got '\(option)'")
            }
            return (bytes, "--max-memory \(option)")
        }
        let total = ScenarioResources.machineMemoryBytes.map { " of \(ScenarioResources.formatSize($0))" } ?? ""
        return (ScenarioResources.defaultLimitBytes, "90% of this machine's memory\(total)")
    }

    /// The work limit in steps: `--max-work` when given (a positive number such as 1e15), else
    /// ``ScenarioResources/defaultWorkLimit``.
    static func workLimit(_ option: String?) throws -> (steps: Double, source: String) {
        guard let option else { return (ScenarioResources.defaultWorkLimit, "the default bound") }
        guard let steps = Double(option.trimmingCharacters(in: .whitespaces)), steps.isFinite, steps > 0 else {
            throw badInput("--max-work must be a positive number of steps such as 1e15, got '\(option)'")
        }
        return (steps, "--max-work \(option)")
    }

    /// Estimates the run's memory and work, shows the estimate (standard error by default), and throws exit
    /// code 2 (with a located message naming the keys) when the peak exceeds the memory limit or the work
    /// the work limit.
    @discardableResult
    static func checkResources(_ scenario: Scenario, replications: Int?, threads: Int?, maxMemory: String?,
                               maxWork: String? = nil, show: (String) -> Void = { Console.error($0) }) throws -> ScenarioResources {
        let limit = try memoryLimit(maxMemory)
        let workLimit = try workLimit(maxWork)
        let estimate = ScenarioResources(scenario, replications: replications, threads: threads)
        show("estimate: \(estimate.summary)")
        if let problem = estimate.problem(limitBytes: limit.bytes, limitSource: limit.source, in: scenario)
            ?? estimate.workProblem(limitSteps: workLimit.steps, limitSource: workLimit.source, in: scenario) {
            Console.error(problem.description)
            throw ExitStatus.badInput
        }
        return estimate
    }
}
