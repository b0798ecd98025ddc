import Foundation
import Testing
import TestSupport
@testable import Reporting

@Suite struct GnuplotRendererTests {
    @Test func findsOutputLines() {
        #expect(GnuplotRenderer.outputPaths("set terminal png\n  set output \"plots/a.png\"\nplot 1\n") == ["plots/a.png"])
    }

    /// Renders a lines plot and a sampling distribution. Set HETFIRM_SAMPLE_PLOTS_DIR to keep the
    /// images in that directory for inspection.
    @Test(.enabled(if: GnuplotRenderer.locate() != nil, "gnuplot is not on PATH: rendering test skipped"))
    func rendersNonEmptyImages() throws {
        let keep = ProcessInfo.processInfo.environment["HETFIRM_SAMPLE_PLOTS_DIR"]
        let directory = try keep ?? TemporaryDirectory.create("render")
        defer { if keep == nil { try? FileManager.default.removeItem(atPath: directory) } }
        let writer = try OutputWriter(directory: directory)

        let tau = stride(from: 1.05, through: 2.0, by: 0.05).map { $0 }
        let series = try DataSeries(stem: "sample-lines", title: "Export cutoff against trade cost", columns: [
            SeriesColumn(name: "tau", unit: "iceberg factor", values: tau),
            SeriesColumn(name: "analytic", unit: "productivity", values: tau.map { 0.8 * pow($0, 1.2) }),
            SeriesColumn(name: "finite_difference", unit: "productivity", values: tau.map { 0.8 * pow($0, 1.2) * (1 + 0.02 * sin(9 * $0)) }),
            SeriesColumn(name: "domestic", unit: "productivity", values: tau.map { 0.55 + 0.05 * log($0) }),
        ])
        try writer.write(series)
        for format in PlotFormat.allCases {
            var script = try GnuplotPlots.lines(
                series: series, yColumns: ["analytic", "finite_difference", "domestic"],
                title: "Productivity cutoffs against the iceberg trade cost",
                xLabel: "iceberg trade cost τ (factor)", yLabel: "productivity cutoff φ* (level)", format: format)
            script = GnuplotScript(stem: "\(script.stem)-\(format.rawValue)", contents: script.contents)
            try writer.write(script)
        }
        let estimates = SampleDraws.normal(count: 500, mean: 4.27, standardDeviation: 0.125, seed: 11)
        let (data, script) = try GnuplotPlots.samplingDistribution(
            estimates: estimates, truth: 4.25, meanStandardError: 0.12, parameterSymbol: "k", stem: "sample-recovery-k", format: .png)
        try writer.write(data)
        try writer.write(script)

        let report = try GnuplotRenderer.renderAll(in: directory)
        #expect(report.failures.isEmpty, "\(report.failures)")
        #expect(Set(report.rendered) == ["plots/sample-lines.png", "plots/sample-lines.svg", "plots/sample-recovery-k.png"])
        for image in report.rendered {
            let size = (try FileManager.default.attributesOfItem(atPath: writer.path(for: image))[.size] as? NSNumber)?.intValue ?? 0
            #expect(size > 1_000, "\(image) is only \(size) bytes")
        }
    }

    @Test(.enabled(if: GnuplotRenderer.locate() != nil, "gnuplot is not on PATH: rendering test skipped"))
    func reportsBrokenScripts() throws {
        let directory = try TemporaryDirectory.create("render-broken")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try OutputWriter(directory: directory).write(GnuplotScript(stem: "broken", contents: "plot sin(x) witth lines\n"))
        let report = try GnuplotRenderer.renderAll(in: directory)
        #expect(report.rendered.isEmpty)
        #expect(report.failures.map(\.script) == ["broken.gp"])
        #expect(report.failures.first?.message.isEmpty == false)
    }

    @Test("a folder without .gp files is an error naming the folder, and nothing is created in it")
    func folderWithoutScripts() throws {
        let directory = try TemporaryDirectory.create("render-empty")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try "x".write(toFile: (directory as NSString).appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        #expect(throws: ReportingError.noScripts(directory: directory)) { try GnuplotRenderer.renderAll(in: directory) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["notes.txt"])
        #expect(ReportingError.noScripts(directory: directory).description.contains("nothing to plot"))
    }
}
