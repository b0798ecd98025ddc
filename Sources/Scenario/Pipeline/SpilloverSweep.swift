import Models
import MonteCarlo
import Reporting

/// The Monte Carlo over a sweep grid: for every recovered quantity, its mean estimate and mean truth at
/// each point, as one gnuplot series and, for a one-axis sweep, one plot per quantity (estimate against
/// theory).
struct SpilloverSweep {
    let axes: [SweepAxis]
    let points: [ParameterValues]
    let reports: [RecoveryReport]
    let series: [DataSeries]
    let scripts: [GnuplotScript]

    /// The recovered quantities, in the order of the first point's report.
    var parameters: [String] { reports.first?.rows.map(\.parameter) ?? [] }

    init(axes: [SweepAxis], points: [ParameterValues], reports: [RecoveryReport], format: PlotFormat) throws {
        self.axes = axes
        self.points = points
        self.reports = reports
        var columns = axes.map { axis in
            SeriesColumn(name: axis.parameter, unit: "model parameter", values: points.map { $0.real(axis.parameter) ?? .nan })
        }
        let names = reports.first?.rows.map(\.parameter) ?? []
        for (index, name) in names.enumerated() {
            func value(_ report: RecoveryReport, _ pick: (RecoveryRow) -> Double) -> Double {
                report.rows.first { $0.parameter == name }.map(pick) ?? .nan
            }
            columns.append(SeriesColumn(name: "estimate_\(index + 1)", unit: name, values: reports.map { value($0, \.meanEstimate) }))
            columns.append(SeriesColumn(name: "truth_\(index + 1)", unit: name, values: reports.map { value($0, \.truth) }))
            columns.append(SeriesColumn(name: "coverage_\(index + 1)", unit: name, values: reports.map { value($0, \.coverage) }))
        }
        let data = try DataSeries(stem: "sweep", title: "Recovery over the sweep grid", columns: columns)
        var series = [data]
        var scripts: [GnuplotScript] = []
        if axes.count == 1, let axis = axes.first {
            for (index, name) in names.enumerated().prefix(6) {
                let single = try DataSeries(stem: "sweep-" + PreparedEstimation.fileStem(name), title: name, columns: [
                    columns[0], columns[1 + 3 * index], columns[2 + 3 * index],
                ])
                series.append(single)
                scripts.append(try GnuplotPlots.lines(
                    series: single, yColumns: ["estimate_\(index + 1)", "truth_\(index + 1)"],
                    title: "\(name): mean estimate and model truth over \(axis.parameter)", xLabel: axis.parameter,
                    yLabel: name, format: format, seriesTitles: ["mean estimate", "model truth"]))
            }
        }
        self.series = series
        self.scripts = scripts
    }
}
