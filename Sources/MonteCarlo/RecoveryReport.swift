/// The recovery table of a Monte Carlo run: one ``RecoveryRow`` per parameter.
public struct RecoveryReport: Sendable, Codable, Equatable {
    /// One row per parameter, in the order parameters first appear in the records.
    public let rows: [RecoveryRow]

    /// Creates a report from rows.
    public init(rows: [RecoveryRow]) {
        self.rows = rows
    }

    /// Summarizes replication records into recovery statistics per parameter.
    ///
    /// - Parameters:
    ///   - records: the records of all replications (in any order; a parameter missing from some
    ///     records is summarized over the records that have it).
    ///   - level: nominal confidence level of the intervals estimate ± z·SE; outside (0, 1) the
    ///     coverage, size and power are NaN.
    /// - Returns: rows in first-appearance order of `parameter`.
    public static func summarize(_ records: [ReplicationRecord], level: Double = 0.95) -> RecoveryReport {
        var order: [String] = []
        var grouped: [String: [ParameterEstimate]] = [:]
        for record in records {
            for estimate in record.estimates {
                if grouped[estimate.parameter] == nil { order.append(estimate.parameter) }
                grouped[estimate.parameter, default: []].append(estimate)
            }
        }
        let criticalValue = NormalQuantile.twoSidedCriticalValue(level: level)
        let rows = order.map { parameter in
            summarizeParameter(parameter, grouped[parameter] ?? [], level: level, criticalValue: criticalValue)
        }
        return RecoveryReport(rows: rows)
    }

    private static func summarizeParameter(
        _ parameter: String, _ estimates: [ParameterEstimate], level: Double, criticalValue z: Double
    ) -> RecoveryRow {
        let count = estimates.count
        let n = Double(count)
        let truth = estimates.reduce(0) { $0 + $1.truth } / n
        let mean = estimates.reduce(0) { $0 + $1.estimate } / n
        let sumSquaredDeviations = estimates.reduce(0) { $0 + ($1.estimate - mean) * ($1.estimate - mean) }
        let standardDeviation = count > 1 ? (sumSquaredDeviations / (n - 1)).squareRoot() : .nan
        let meanStandardError = estimates.reduce(0) { $0 + $1.standardError } / n
        // Each estimate against its own replication's truth.
        let errors = estimates.map { $0.estimate - $0.truth }
        let bias = errors.reduce(0, +) / n
        let meanSquaredError = errors.reduce(0) { $0 + $1 * $1 } / n
        let errorDeviations = errors.reduce(0) { $0 + ($1 - bias) * ($1 - bias) }
        let errorStandardDeviation = count > 1 ? (errorDeviations / (n - 1)).squareRoot() : .nan

        var coverage = Double.nan
        var power = Double.nan
        if z.isFinite {
            let covered = estimates.filter { abs($0.estimate - $0.truth) <= z * $0.standardError }.count
            let rejectedZero = estimates.filter { abs($0.estimate) > z * $0.standardError }.count
            coverage = Double(covered) / n
            power = Double(rejectedZero) / n
        }
        return RecoveryRow(
            parameter: parameter, truth: truth, replications: count, meanEstimate: mean,
            bias: bias, standardDeviation: standardDeviation,
            meanStandardError: meanStandardError, rootMeanSquaredError: meanSquaredError.squareRoot(),
            coverage: coverage, size: 1 - coverage, power: power, level: level,
            errorStandardDeviation: errorStandardDeviation
        )
    }
}
