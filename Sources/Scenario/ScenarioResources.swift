import Foundation
import Models

/// The peak memory and total work of running a scenario, estimated from its parameters before
/// anything is allocated, so that `validate` and `run` can print them and refuse a scenario that
/// does not fit in memory, naming the keys that size it.
///
/// Peak memory = the process itself (``baseBytes``) + one replication's peak (the model's
/// ``ResourceEstimate``, at the sweep point that needs most) for each replication running at the
/// same time, plus one more for replication 0's panel and tables, which are kept to the end, plus
/// the Monte Carlo's records. Work = one replication's work × replications (× sweep points when
/// the model runs its Monte Carlo at every point).
public struct ScenarioResources: Sendable {
    /// The process, the libraries and the run's small tables (measured: about 40 MB).
    public static let baseBytes = 40e6
    /// Bytes of one replication's record per recovered quantity (estimate, SE, truth, names).
    static let bytesPerRecordEntry = 200.0
    /// Steps of solving the theory at one sweep point.
    static let operationsPerTheoryPoint = 2_000.0
    /// Bytes of one sweep point's parameters and results.
    static let bytesPerSweepPoint = 1_000.0

    /// One replication at the sweep point (or the parameters) that needs most memory.
    public let perReplication: ResourceEstimate
    /// Replications run (after `--replications`); 0 for a theory-only scenario.
    public let replications: Int
    /// Replications held in memory at once: the worker threads plus replication 0, whose tables
    /// are kept (at most the replications).
    public let concurrentReplications: Int
    /// Sweep points whose Monte Carlo is run (0 when the sweep only evaluates the theory).
    public let monteCarloSweepPoints: Int
    /// Estimated peak resident memory of the run, in bytes.
    public let peakBytes: Double
    /// Estimated elementary steps of the whole run.
    public let operations: Double

    /// The estimate for `scenario` with the command line's `replications` and `threads` (nil: the
    /// scenario's own) and `cores` cores for `threads = 0`.
    public init(_ scenario: Scenario, replications: Int? = nil, threads: Int? = nil,
                cores: Int = ProcessInfo.processInfo.activeProcessorCount) {
        let runsMonteCarlo = !(scenario.montecarlo.recover.isEmpty && scenario.estimations.isEmpty && scenario.mediations.isEmpty)
        let total = runsMonteCarlo ? max(replications ?? scenario.montecarlo.replications, 0) : 0
        let threadCount = threads ?? scenario.montecarlo.threads
        let workers = min(threadCount > 0 ? threadCount : max(cores, 1), max(total, 1))
        var worst = scenario.model.resources(scenario.parameters)
        var mostWork = worst.operations
        for values in Self.sweepCorners(of: scenario) {
            let estimate = scenario.model.resources(values)
            if estimate.bytes > worst.bytes { worst = estimate }
            mostWork = max(mostWork, estimate.operations)
        }
        perReplication = worst
        self.replications = total
        concurrentReplications = min(workers + 1, total)
        // Every model repeats its Monte Carlo at every sweep point unless `[sweep] montecarlo = false` (ModelRun).
        monteCarloSweepPoints = total > 0 && scenario.sweepMonteCarlo ? scenario.sweepPointCount : 0
        let recovered = Double(max(scenario.montecarlo.recover.count + scenario.estimations.count * 4, 1))
        peakBytes = Self.baseBytes + Double(concurrentReplications) * worst.bytes
            + Double(total) * recovered * Self.bytesPerRecordEntry
            + Double(scenario.sweepPointCount) * Self.bytesPerSweepPoint
        // A sweep without a Monte Carlo at its points solves the theory there (an equilibrium: a root
        // search of some thousands of steps).
        let theoryPoints = monteCarloSweepPoints == 0 ? Double(scenario.sweepPointCount) : 0
        operations = Double(total) * Double(1 + monteCarloSweepPoints) * mostWork + theoryPoints * Self.operationsPerTheoryPoint
    }

    /// The parameters at every corner of the sweep grid (each axis at its smallest and largest
    /// value): the model's needs grow monotonically with its size keys, so the worst point is a
    /// corner. At most 2^10 corners; with more axes only the all-largest and all-smallest corners.
    static func sweepCorners(of scenario: Scenario) -> [ParameterValues] {
        let axes = scenario.sweep.filter { !$0.values.isEmpty }
        guard !axes.isEmpty else { return [] }
        let extremes = axes.map { axis in [axis.values.min() ?? 0, axis.values.max() ?? 0] }
        let patterns: [[Int]] = axes.count <= 10
            ? (0..<(1 << axes.count)).map { mask in axes.indices.map { (mask >> $0) & 1 } }
            : [Array(repeating: 0, count: axes.count), Array(repeating: 1, count: axes.count)]
        return patterns.map { pattern in
            var values = scenario.parameters
            for (index, axis) in axes.enumerated() {
                values[axis.parameter] = .real(extremes[index][pattern[index]])
            }
            return values
        }
    }

    /// One line for `validate` and `run`: `peak memory ≈ 490 MB (3 replications at a time × 150 MB;
    /// largest: plant × destination × year rows …), work ≈ 2.0e9 steps`.
    public var summary: String {
        var text = "peak memory ≈ \(ByteCount.text(peakBytes))"
        if concurrentReplications > 0, let largest = perReplication.largestTerms.first {
            let held = concurrentReplications == 1 ? "1 replication" : "\(concurrentReplications) replications at a time"
            text += " (\(held) × \(ByteCount.text(perReplication.bytes)); largest: \(largest.label))"
        }
        text += ", work ≈ " + Self.scientific(operations) + " steps"
        if replications == 0 { text += " (theory only: no Monte Carlo)" }
        return text
    }

    /// The refusal when the peak exceeds `limitBytes`, located at the first key of the largest
    /// term that is written in the file (else at `[model]`); nil when it fits.
    public func problem(limitBytes: Double, limitSource: String, in scenario: Scenario) -> ScenarioError? {
        guard peakBytes > limitBytes else { return nil }
        let terms = perReplication.largestTerms
        let largest = terms.first
        let keys = largest?.keys ?? []
        let written = keys.first { scenario.explicitLocation(of: KeyPath.join("model", $0)) != nil }
        let key = written ?? keys.first ?? ""
        let path = key.isEmpty ? "model" : KeyPath.join("model", key)
        let share = largest.map { "; \($0.label) alone takes \(ByteCount.text($0.bytes)) per replication" } ?? ""
        return ScenarioError(
            kind: .outOfDomain,
            location: scenario.location(of: path) ?? SourceLocation(file: scenario.sourcePath, line: 1, column: 1),
            keyPath: path,
            message: "the run needs about \(ByteCount.text(peakBytes)) of memory, more than \(limitSource) "
                + "(\(ByteCount.text(limitBytes)))" + share,
            fix: "lower " + keys.joined(separator: ", ")
                + (concurrentReplications > 2 ? " or use fewer --threads" : "")
                + ", or pass --max-memory SIZE (e.g. --max-memory 64G) if the machine really has more")
    }

    /// The default bound of a run's total work, in steps: 10¹⁴. The steps are a size measure, not
    /// a clock (the quickstart's 8.5e8 steps take about a second, a paper-scale quality-ladder panel's
    /// 9.8e8 about a minute), so 10¹⁴ is a day or more of computing on one machine: a run that large
    /// is refused unless `--max-work` raises the bound (or it is sharded over a cluster).
    public static let defaultWorkLimit = 1e14

    /// The refusal when the estimated work exceeds `limitSteps`, located at the key that multiplies
    /// it most visibly: `[montecarlo] replications`, else the sweep, else `[model]`; nil when it fits.
    public func workProblem(limitSteps: Double, limitSource: String, in scenario: Scenario) -> ScenarioError? {
        guard operations > limitSteps else { return nil }
        let sweepKey = monteCarloSweepPoints > 0 ? scenario.sweep.first.map { KeyPath.join("sweep", $0.parameter) } : nil
        let candidates = ["montecarlo.replications", sweepKey, "model"]
            .compactMap { $0 }
        let path = candidates.first { scenario.explicitLocation(of: $0) != nil } ?? "model"
        let sweep = monteCarloSweepPoints > 0 ? " at each of \(monteCarloSweepPoints) sweep points and the scenario's values" : ""
        return ScenarioError(
            kind: .outOfDomain,
            location: scenario.location(of: path) ?? SourceLocation(file: scenario.sourcePath, line: 1, column: 1),
            keyPath: path,
            message: "the run needs about \(Self.scientific(operations)) steps (\(replications) replications\(sweep)), "
                + "more than \(limitSource) (\(Self.scientific(limitSteps)))",
            fix: "lower the replications, the sweep's points or the model's size keys, run shards (--shard K/N) on several machines, "
                + "or pass --max-work STEPS (e.g. --max-work 1e15) to run it here anyway")
    }

    /// The machine's `MemTotal` in bytes (nil where it cannot be read).
    public static var machineMemoryBytes: Double? { PhysicalMemory.totalBytes }
    /// The default limit of a run's peak memory: 90% of `MemTotal`.
    public static var defaultLimitBytes: Double { PhysicalMemory.budgetBytes }
    /// A size such as `16G`, `500MB`, `2.5GiB` in bytes; nil when it is not one.
    public static func parseSize(_ text: String) -> Double? { ByteCount.parse(text) }
    /// Bytes for people: `3.2 MB`, `80 GB`.
    public static func formatSize(_ bytes: Double) -> String { ByteCount.text(bytes) }

    static func scientific(_ value: Double) -> String {
        guard value.isFinite else { return "∞" }
        if value < 1e4 { return String(Int(value)) }
        let exponent = Int(log10(value).rounded(.down))
        return String(format: "%.1f", value / pow(10, Double(exponent))) + "e\(exponent)"
    }
}
