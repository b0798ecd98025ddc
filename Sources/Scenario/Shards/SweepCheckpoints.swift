import Foundation
import MonteCarlo

/// The checkpoints of the Monte Carlo at every sweep point, `OUT.sweep-K.checkpoint.csv` beside the
/// main run's `OUT.checkpoint.csv` (K counts the points from 1), so that an interrupted sweep resumes
/// where it stopped with identical results. They are removed once the output folder is in place.
final class SweepCheckpoints: @unchecked Sendable {
    private let output: String
    private let fingerprint: String
    private let replications: Int
    private let resume: Bool
    private let lock = NSLock()
    private var opened: [Int: Checkpoint] = [:]

    init(output: String, fingerprint: String, replications: Int, resume: Bool) {
        self.output = output
        self.fingerprint = fingerprint
        self.replications = replications
        self.resume = resume
    }

    /// The checkpoint file of sweep point `point` (0-based).
    static func path(forOutput output: String, point: Int) -> String {
        let main = Checkpoint.path(forOutput: output)
        let stem = main.hasSuffix(".checkpoint.csv") ? String(main.dropLast(".checkpoint.csv".count)) : main
        return "\(stem).sweep-\(point + 1).checkpoint.csv"
    }

    /// Opens (and with `--resume` restores) the checkpoint of sweep point `point`.
    /// - Throws: ``CheckpointError`` when a resumed checkpoint is not one hetfirm wrote for this run.
    func checkpoint(point: Int) throws -> Checkpoint {
        let checkpoint = try Checkpoint(path: Self.path(forOutput: output, point: point),
                                        fingerprint: "\(fingerprint), sweep point \(point + 1)", shard: nil,
                                        replications: Array(0..<max(replications, 0)), resume: resume)
        lock.withLock { opened[point] = checkpoint }
        return checkpoint
    }

    /// Removes every sweep checkpoint this run wrote.
    func removeAll() {
        lock.withLock { for checkpoint in opened.values { checkpoint.remove() } }
    }

    /// What the user should know about the sweep checkpoints (ones that could not be written).
    func notes() -> [String] {
        lock.withLock {
            opened.sorted { $0.key < $1.key }.compactMap { point, checkpoint in
                checkpoint.writeError.map { "could not write the checkpoint \(checkpoint.path) of sweep point \(point + 1) (\($0))" }
            }
        }
    }
}
