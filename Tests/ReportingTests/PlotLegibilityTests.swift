import Foundation
import Testing
@testable import Reporting

/// Issue 10, §5 "Plots": error bars drawn solid, clipping said in the plot, long titles broken into lines.
@Suite("plot legibility")
struct PlotLegibilityTests {
    private func curves() throws -> (DataSeries, DataSeries) {
        let curves = try DataSeries(stem: "delta-of-n", title: "curves", columns: [
            SeriesColumn(name: "n", unit: "signals", values: [1, 10, 100]),
            SeriesColumn(name: "delta_true", unit: "weight", values: [0.1, 0.5, 0.9]),
        ])
        let bins = try DataSeries(stem: "delta-of-n-bins", title: "bins", columns: [
            SeriesColumn(name: "n", unit: "signals", values: [3, 30]),
            SeriesColumn(name: "slope", unit: "weight", values: [0.2, 0.6]),
            SeriesColumn(name: "standard_error", unit: "weight", values: [0.05, 0.4]),
        ])
        return (curves, bins)
    }

    @Test("error bars are drawn with solid lines whatever the dash pattern of their line style")
    func solidErrorBars() throws {
        let (curves, bins) = try curves()
        let script = try GnuplotPlots.curvesWithEstimates(
            curves: curves, curveColumns: ["delta_true"], curveTitles: ["true δ(n)"], estimates: bins,
            estimateColumns: ("n", "slope", "standard_error"), estimateTitle: "slopes", title: "δ(n)", xLabel: "n", yLabel: "δ",
            format: .png, yRange: -0.1...1.1)
        let errorBars = try #require(script.contents.split(separator: "\n").first { $0.contains("yerrorbars") })
        #expect(errorBars.contains("dashtype solid"), "\(errorBars)")
        // 0.6 ± 1.96 · 0.4 = 1.384 and −0.184, outside [−0.1, 1.1]: the clipped bar is announced under the title.
        #expect(script.contents.contains("cut off at the edge of the y range [-0.1, 1.1]:"), "\(script.contents)")
        #expect(script.contents.contains("the ±1.96 SE error bars, reaching up to 1.384 and down to -0.184;"), "\(script.contents)")
        #expect(script.contents.contains("every value is in delta-of-n.dat and delta-of-n-bins.dat"))
    }

    @Test("a lines plot whose fixed y range cuts a series off says which series and how far it reaches")
    func clippingIsAnnounced() throws {
        let series = try DataSeries(stem: "sweep", title: "sweep", columns: [
            SeriesColumn(name: "I", unit: "", values: [0, 0.1, 0.2]),
            SeriesColumn(name: "mean", unit: "", values: [2.5, 3, 3.5]),
            SeriesColumn(name: "cutoff", unit: "", values: [.nan, 53.25, 4]),
        ])
        let clipped = try GnuplotPlots.lines(series: series, yColumns: ["mean", "cutoff"], title: "Complexity against I",
                                             xLabel: "I", yLabel: "m", format: .png, seriesTitles: ["mean", "m*_x"], yRange: 0...10)
        #expect(clipped.contents.contains(#"cut off at the edge of the y range [0, 10]: m*\\_x, reaching up to 53.25; every value is in sweep.dat"#),
                "\(clipped.contents)")
        let inside = try GnuplotPlots.lines(series: series, yColumns: ["mean"], title: "Complexity against I",
                                            xLabel: "I", yLabel: "m", format: .png, yRange: 0...10)
        #expect(!inside.contents.contains("cut off"))
        #expect(inside.contents.contains(#"set title "Complexity against I" font"#))
    }

    @Test("titles longer than a line are broken, after the colon when both halves fit")
    func longTitlesWrap() {
        let title = "As-printed claims against β: (12) needs ϕ > 0, (13)–(14) need the derivatives < 0, the SOC needs D < 0"
        #expect(GnuplotPlots.wrapped(title, width: 80) == [
            "As-printed claims against β:", "(12) needs ϕ > 0, (13)–(14) need the derivatives < 0, the SOC needs D < 0",
        ])
        let words = String(repeating: "word ", count: 40).trimmingCharacters(in: .whitespaces)
        let lines = GnuplotPlots.wrapped(words, width: 80)
        #expect(lines.count == 3 && lines.allSatisfy { $0.count <= 80 })
        #expect(lines.joined(separator: " ") == words)
        #expect(GnuplotPlots.titleText(title) == "As-printed claims against β:\\n(12) needs ϕ > 0, (13)–(14) need the derivatives < 0, the SOC needs D < 0")
    }
}
