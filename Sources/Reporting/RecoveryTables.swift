import Foundation
import MonteCarlo

/// Tables of a Monte Carlo ``RecoveryReport`` for `summary.md` and `recovery.csv`.
public enum RecoveryTables {
    /// Header of ``csv(_:)``.
    public static let csvHeader = [
        "parameter", "truth", "replications", "mean", "bias", "sd", "mean_se", "rmse",
        "coverage", "size", "power", "mc_se_bias",
    ]

    /// A Markdown table with one row per parameter. Coverage outside its exact 99% binomial
    /// acceptance band is marked with `*` and explained in a note below the table.
    public static func markdown(_ report: RecoveryReport) -> String {
        let levelPercent = report.rows.first.map { NumberFormat.significant($0.level * 100, digits: 3) } ?? "95"
        let header = [
            "parameter", "truth", "R", "mean", "bias", "MC SE(bias)", "SD", "mean SE", "RMSE",
            "coverage (\(levelPercent)%)", "size", "power",
        ]
        var anyOutside = false
        let rows = report.rows.map { row -> [String] in
            let outside = !row.coverage.isNaN && !row.coverageIsConsistentWithLevel
            anyOutside = anyOutside || outside
            return [
                row.parameter,
                NumberFormat.significant(row.truth, digits: 4),
                String(row.replications),
                NumberFormat.significant(row.meanEstimate, digits: 4),
                NumberFormat.significant(row.bias, digits: 3),
                NumberFormat.significant(row.biasMonteCarloStandardError, digits: 2),
                NumberFormat.significant(row.standardDeviation, digits: 3),
                NumberFormat.significant(row.meanStandardError, digits: 3),
                NumberFormat.significant(row.rootMeanSquaredError, digits: 3),
                NumberFormat.fixed(row.coverage, digits: 3) + (outside ? "*" : ""),
                NumberFormat.fixed(row.size, digits: 3),
                NumberFormat.fixed(row.power, digits: 3),
            ]
        }
        let alignments: [MarkdownTable.Alignment] = [.left] + Array(repeating: .right, count: header.count - 1)
        var text = MarkdownTable(header: header, rows: rows, alignments: alignments).render()
        if anyOutside {
            text += "\n\\* coverage outside the exact binomial 99% acceptance band for the nominal level "
                + "with R replications: the standard errors are unlikely to be right.\n"
        }
        return text
    }

    /// Comma-separated values with header ``csvHeader``; numbers in shortest round-trip notation,
    /// NaN as `NaN`, parameter names quoted when needed (RFC 4180).
    /// One line per parameter: its bias in Monte Carlo SEs and whether its coverage lies inside the exact
    /// binomial 99% band for the nominal level. `name` maps a parameter to how it is shown (e.g. a symbol).
    public static func bandLines(_ report: RecoveryReport, name: (String) -> String = { $0 }) -> String {
        report.rows.map { row -> String in
            let band = row.coverageBand99
            let biasRatio = row.bias / max(row.biasMonteCarloStandardError, 1e-300)
            return "- \(name(row.parameter)): bias = \(NumberFormat.significant(biasRatio, digits: 3)) Monte Carlo SEs; coverage "
                + "\(NumberFormat.fixed(row.coverage, digits: 3)) is \(band.contains(row.coverage) ? "inside" : "OUTSIDE") the binomial 99% band "
                + "[\(NumberFormat.fixed(band.lowerBound, digits: 3)), \(NumberFormat.fixed(band.upperBound, digits: 3))]."
        }.joined(separator: "\n")
    }

    public static func csv(_ report: RecoveryReport) -> String {
        var lines = [csvHeader.joined(separator: ",")]
        for row in report.rows {
            let fields = [
                CSVField.text(row.parameter), CSVField.number(row.truth), String(row.replications),
                CSVField.number(row.meanEstimate), CSVField.number(row.bias), CSVField.number(row.standardDeviation),
                CSVField.number(row.meanStandardError), CSVField.number(row.rootMeanSquaredError),
                CSVField.number(row.coverage), CSVField.number(row.size), CSVField.number(row.power),
                CSVField.number(row.biasMonteCarloStandardError),
            ]
            lines.append(fields.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One row per replication and estimate (`replications.csv`), so nothing is lost and shards
    /// can be merged: columns replication, parameter, truth, estimate, standard_error.
    public static func replicationsCSV(_ records: [ReplicationRecord]) -> String {
        ReplicationCSV.csv(records)
    }
}

/// Field encoding for CSV output.
enum CSVField {
    /// Quotes `text` when it contains a comma, quote or line break, doubling inner quotes.
    static func text(_ text: String) -> String {
        ReplicationCSV.text(text)
    }

    /// Shortest round-trip notation; `NaN`, `Inf`, `-Inf` for non-finite values.
    static func number(_ value: Double) -> String {
        ReplicationCSV.number(value)
    }
}
