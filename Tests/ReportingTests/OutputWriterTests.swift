import Foundation
import Testing
import TestSupport
@testable import Reporting

@Suite struct OutputWriterTests {
    @Test func writesFilesAtomicallyAndCreatesDirectories() throws {
        let root = try TemporaryDirectory.create("writer")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let writer = try OutputWriter(directory: (root as NSString).appendingPathComponent("out/nested"))
        try writer.write("first\n", to: "summary.md")
        try writer.write("second\n", to: "summary.md")
        try writer.write("deep\n", to: "tables/recovery.csv")
        #expect(try String(contentsOfFile: writer.path(for: "summary.md"), encoding: .utf8) == "second\n")
        #expect(try String(contentsOfFile: writer.path(for: "tables/recovery.csv"), encoding: .utf8) == "deep\n")
        // No temporary files are left behind.
        let names = try FileManager.default.contentsOfDirectory(atPath: writer.directory)
        #expect(Set(names) == ["summary.md", "tables"])
    }

    @Test func writesSeriesAndScriptsUnderTheirStems() throws {
        let root = try TemporaryDirectory.create("writer")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let writer = try OutputWriter(directory: root)
        let series = try DataSeries(stem: "s", title: "t", columns: [SeriesColumn(name: "x", unit: "", values: [1])])
        try writer.write(series)
        try writer.write(GnuplotScript(stem: "s", contents: "plot 1\n"))
        #expect(try String(contentsOfFile: writer.path(for: "s.dat"), encoding: .utf8) == series.render())
        #expect(try String(contentsOfFile: writer.path(for: "s.gp"), encoding: .utf8) == "plot 1\n")
        #expect(throws: ReportingError.invalidStem("../s")) { try writer.write(GnuplotScript(stem: "../s", contents: "")) }
    }

    @Test func rejectsPathsLeavingTheDirectory() throws {
        let root = try TemporaryDirectory.create("writer")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let writer = try OutputWriter(directory: root)
        for path in ["/etc/passwd", "../x", "a/../../x", "", "/"] {
            #expect(throws: ReportingError.invalidRelativePath(path)) { try writer.write("x", to: path) }
        }
    }

    @Test func refusesAFileAsDirectory() throws {
        let root = try TemporaryDirectory.create("writer")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let file = (root as NSString).appendingPathComponent("file")
        try OutputWriter(directory: root).write("x", to: "file")
        #expect(throws: ReportingError.self) { try OutputWriter(directory: file) }
    }
}
