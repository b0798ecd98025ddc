import MonteCarlo

/// Failures inside one replication, one per estimation that could not run. An estimation that fails
/// on one panel (too few rows in a split, no variation in a subsample) costs only its own estimates:
/// the replication keeps the others.
public struct BlockFailures: Sendable {
    private(set) var failures: [BlockFailure] = []

    /// Runs `body`; on error records it under `label` and returns `nil`.
    @discardableResult
    public mutating func attempt<T>(_ label: String, _ body: () throws -> T) -> T? {
        do { return try body() } catch {
            failures.append(BlockFailure(label: label, kind: Self.kind(of: error)))
            return nil
        }
    }

    /// The replication's failure (checkpointed), or `nil` when everything ran.
    public var failure: ReplicationFailure? { ReplicationFailure(failures) }

    /// What an estimator's error says, typed once here.
    static func kind(of error: any Error) -> BlockFailure.Kind {
        if let empty = error as? EmptySample {
            return .emptySample(estimation: empty.estimation, filter: empty.filter, rows: empty.rows)
        }
        return .estimation(message: "\(error)")
    }
}

/// The warnings of a Monte Carlo whose replications failed in whole or in part, and the run-stopping cases:
/// a `sample` filter that empties every panel (bad input) and replications that all produced nothing.
enum ReplicationFailures {
    /// - Parameters:
    ///   - outcomes: per replication, its record and its failure (whole or per estimation).
    ///   - hint: what the user can change, appended to the warning.
    static func warnings(_ outcomes: [(record: ReplicationRecord, failure: ReplicationFailure?)], hint: String = "") throws -> [String] {
        let failed = outcomes.filter { $0.failure != nil }
        guard let first = failed.first?.failure else { return [] }
        // The same block's filter empties every panel: bad input at its key.
        if failed.count == outcomes.count, let empty = first.emptySamples.first(where: { candidate in
            failed.allSatisfy { $0.failure?.emptySamples.contains { $0.estimation == candidate.estimation } == true }
        }) {
            throw empty
        }
        let empty = failed.filter { $0.record.estimates.isEmpty }
        let suffix = hint.isEmpty ? "" : "; " + hint
        func list(_ rows: [(record: ReplicationRecord, failure: ReplicationFailure?)]) -> String {
            rows.prefix(5).map { String($0.record.replication) }.joined(separator: ", ") + (rows.count > 5 ? ", …" : "")
        }
        if empty.count == outcomes.count {
            throw RunFailure(stage: "Monte Carlo", reason: "all \(outcomes.count) replications produced no estimates: "
                                 + first.description + suffix)
        }
        var warnings: [String] = []
        if let text = empty.first?.failure?.description {
            warnings.append("\(empty.count) of \(outcomes.count) replications produced no estimates (replications \(list(empty))): "
                            + text + suffix)
        }
        let partial = failed.filter { !$0.record.estimates.isEmpty }
        if let text = partial.first?.failure?.description {
            warnings.append("\(partial.count) of \(outcomes.count) replications lost some estimations (replications \(list(partial))): "
                            + text + suffix)
        }
        return warnings
    }
}

extension ReplicationFailure {
    /// The `sample` filters that emptied a panel in this replication, in the order they failed.
    var emptySamples: [EmptySample] {
        failures.compactMap { failure in
            guard case .emptySample(let estimation, let filter, let rows) = failure.kind else { return nil }
            return EmptySample(estimation: estimation, filter: filter, rows: rows)
        }
    }
}
