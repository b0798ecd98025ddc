import Foundation
import Models
import Reporting

/// Equilibria over a sweep grid, as gnuplot series and a check of the paper's claim that Internet
/// raises the mean complexity of exporters.
package struct AllocationEfficiencySweep: Sendable {
    let axes: [SweepAxis]
    let points: [ParameterValues]
    let equilibria: [AllocationEfficiencyEquilibrium]
    let series: [DataSeries]
    let scripts: [GnuplotScript]

    init(axes: [SweepAxis], points: [ParameterValues], equilibria: [AllocationEfficiencyEquilibrium], format: PlotFormat) throws {
        self.axes = axes
        self.points = points
        self.equilibria = equilibria
        var columns = axes.map { axis in
            SeriesColumn(name: axis.parameter, unit: "model parameter \(AllocationEfficiencySummary.symbol(of: axis.parameter))",
                         values: points.map { $0.real(axis.parameter) ?? .nan })
        }
        func finite(_ value: Double) -> Double { value.isFinite ? value : .nan }
        columns += [
            SeriesColumn(name: "mean_exporter_complexity", unit: "attribute types", values: equilibria.map(\.meanExporterComplexity)),
            SeriesColumn(name: "export_cutoff_complexity", unit: "attribute types",
                         values: equilibria.map { finite($0.referenceExportCutoffComplexity) }),
            SeriesColumn(name: "exporter_share", unit: "share of producers", values: equilibria.map(\.exporterShare)),
            SeriesColumn(name: "domestic_demand", unit: "A_d", values: equilibria.map(\.domesticDemand)),
            SeriesColumn(name: "aggregate_productivity", unit: "phi tilde", values: equilibria.map(\.aggregateProductivity)),
            SeriesColumn(name: "welfare_per_worker", unit: "real wage 1/P", values: equilibria.map(\.welfarePerWorker)),
            SeriesColumn(name: "closed_form_regime", unit: "1 = interior and partitioned",
                         values: equilibria.map { $0.regime.closedFormApplies ? 1 : 0 }),
        ]
        let data = try DataSeries(stem: "sweep", title: "Equilibria over the sweep grid", columns: columns)
        series = [data]
        if axes.count == 1, let axis = axes.first {
            let symbol = AllocationEfficiencySummary.symbol(of: axis.parameter)
            let highest = Double(equilibria.first?.parameters.maximumComplexity ?? 1)
            let reference = equilibria.first.map { AllocationEfficiencySummary.number($0.parameters.referenceProductivity) } ?? ""
            scripts = [
                try GnuplotPlots.lines(
                    series: data, yColumns: ["mean_exporter_complexity", "export_cutoff_complexity"],
                    title: "Exporter complexity and export cutoff complexity against \(symbol)",
                    xLabel: axis.parameter == "I" ? "Internet level I (θ = e^I)" : symbol,
                    yLabel: "complexity m (attribute types)", format: format,
                    seriesTitles: ["mean complexity of exporters", "export cutoff complexity m*_x at φ0 = \(reference)"],
                    yRange: 0...(2 * highest)),
            ]
        } else {
            scripts = []
        }
    }
}
