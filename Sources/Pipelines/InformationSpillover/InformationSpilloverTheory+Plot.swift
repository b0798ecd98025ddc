import Estimation
import Foundation
import Models
import Reporting

extension InformationSpilloverTheory {
    /// The true δ(n) on a log grid of n, the fitted n/(ρ̂ + n), and the binned slope estimates.
    func weightPlot(bins: [SignalWeightFit.Bin], fittedRatio: Double?, format: PlotFormat) throws
        -> (series: [DataSeries], script: GnuplotScript) {
        let largest = max(bins.map(\.meanSignals).max() ?? 100, 10) * 2
        let grid = (0...120).map { pow(10, log10(0.5) + (log10(largest) - log10(0.5)) * Double($0) / 120) }
        let truth = grid.map(weight)
        var columns = [SeriesColumn(name: "n", unit: "signals", values: grid),
                       SeriesColumn(name: "delta_true", unit: "weight", values: truth)]
        if let fittedRatio { columns.append(SeriesColumn(name: "delta_fitted", unit: "weight", values: grid.map { $0 / (fittedRatio + $0) })) }
        let curves = try DataSeries(stem: "delta-of-n", title: "δ(n): true and fitted", columns: columns)
        let points = try DataSeries(stem: "delta-of-n-bins", title: "slopes by bins of n (mean over replications)", columns: [
            SeriesColumn(name: "harmonic_mean_n", unit: "signals", values: bins.map(\.meanSignals)),
            SeriesColumn(name: "slope", unit: "weight", values: bins.map(\.slope)),
            SeriesColumn(name: "standard_error", unit: "weight", values: bins.map(\.standardError)),
            SeriesColumn(name: "fitted", unit: "weight", values: bins.map(\.fitted)),
        ])
        let script = try GnuplotPlots.curvesWithEstimates(
            curves: curves, curveColumns: fittedRatio == nil ? ["delta_true"] : ["delta_true", "delta_fitted"],
            curveTitles: fittedRatio == nil ? ["true δ(n) = n v_d/(v_z + n v_d)"]
                : ["true δ(n) = n v_d/(v_z + n v_d)", "fitted n/(ρ̂ + n), mean ρ̂"],
            estimates: points, estimateColumns: ("harmonic_mean_n", "slope", "standard_error"),
            estimateTitle: "slope within bins of n, at the bin's harmonic-mean n (±1.96 mean SE)",
            title: "Bayesian weight on the signals, eq. (9)", xLabel: "number of signals n (log scale)",
            yLabel: "δ", format: format, yRange: -0.1...1.1, logarithmicX: true)
        return ([curves, points], script)
    }
}
