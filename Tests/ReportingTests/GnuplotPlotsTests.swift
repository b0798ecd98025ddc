import Testing
@testable import Reporting

@Suite struct GnuplotPlotsTests {
    private func series() throws -> DataSeries {
        try DataSeries(stem: "statics", title: "statics", columns: [
            SeriesColumn(name: "tau", unit: "", values: [1, 2, 3]),
            SeriesColumn(name: "analytic", unit: "", values: [1, 4, 9]),
            SeriesColumn(name: "finite_difference", unit: "", values: [1.1, 3.9, 9.2]),
        ])
    }

    @Test func linesScriptHasTerminalOutputAndColumns() throws {
        let script = try GnuplotPlots.lines(
            series: series(), yColumns: ["finite_difference", "analytic"], title: "Cutoff & τ",
            xLabel: "trade cost τ (iceberg)", yLabel: "d ln φ* / d τ", format: .png)
        #expect(script.stem == "statics")
        #expect(script.contents.contains(#"set terminal pngcairo enhanced color size 1200,800 font "DejaVu Sans,14""#))
        #expect(script.contents.contains(#"set output "plots/statics.png""#))
        #expect(script.contents.contains(#""statics.dat" using 1:3 with linespoints linestyle 1 title "finite\\_difference""#))
        #expect(script.contents.contains(#""statics.dat" using 1:2 with linespoints linestyle 2 title "analytic""#))
        #expect(script.contents.contains(#"set title "Cutoff \\& τ""#))
        #expect(!script.contents.contains("@TITLE@"))
    }

    @Test func svgUsesTheSvgTerminal() throws {
        let script = try GnuplotPlots.lines(series: series(), yColumns: ["analytic"], title: "t", xLabel: "x", yLabel: "y", format: .svg)
        #expect(script.contents.contains("set terminal svg enhanced"))
        #expect(script.contents.contains(#"set output "plots/statics.svg""#))
    }

    @Test func linesRejectsUnknownOrNoColumns() throws {
        #expect(throws: ReportingError.unknownColumn("nope", available: ["tau", "analytic", "finite_difference"])) {
            try GnuplotPlots.lines(series: series(), yColumns: ["nope"], title: "", xLabel: "", yLabel: "", format: .png)
        }
        #expect(throws: ReportingError.self) {
            try GnuplotPlots.lines(series: series(), yColumns: [], title: "", xLabel: "", yLabel: "", format: .png)
        }
    }

    @Test func samplingDistributionCountsEveryFiniteEstimate() throws {
        let estimates = SampleDraws.normal(count: 500, mean: 4.27, standardDeviation: 0.12, seed: 7) + [.nan, .infinity]
        let (data, script) = try GnuplotPlots.samplingDistribution(
            estimates: estimates, truth: 4.25, meanStandardError: 0.12, parameterSymbol: "k", stem: "recovery-k", format: .png)
        #expect(data.stem == "recovery-k")
        #expect(data.columns.map(\.name) == ["bin_center", "count", "bin_lower", "bin_upper", "normal_expected_count"])
        #expect(data.columns[1].values.reduce(0, +) == 500)
        #expect(data.columns[1].values.count == 16)  // Rice rule: ⌈2·500^⅓⌉ = ⌈15.87⌉
        #expect(script.contents.contains(#"set output "plots/recovery-k.png""#))
        #expect(script.contents.contains(#"plot "recovery-k.dat" using 1:2 with boxes"#))
        #expect(script.contents.contains("truth = 4.25\n"))
        #expect(script.contents.contains(#"title "truth k = 4.250""#))
        #expect(script.contents.contains("normalCount(x) with lines"))
    }

    @Test func samplingDistributionWithoutStandardErrorOmitsTheCurve() throws {
        let (data, script) = try GnuplotPlots.samplingDistribution(
            estimates: [1, 1, 1], truth: 1, meanStandardError: .nan, parameterSymbol: "{/Symbol s}", stem: "s", format: .svg)
        #expect(data.columns[1].values == [3])
        #expect(!script.contents.contains("normalCount(x) with"))
        #expect(script.contents.contains(#"truth {/Symbol s} = 1.000"#))
    }

    @Test func samplingDistributionRejectsUnusableInput() {
        #expect(throws: ReportingError.self) {
            try GnuplotPlots.samplingDistribution(estimates: [.nan], truth: 1, meanStandardError: 1, parameterSymbol: "k", stem: "k", format: .png)
        }
        #expect(throws: ReportingError.self) {
            try GnuplotPlots.samplingDistribution(estimates: [1], truth: .nan, meanStandardError: 1, parameterSymbol: "k", stem: "k", format: .png)
        }
        #expect(throws: ReportingError.self) {
            try GnuplotPlots.samplingDistribution(estimates: [-1e308, 1e308], truth: 0, meanStandardError: 1, parameterSymbol: "k", stem: "k", format: .png)
        }
    }

    @Test func substitutionIsSinglePassAndRequiresEveryPlaceholder() throws {
        let text = try GnuplotTemplates.substitute("a @X@ b @Y@ e-mail@host", values: ["X": "@Y@", "Y": "y"], templateName: "t")
        #expect(text == "a @Y@ b y e-mail@host")
        #expect(throws: ReportingError.template(name: "t", problem: "no value for placeholder Z")) {
            try GnuplotTemplates.substitute("@Z@", values: [:], templateName: "t")
        }
    }
}
