import Foundation
import Models
import PanelData
import Reporting

/// The plots of an allocation-regional run (paper 000's province layer):
///
/// - `met-inter`: replication 0's MET against INTER, coastal and inland provinces apart (Table 1's comparison);
/// - `inter-latent`: replication 0's INTER against the latent Internet I in the first, middle and last year,
///   which shows INTER's year-by-year normalisation (eqs. 14–20);
/// - `convergence-paths`: the noise-free export technology T_rt by year, highest and lowest province and
///   the coastal and inland means: convergence toward the frontier (eq. 26);
/// - `met-paths`: the noise-free mean ln MET by year (eqs. 12–13 over expected exports), coastal and inland.
///
/// A plot that cannot be made is a warning; the others are still written.
enum AllocationRegionalPlots {
    /// One plot: its data file and script.
    typealias Plot = (series: DataSeries, script: GnuplotScript)

    /// The four plots, the two of replication 0's panel only when there is one (a run with a Monte Carlo).
    static func artifacts(theory: AllocationRegionalTheory, firstPanel: Dataset?, format: PlotFormat) -> RunArtifacts {
        var artifacts = RunArtifacts()
        func add(_ stem: String, _ make: () throws -> Plot) {
            do {
                let plot = try make()
                artifacts.series.append(plot.series)
                artifacts.scripts.append(plot.script)
            } catch {
                artifacts.warnings.append("no \(stem) plot: \(error)")
            }
        }
        if let firstPanel {
            add("met-inter") { try metAgainstInter(firstPanel, format: format) }
            add("inter-latent") { try interAgainstLatent(firstPanel, parameters: theory.parameters, format: format) }
        }
        add("convergence-paths") { try convergencePaths(theory, format: format) }
        add("met-paths") { try metPaths(theory, format: format) }
        return artifacts
    }

    /// Replication 0's MET against INTER by coastal label; province-years with a missing MET are left out.
    static func metAgainstInter(_ panel: Dataset, format: PlotFormat) throws -> Plot {
        let met = try panel.doubles("MET"), inter = try panel.doubles("INTER")
        let rows = met.indices.filter { met[$0].isFinite && inter[$0].isFinite }
        func column(_ name: String, unit: String) throws -> SeriesColumn {
            let values = try panel.doubles(name)
            return SeriesColumn(name: name, unit: unit, values: rows.map { values[$0] })
        }
        let series = try DataSeries(stem: "met-inter", title: "Replication 0: MET against INTER by province-year (a missing MET left out)", columns: [
            try column("province", unit: "province number"), try column("year", unit: "calendar year"),
            try column("coastal", unit: "1 = coastal, 0 = inland"), try column("INTER", unit: "projection-pursuit index"),
            try column("MET", unit: "EXPY, PGDP units"),
        ])
        let coastal = series.columns[2].values
        let groups = [(1.0, "coastal provinces"), (0.0, "inland provinces")].compactMap { value, label -> ScatterGroup? in
            let count = coastal.filter { $0 == value }.count
            guard count > 0 else { return nil }
            return ScatterGroup(series: series, x: "INTER", y: "MET", where: "coastal", equals: value,
                                title: "\(label) (\(count) province-years)")
        }
        let script = try GnuplotPlots.scatter(
            groups: groups, title: "Export sophistication MET against the Internet index INTER, replication 0 (paper 000, Table 1)",
            xLabel: "INTER (projection-pursuit index of the four indicators)", yLabel: "MET (EXPY, PGDP units)", format: format)
        return (series, script)
    }

    /// Replication 0's INTER against the latent I in the first, middle and last year (fewer with fewer years).
    static func interAgainstLatent(_ panel: Dataset, parameters: AllocationRegionalParameters, format: PlotFormat) throws -> Plot {
        let series = try DataSeries(stem: "inter-latent", title: "Replication 0: INTER and the latent Internet I by province-year", columns: [
            SeriesColumn(name: "province", unit: "province number", values: try panel.doubles("province")),
            SeriesColumn(name: "year", unit: "calendar year", values: try panel.doubles("year")),
            SeriesColumn(name: "I", unit: "latent Internet level", values: try panel.doubles("I")),
            SeriesColumn(name: "INTER", unit: "projection-pursuit index", values: try panel.doubles("INTER")),
        ])
        let last = parameters.yearCount - 1
        var periods: [Int] = []
        for period in [0, last / 2, last] where !periods.contains(period) { periods.append(period) }
        let groups = periods.map { period in
            ScatterGroup(series: series, x: "I", y: "INTER", where: "year", equals: Double(parameters.calendarYear(period)),
                         title: String(parameters.calendarYear(period)))
        }
        let script = try GnuplotPlots.scatter(
            groups: groups, title: "The Internet index INTER against latent Internet I, replication 0: INTER is normalised year by year",
            xLabel: "latent Internet I", yLabel: "INTER (projection-pursuit index, eqs. 14–20)", format: format)
        return (series, script)
    }

    /// Noise-free T_rt by year: the highest province (frontier), the coastal and inland means, the lowest.
    static func convergencePaths(_ theory: AllocationRegionalTheory, format: PlotFormat) throws -> Plot {
        let p = theory.parameters, years = (0..<p.yearCount)
        func technology(_ t: Int, coastal: Bool? = nil) -> [Double] {
            (0..<p.regionCount).filter { coastal == nil || theory.geography.coastal[$0] == coastal }
                .map { theory.paths.technology[t * p.regionCount + $0] }
        }
        var columns = [
            SeriesColumn(name: "year", unit: "calendar year", values: years.map { Double(p.calendarYear($0)) }),
            SeriesColumn(name: "frontier", unit: "T, highest province", values: years.map { technology($0).max() ?? .nan }),
        ]
        var titles = ["frontier: highest T_rt"]
        for (coastal, name, label) in [(true, "coastal_mean", "coastal"), (false, "inland_mean", "inland")]
        where theory.geography.coastal.contains(coastal) {
            columns.append(SeriesColumn(name: name, unit: "T, mean over \(label) provinces",
                                        values: years.map { mean(technology($0, coastal: coastal)) }))
            titles.append("\(label) mean")
        }
        columns.append(SeriesColumn(name: "laggard", unit: "T, lowest province", values: years.map { technology($0).min() ?? .nan }))
        titles.append("laggard: lowest T_rt")
        let series = try DataSeries(stem: "convergence-paths", title: "Noise-free export technology T_rt by year", columns: columns)
        let script = try GnuplotPlots.lines(
            series: series, yColumns: columns.dropFirst().map(\.name),
            title: "Noise-free export technology T_rt: convergence toward the frontier (eq. 26)",
            xLabel: "year", yLabel: "export technology T (log efficiency per unit of complexity)", format: format, seriesTitles: titles)
        return (series, script)
    }

    /// Noise-free mean ln MET by year, coastal and inland: MET by eqs. 12–13 over the expected exports.
    static func metPaths(_ theory: AllocationRegionalTheory, format: PlotFormat) throws -> Plot {
        let p = theory.parameters
        let assembly = RegionalAssembly(parameters: p, geography: theory.geography, seed: theory.seed)
        let met = try assembly.sophistication(productExports: assembly.expectedProductExports(theory.economies.classExports),
                                              income: theory.economies.income).met
        let years = (0..<p.yearCount)
        var columns = [SeriesColumn(name: "year", unit: "calendar year", values: years.map { Double(p.calendarYear($0)) })]
        var titles: [String] = []
        for (coastal, name, label) in [(true, "lnMET_coastal", "coastal"), (false, "lnMET_inland", "inland")]
        where theory.geography.coastal.contains(coastal) {
            let values = years.map { t in
                mean((0..<p.regionCount).filter { theory.geography.coastal[$0] == coastal }
                    .map { met[t * p.regionCount + $0] }.filter { $0 > 0 && $0.isFinite }.map(log))
            }
            columns.append(SeriesColumn(name: name, unit: "mean ln MET over \(label) provinces", values: values))
            titles.append("\(label) provinces")
        }
        let series = try DataSeries(stem: "met-paths", title: "Noise-free mean ln MET by year (eqs. 12–13 over expected exports)",
                                    columns: columns)
        let script = try GnuplotPlots.lines(
            series: series, yColumns: columns.dropFirst().map(\.name),
            title: "Noise-free mean ln MET by year, coastal and inland provinces (eqs. 12–13 over expected exports)",
            xLabel: "year", yLabel: "mean ln MET (ln EXPY, PGDP units)", format: format, seriesTitles: titles)
        return (series, script)
    }

    /// The mean, NaN for no values.
    private static func mean(_ values: [Double]) -> Double {
        values.isEmpty ? .nan : values.reduce(0, +) / Double(values.count)
    }
}
