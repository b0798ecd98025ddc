import MonteCarlo
import Reporting

/// The estimator blocks' named statistics over the replications (first-stage F, a test's statistic and
/// p-value, an index): `statistics.csv` with one row per replication and statistic, and a summary
/// table of their distribution, so that any block kind's statistics are reported without code of its own.
struct BlockStatisticsReport {
    let rows: [(replication: Int, statistics: [BlockStatistic])]

    var isEmpty: Bool { rows.allSatisfy(\.statistics.isEmpty) }

    /// `statistics.csv`: replication, subject, statistic, value (shortest round-trip numbers).
    func csv() -> String {
        var lines = ["replication,subject,statistic,value"]
        for row in rows {
            for statistic in row.statistics {
                lines.append([String(row.replication), ReplicationCSV.text(statistic.subject), ReplicationCSV.text(statistic.statistic),
                              ReplicationCSV.number(statistic.value)].joined(separator: ","))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Mean, SD, minimum and maximum of every (subject, statistic) over the replications where it is finite.
    func markdown() -> String {
        var order: [String] = []
        var values: [String: (subject: String, statistic: String, values: [Double])] = [:]
        for statistic in rows.flatMap(\.statistics) {
            let key = statistic.subject + "\u{1F}" + statistic.statistic
            if values[key] == nil {
                order.append(key)
                values[key] = (statistic.subject, statistic.statistic, [])
            }
            if statistic.value.isFinite { values[key]?.values.append(statistic.value) }
        }
        func number(_ value: Double) -> String { NumberFormat.general(value, digits: 6) }
        let table = order.compactMap { values[$0] }.map { entry -> [String] in
            let n = Double(entry.values.count)
            let mean = entry.values.reduce(0, +) / max(n, 1)
            let variance = entry.values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / max(n - 1, 1)
            return [entry.subject, entry.statistic, String(entry.values.count),
                    entry.values.isEmpty ? "" : number(mean), entry.values.count < 2 ? "" : number(variance.squareRoot()),
                    entry.values.min().map(number) ?? "", entry.values.max().map(number) ?? ""]
        }
        return "## Block statistics (per replication in `statistics.csv`)\n\n"
            + MarkdownTable(header: ["subject", "statistic", "replications", "mean", "SD", "min", "max"], rows: table).render()
    }
}
