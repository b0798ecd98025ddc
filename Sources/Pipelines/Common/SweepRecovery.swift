import Models
import MonteCarlo
import Reporting

/// The Monte Carlo repeated at every sweep point, for any model: the recovery report of each point,
/// `sweep-recovery.csv` (one row per point and recovered quantity), the series `sweep-recovery.dat`
/// and, for a one-axis sweep, three plots per recovered quantity against the swept key: mean estimate
/// beside the model's truth, coverage beside the nominal level, and power (the share of replications
/// that reject θ = 0 at the run's level). Power curves are what a theorist runs a sweep for. For a
/// two-axis sweep, bias and coverage against the first key with one line per value of the second.
public struct SweepRecovery: Sendable {
    public let grid: SweepGrid
    /// The recovery report of every point, in grid order.
    public let reports: [RecoveryReport]
    public let series: [DataSeries]
    public let scripts: [GnuplotScript]

    /// Most recovered quantities plotted (all are in the series and the CSV).
    static let plottedQuantities = 6
    /// Most recovered quantities plotted over a two-key sweep (two plots each).
    static let plottedQuantitiesOverTwoKeys = 12

    /// The recovered quantities, in the order they first appear (a point without a Monte Carlo has none).
    public var parameters: [String] { Self.parameters(of: reports) }

    static func parameters(of reports: [RecoveryReport]) -> [String] {
        var seen = Set<String>(), names: [String] = []
        for row in reports.flatMap(\.rows) where seen.insert(row.parameter).inserted { names.append(row.parameter) }
        return names
    }

    init(grid: SweepGrid, reports: [RecoveryReport], level: Double, format: PlotFormat) throws {
        self.grid = grid
        self.reports = reports
        let axisColumns = grid.axes.map { axis in
            SeriesColumn(name: axis.parameter, unit: "model parameter", values: grid.points.map { $0.real(axis.parameter) ?? .nan })
        }
        var columns = axisColumns
        let names = Self.parameters(of: reports)
        var perQuantity: [[SeriesColumn]] = []
        for (index, name) in names.enumerated() {
            func values(_ pick: (RecoveryRow) -> Double) -> [Double] {
                reports.map { report in report.rows.first { $0.parameter == name }.map(pick) ?? .nan }
            }
            let own = [
                SeriesColumn(name: "estimate_\(index + 1)", unit: name, values: values(\.meanEstimate)),
                SeriesColumn(name: "truth_\(index + 1)", unit: name, values: values(\.truth)),
                SeriesColumn(name: "bias_\(index + 1)", unit: name, values: values(\.bias)),
                SeriesColumn(name: "coverage_\(index + 1)", unit: name, values: values(\.coverage)),
                SeriesColumn(name: "power_\(index + 1)", unit: name, values: values(\.power)),
                SeriesColumn(name: "level_\(index + 1)", unit: "nominal coverage", values: reports.map { _ in level }),
            ]
            perQuantity.append(own)
            columns += own
        }
        var series = [try DataSeries(stem: "sweep-recovery", title: "Monte Carlo recovery over the sweep grid", columns: columns)]
        var scripts: [GnuplotScript] = []
        if grid.axes.count == 1, let axis = grid.axes.first, let x = axisColumns.first {
            for (index, name) in names.enumerated().prefix(Self.plottedQuantities) {
                let stem = "sweep-" + FileStem.of(name)
                let single = try DataSeries(stem: stem, title: name, columns: [x] + perQuantity[index])
                series.append(single)
                let n = index + 1
                scripts.append(try GnuplotPlots.lines(
                    series: single, yColumns: ["estimate_\(n)", "truth_\(n)"],
                    title: "\(name): mean estimate and model truth over \(axis.parameter)", xLabel: axis.parameter,
                    yLabel: name, format: format, seriesTitles: ["mean estimate", "model truth"]))
                scripts.append(try GnuplotPlots.lines(
                    series: single, yColumns: ["bias_\(n)"], title: "\(name): bias over \(axis.parameter)",
                    xLabel: axis.parameter, yLabel: "mean of estimate − truth", format: format, seriesTitles: ["bias"],
                    stem: stem + "-bias"))
                scripts.append(try GnuplotPlots.lines(
                    series: single, yColumns: ["coverage_\(n)", "level_\(n)"], title: "\(name): coverage over \(axis.parameter)",
                    xLabel: axis.parameter, yLabel: "coverage", format: format, seriesTitles: ["coverage", "nominal level"],
                    yRange: 0...1, stem: stem + "-coverage"))
                scripts.append(try GnuplotPlots.lines(
                    series: single, yColumns: ["power_\(n)"], title: "\(name): power against θ = 0 over \(axis.parameter)",
                    xLabel: axis.parameter, yLabel: "rejection rate of θ = 0", format: format, seriesTitles: ["power"],
                    yRange: 0...1, stem: stem + "-power"))
            }
        }
        if grid.axes.count == 2 {
            let (plots, data) = try Self.twoAxisPlots(grid: grid, reports: reports, names: names, level: level, format: format)
            series += data
            scripts += plots
        }
        self.series = series
        self.scripts = scripts
    }

    /// For a two-key sweep (points in grid order, the first key slowest): per recovered quantity, bias and
    /// coverage against the first key, one line per value of the second key (`sweep-NAME-bias.gp`,
    /// `sweep-NAME-coverage.gp`, from `sweep-NAME.dat`).
    static func twoAxisPlots(grid: SweepGrid, reports: [RecoveryReport], names: [String], level: Double,
                             format: PlotFormat) throws -> (scripts: [GnuplotScript], series: [DataSeries]) {
        let first = grid.axes[0], second = grid.axes[1]
        let rows = first.values.count, lines = second.values.count
        guard rows * lines == reports.count, rows > 0, lines > 0 else { return ([], []) }
        var scripts: [GnuplotScript] = [], series: [DataSeries] = []
        for name in names.prefix(plottedQuantitiesOverTwoKeys) {
            func column(_ prefix: String, _ line: Int, _ pick: (RecoveryRow) -> Double) -> SeriesColumn {
                SeriesColumn(name: "\(prefix)_\(line + 1)", unit: "\(second.parameter) = \(NumberFormat.general(second.values[line], digits: 6))",
                             values: (0..<rows).map { row in reports[row * lines + line].rows.first { $0.parameter == name }.map(pick) ?? .nan })
            }
            let bias = (0..<lines).map { column("bias", $0, \.bias) }
            let coverage = (0..<lines).map { column("coverage", $0, \.coverage) }
            let nominal = SeriesColumn(name: "level", unit: "nominal coverage", values: Array(repeating: level, count: rows))
            let stem = "sweep-" + FileStem.of(name)
            let data = try DataSeries(stem: stem, title: name, columns: [SeriesColumn(name: first.parameter, unit: "model parameter", values: first.values)]
                                      + bias + coverage + [nominal])
            series.append(data)
            let titles = second.values.map { "\(second.parameter) = \(NumberFormat.general($0, digits: 6))" }
            scripts.append(try GnuplotPlots.lines(
                series: data, yColumns: bias.map(\.name), title: "\(name): bias over \(first.parameter), by \(second.parameter)",
                xLabel: first.parameter, yLabel: "mean of estimate − truth", format: format, seriesTitles: titles, stem: stem + "-bias"))
            scripts.append(try GnuplotPlots.lines(
                series: data, yColumns: coverage.map(\.name) + ["level"],
                title: "\(name): coverage over \(first.parameter), by \(second.parameter)", xLabel: first.parameter, yLabel: "coverage",
                format: format, seriesTitles: titles + ["nominal level"], yRange: 0...1, stem: stem + "-coverage"))
        }
        return (scripts, series)
    }

    /// `sweep-recovery.csv`: the axes, then the recovery row of every quantity at every point.
    public func csv() -> String {
        let axes = grid.axes.map(\.parameter)
        var lines = [(axes + ["parameter", "truth", "mean_estimate", "bias", "sd", "mean_se", "rmse", "coverage", "size", "power",
                              "replications"]).map(ReplicationCSV.text).joined(separator: ",")]
        for (point, report) in zip(grid.points, reports) {
            let coordinates = axes.map { ReplicationCSV.number(point.real($0) ?? .nan) }
            for row in report.rows {
                let numbers = [row.truth, row.meanEstimate, row.bias, row.standardDeviation, row.meanStandardError,
                               row.rootMeanSquaredError, row.coverage, row.size, row.power].map(ReplicationCSV.number)
                lines.append((coordinates + [ReplicationCSV.text(row.parameter)] + numbers + [String(row.replications)])
                    .joined(separator: ","))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
