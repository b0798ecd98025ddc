import MonteCarlo

/// Failures inside one replication, one line per estimation that could not run ("NAME: reason"). An
/// estimation that fails on one panel (too few rows in a split, no variation in a subsample) costs only
/// its own estimates: the replication keeps the others.
public struct BlockFailures: Sendable {
    private(set) var lines: [String] = []

    /// Runs `body`; on error records "label: error" and returns `nil`.
    @discardableResult
    public mutating func attempt<T>(_ label: String, _ body: () throws -> T) -> T? {
        do { return try body() } catch {
            lines.append("\(label): \(error)")
            return nil
        }
    }

    /// The replication's failure text (checkpointed as is), or `nil` when everything ran.
    public var message: String? { lines.isEmpty ? nil : lines.joined(separator: "\n") }
}

/// The warnings of a Monte Carlo whose replications failed in whole or in part, and the run-stopping cases:
/// a `sample` filter that empties every panel (bad input) and replications that all produced nothing.
enum ReplicationFailures {
    /// - Parameters:
    ///   - outcomes: per replication, its record and its failure text (whole or per estimation).
    ///   - hint: what the user can change, appended to the warning.
    static func warnings(_ outcomes: [(record: ReplicationRecord, failure: String?)], hint: String = "") throws -> [String] {
        let failed = outcomes.filter { $0.failure != nil }
        guard let first = failed.first?.failure else { return [] }
        let lines = failed.map { ($0.failure ?? "").split(separator: "\n").map(String.init) }
        // The same block's filter empties every panel: bad input at its key.
        if failed.count == outcomes.count, let empty = lines.first?.lazy.compactMap({ EmptySample(failure: Self.reason(of: $0)) }).first(where: { candidate in
            lines.allSatisfy { $0.contains { EmptySample(failure: Self.reason(of: $0))?.estimation == candidate.estimation } }
        }) {
            throw empty
        }
        let empty = failed.filter { $0.record.estimates.isEmpty }
        let suffix = hint.isEmpty ? "" : "; " + hint
        func list(_ rows: [(record: ReplicationRecord, failure: String?)]) -> String {
            rows.prefix(5).map { String($0.record.replication) }.joined(separator: ", ") + (rows.count > 5 ? ", …" : "")
        }
        if empty.count == outcomes.count {
            throw RunFailure(stage: "Monte Carlo", reason: "all \(outcomes.count) replications produced no estimates: "
                                 + first.replacingOccurrences(of: "\n", with: "; ") + suffix)
        }
        var warnings: [String] = []
        if !empty.isEmpty {
            warnings.append("\(empty.count) of \(outcomes.count) replications produced no estimates (replications \(list(empty))): "
                            + (empty.first?.failure ?? "").replacingOccurrences(of: "\n", with: "; ") + suffix)
        }
        let partial = failed.filter { !$0.record.estimates.isEmpty }
        if let text = partial.first?.failure {
            warnings.append("\(partial.count) of \(outcomes.count) replications lost some estimations (replications \(list(partial))): "
                            + text.replacingOccurrences(of: "\n", with: "; ") + suffix)
        }
        return warnings
    }

    /// The error text of a "label: error" line whose error is an ``EmptySample`` (its text starts with "[[estimate]]").
    static func reason(of line: String) -> String {
        guard let range = line.range(of: "[[estimate]] '") else { return line }
        return String(line[range.lowerBound...])
    }
}
