import Foundation
import Testing
import TestSupport
@testable import Reporting

@Suite struct GnuplotScatterTests {
    private func panel() throws -> DataSeries {
        try DataSeries(stem: "met-inter", title: "panel", columns: [
            SeriesColumn(name: "coastal", unit: "", values: [1, 0, 1, 0, 1]),
            SeriesColumn(name: "INTER", unit: "", values: [0.1, 0.2, 0.3, 0.4, .nan]),
            SeriesColumn(name: "MET", unit: "", values: [2, .nan, 4, 5, 6]),
        ])
    }

    @Test func groupsOfOneSeriesFilterOnTheGroupColumn() throws {
        let series = try panel()
        let script = try GnuplotPlots.scatter(
            groups: [ScatterGroup(series: series, x: "INTER", y: "MET", where: "coastal", equals: 1, title: "coastal_provinces & {x}"),
                     ScatterGroup(series: series, x: "INTER", y: "MET", where: "coastal", equals: 0, title: "inland")],
            title: "MET ^ INTER", xLabel: "INTER_x", yLabel: "MET", format: .png)
        #expect(script.stem == "met-inter")
        #expect(script.contents.contains(#"set terminal pngcairo enhanced color size 1200,800 font "DejaVu Sans,14""#))
        #expect(script.contents.contains(#"set output "plots/met-inter.png""#))
        #expect(script.contents.contains(
            #""met-inter.dat" using 2:(($1 == 1.0) ? $3 : NaN) with points linestyle 1 title "coastal\\_provinces \\& \\{x\\}""#),
            "\(script.contents)")
        #expect(script.contents.contains(#""met-inter.dat" using 2:(($1 == 0.0) ? $3 : NaN) with points linestyle 2 title "inland""#))
        #expect(script.contents.contains(#"set title "MET \\^ INTER""#))
        #expect(script.contents.contains(#"set xlabel "INTER\\_x""#))
        #expect(!script.contents.contains("@PLOTS@") && !script.contents.contains("@TITLE@"))
    }

    @Test func groupsOfSeveralSeriesUseTheirOwnFilesAndTheGivenStem() throws {
        let a = try DataSeries(stem: "a", title: "", columns: [SeriesColumn(name: "x", unit: "", values: [1, 2]),
                                                                 SeriesColumn(name: "y", unit: "", values: [3, 4])])
        let b = try DataSeries(stem: "b", title: "", columns: [SeriesColumn(name: "y", unit: "", values: [1]),
                                                                 SeriesColumn(name: "x", unit: "", values: [2])])
        let script = try GnuplotPlots.scatter(
            groups: [ScatterGroup(series: a, x: "x", y: "y", title: "A"), ScatterGroup(series: b, x: "x", y: "y", title: "B")],
            title: "t", xLabel: "x", yLabel: "y", format: .svg, stem: "both")
        #expect(script.stem == "both")
        #expect(script.contents.contains("set terminal svg enhanced"))
        #expect(script.contents.contains(#"set output "plots/both.svg""#))
        #expect(script.contents.contains(#""a.dat" using 1:2 with points linestyle 1 title "A""#))
        #expect(script.contents.contains(#""b.dat" using 2:1 with points linestyle 2 title "B""#))
    }

    @Test func pointsSkipNonFiniteValuesAndOtherGroups() throws {
        let series = try panel()
        let coastal = try ScatterGroup(series: series, x: "INTER", y: "MET", where: "coastal", equals: 1, title: "").points()
        #expect(coastal.map(\.x) == [0.1, 0.3] && coastal.map(\.y) == [2, 4])
        let all = try ScatterGroup(series: series, x: "INTER", y: "MET", title: "").points()
        #expect(all.map(\.y) == [2, 4, 5])
    }

    @Test func scatterRejectsUnknownColumnsNoGroupsAndNoPoints() throws {
        let series = try panel()
        #expect(throws: ReportingError.unknownColumn("nope", available: ["coastal", "INTER", "MET"])) {
            try GnuplotPlots.scatter(groups: [ScatterGroup(series: series, x: "INTER", y: "nope", title: "")],
                                     title: "", xLabel: "", yLabel: "", format: .png)
        }
        #expect(throws: ReportingError.unknownColumn("region", available: ["coastal", "INTER", "MET"])) {
            try GnuplotPlots.scatter(groups: [ScatterGroup(series: series, x: "INTER", y: "MET", where: "region", equals: 1, title: "")],
                                     title: "", xLabel: "", yLabel: "", format: .png)
        }
        #expect(throws: ReportingError.nothingToPlot("no scatter groups given")) {
            try GnuplotPlots.scatter(groups: [], title: "", xLabel: "", yLabel: "", format: .png)
        }
        #expect(throws: ReportingError.nothingToPlot("no finite (x, y) point in any group of met-inter")) {
            try GnuplotPlots.scatter(groups: [ScatterGroup(series: series, x: "INTER", y: "MET", where: "coastal", equals: 2, title: "")],
                                     title: "", xLabel: "", yLabel: "", format: .png)
        }
        #expect(throws: ReportingError.invalidStem("../x")) {
            try GnuplotPlots.scatter(groups: [ScatterGroup(series: series, x: "INTER", y: "MET", title: "")],
                                     title: "", xLabel: "", yLabel: "", format: .png, stem: "../x")
        }
    }

    /// The script gnuplot runs: both formats render, the filtered-out rows and NaN values notwithstanding.
    @Test(.enabled(if: GnuplotRenderer.locate() != nil, "gnuplot is not on PATH: rendering test skipped"))
    func rendersInBothFormats() throws {
        let directory = try TemporaryDirectory.create("render-scatter")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let writer = try OutputWriter(directory: directory)
        let series = try panel()
        try writer.write(series)
        for format in PlotFormat.allCases {
            try writer.write(GnuplotPlots.scatter(
                groups: [ScatterGroup(series: series, x: "INTER", y: "MET", where: "coastal", equals: 1, title: "coastal"),
                         ScatterGroup(series: series, x: "INTER", y: "MET", where: "coastal", equals: 0, title: "inland")],
                title: "MET against INTER", xLabel: "INTER", yLabel: "MET", format: format, stem: "scatter-\(format.rawValue)"))
        }
        let report = try GnuplotRenderer.renderAll(in: directory)
        #expect(report.failures.isEmpty, "\(report.failures)")
        #expect(Set(report.rendered) == ["plots/scatter-png.png", "plots/scatter-svg.svg"])
    }
}
