import Models
import MonteCarlo
import Reporting

/// summary.md of any run: the title, the warnings, the model's theory sections, replication 0's panel
/// and regressions, the recovery table with the model's preamble and appendix, the model's sweep
/// sections and the recovery over the sweep grid. The model contributes its sections
/// (``ModelSummary``); the frame is the same for every model.
struct SummaryDocument {
    let title: String
    let model: ModelDescriptor
    let seed: UInt64
    let level: Double
    let sections: ModelSummary
    let warnings: [String]

    func markdown(monteCarlo: (report: RecoveryReport, replications: Int, table: RegressionTable?, statistics: BlockStatisticsReport?)?,
                  sweepRecovery: SweepRecovery?,
                  name: (String) -> String) -> String {
        var header = "# \(title)\n\n\(model.title).\n\nSeed \(seed); resolved scenario in `scenario.toml`."
        if !sections.headline.isEmpty { header += " " + sections.headline }
        var parts = [header]
        if !warnings.isEmpty { parts.append("## Warnings\n\n" + warnings.map { "- \($0)" }.joined(separator: "\n")) }
        parts += sections.theory
        if let monteCarlo {
            parts += sections.panel
            if let table = monteCarlo.table {
                parts.append("## Regressions on replication 0\n\nEvery model of every `[[estimate]]` block; also in `table.md`, "
                             + "`table.tex` and `table.csv`.\n\n" + table.markdown())
            }
            var text = "## Monte Carlo recovery (\(monteCarlo.replications) replications)\n\n"
            if !sections.recoveryPreamble.isEmpty { text += sections.recoveryPreamble + " " }
            text += "Coverage is of the \(NumberFormat.fixed(100 * level, digits: 0))% interval estimate ± z·SE.\n\n"
            text += RecoveryTables.markdown(monteCarlo.report)
            text += "\n\n" + RecoveryTables.bandLines(monteCarlo.report, name: name)
            if !sections.recoveryAppendix.isEmpty { text += "\n\n" + sections.recoveryAppendix }
            parts.append(text)
            if let statistics = monteCarlo.statistics, !statistics.isEmpty { parts.append(statistics.markdown()) }
        }
        parts += sections.sweep
        if let sweepRecovery { parts.append(Self.sweepSection(sweepRecovery)) }
        return parts.filter { !$0.isEmpty }.joined(separator: "\n\n") + "\n"
    }

    /// Mean estimate, truth, coverage and power of every recovered quantity at every sweep point.
    static func sweepSection(_ sweep: SweepRecovery) -> String {
        func number(_ value: Double) -> String { NumberFormat.general(value, digits: 6) }
        var header = sweep.grid.axes.map(\.parameter)
        for name in sweep.parameters { header += ["\(name): mean estimate", "truth", "coverage", "power"] }
        let rows = zip(sweep.grid.points, sweep.reports).map { values, report -> [String] in
            var row = sweep.grid.axes.map { number(values.real($0.parameter) ?? .nan) }
            for name in sweep.parameters {
                let match = report.rows.first { $0.parameter == name }
                row += [match.map { number($0.meanEstimate) } ?? "", match.map { number($0.truth) } ?? "",
                        match.map { number($0.coverage) } ?? "", match.map { number($0.power) } ?? ""]
            }
            return row
        }
        return "## Sweep: the Monte Carlo at every grid point (`sweep-recovery.csv`, `sweep-recovery.dat`, plots `sweep-*`)\n\n"
            + MarkdownTable(header: header, rows: rows).render()
    }
}
