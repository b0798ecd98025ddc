import Foundation
import PanelData
@testable import Pipelines
import Scenario
import Testing
import TestSupport

/// The province pipeline's plots: the files a small run writes, their columns and rows, and the scripts
/// that read them.
@Suite("allocation-regional plots", .serialized)
struct AllocationRegionalPlotsTests {
    static let regions = 10, years = 8, firstYear = 2004

    /// A small scenario; with `estimate` a Monte Carlo of one replication (so replication 0's panel), without
    /// it the theory only.
    static func scenario(estimate: Bool, firms: Int, gnuplot: Bool) -> String {
        """
        [scenario]
        name = "regional-plots"
        model = "allocation-regional"
        seed = 5

        [model]
        regions = \(regions)
        first_year = \(firstYear)
        years = \(years)
        firms_per_region = \(firms)
        \(estimate ? "\n[[estimate]]\nname = \"ols\"\nformula = \"lnMET ~ INTER | province\"\n" : "")
        [montecarlo]
        replications = 1

        [output]
        panel = true
        gnuplot = \(gnuplot)
        """
    }

    static func run(_ text: String) throws -> (directory: String, summary: RunSummary) {
        let scenario = try ScenarioLoader.parse(text: text, fileName: "regional-plots.toml")
        let directory = TemporaryDirectory.path()
        let summary = try ScenarioRunner.run(scenario, overrides: RunOverrides(outputDirectory: directory, threads: 1))
        return (directory, summary)
    }

    /// The `.dat` file's column names (its last header line) and its data rows.
    static func data(_ directory: String, _ stem: String) throws -> (columns: [String], rows: [[String]]) {
        let lines = try String(contentsOfFile: "\(directory)/\(stem).dat", encoding: .utf8).split(separator: "\n")
        let header = lines.filter { $0.hasPrefix("# ") }
        let columns = header.last.map { $0.dropFirst(2).split(separator: " ").map(String.init) } ?? []
        return (columns, lines.filter { !$0.hasPrefix("#") }.map { $0.split(separator: " ").map(String.init) })
    }

    static func script(_ directory: String, _ stem: String) throws -> String {
        try String(contentsOfFile: "\(directory)/\(stem).gp", encoding: .utf8)
    }

    @Test("a run with replication 0's panel writes the four plots, with the panel's rows and a missing MET left out")
    func panelRunWritesFourPlots() throws {
        // Few firms, so that some province-years export nothing and have a missing MET.
        let (directory, summary) = try Self.run(Self.scenario(estimate: true, firms: 40, gnuplot: true))
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect(summary.warnings.isEmpty, "\(summary.warnings)")
        let panel = try CSVReader.read(path: directory + "/panel.csv")
        let met = try panel.column(named: "MET")
        let present = (0..<panel.rowCount).filter { !met.isMissing($0) }
        #expect(panel.rowCount == Self.regions * Self.years)
        #expect(present.count < panel.rowCount, "the test needs a missing MET")

        let metInter = try Self.data(directory, "met-inter")
        #expect(metInter.columns == ["province", "year", "coastal", "INTER", "MET"])
        #expect(metInter.rows.count == present.count)
        #expect(metInter.rows.allSatisfy { $0.count == 5 && $0[4] != "NaN" })
        // Row by row the panel's province-years with a MET, in the panel's order (panel.csv rounds nothing away that matters here).
        let province = try panel.ints("province"), coastal = try panel.ints("coastal")
        let inter = try panel.doubles("INTER"), metValues = try panel.doubles("MET")
        for (row, source) in zip(metInter.rows, present) {
            let values = row.compactMap(Double.init)
            #expect(values.count == 5 && values[0] == Double(province[source]) && values[2] == Double(coastal[source])
                    && abs(values[3] - inter[source]) <= 1e-9 * max(1, abs(inter[source]))
                    && abs(values[4] / metValues[source] - 1) < 1e-9, "\(row) vs panel row \(source)")
        }
        let metInterScript = try Self.script(directory, "met-inter")
        #expect(metInterScript.contains(#""met-inter.dat" using 4:(($3 == 1.0) ? $5 : NaN) with points"#), "\(metInterScript)")
        #expect(metInterScript.contains(#""met-inter.dat" using 4:(($3 == 0.0) ? $5 : NaN) with points"#))
        #expect(metInterScript.contains("coastal provinces (") && metInterScript.contains("inland provinces ("))

        let interLatent = try Self.data(directory, "inter-latent")
        #expect(interLatent.columns == ["province", "year", "I", "INTER"])
        #expect(interLatent.rows.count == Self.regions * Self.years)
        let interLatentScript = try Self.script(directory, "inter-latent")
        for year in [Self.firstYear, Self.firstYear + (Self.years - 1) / 2, Self.firstYear + Self.years - 1] {
            #expect(interLatentScript.contains(#""inter-latent.dat" using 3:(($2 == \#(year).0) ? $4 : NaN)"#), "\(year)")
            #expect(interLatentScript.contains(#"title "\#(year)""#))
        }

        try Self.expectTheoryPlots(directory)
        // Rendered unless gnuplot is missing (a note then); a script gnuplot rejects would be a warning, checked above.
        if !summary.notes.contains(where: { $0.hasPrefix("plots not rendered") }) {
            for stem in ["met-inter", "inter-latent", "convergence-paths", "met-paths"] {
                #expect(summary.files.contains("plots/\(stem).png"), "\(stem) not rendered")
            }
        }
    }

    @Test("a theory-only run writes the two noise-free plots and no panel plot")
    func theoryRunWritesPathPlots() throws {
        let (directory, summary) = try Self.run(Self.scenario(estimate: false, firms: 40, gnuplot: false))
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect(summary.warnings.isEmpty, "\(summary.warnings)")
        try Self.expectTheoryPlots(directory)
        for stem in ["met-inter", "inter-latent"] {
            #expect(!FileManager.default.fileExists(atPath: "\(directory)/\(stem).dat"))
            #expect(!FileManager.default.fileExists(atPath: "\(directory)/\(stem).gp"))
        }
    }

    /// convergence-paths and met-paths: a row per year, the frontier above the means above the laggard.
    static func expectTheoryPlots(_ directory: String) throws {
        let convergence = try data(directory, "convergence-paths")
        #expect(convergence.columns == ["year", "frontier", "coastal_mean", "inland_mean", "laggard"])
        #expect(convergence.rows.map { $0.first } == (0..<years).map { "\(Double(firstYear + $0))" })
        for row in convergence.rows {
            let values = row.compactMap(Double.init)
            #expect(values.count == 5 && values[1] >= max(values[2], values[3]) && min(values[2], values[3]) >= values[4], "\(row)")
        }
        let convergenceScript = try script(directory, "convergence-paths")
        for column in 2...5 {
            #expect(convergenceScript.contains(#""convergence-paths.dat" using 1:\#(column) with linespoints"#), "\(column)")
        }
        #expect(convergenceScript.contains(#"set output "plots/convergence-paths.png""#))

        let metPaths = try data(directory, "met-paths")
        #expect(metPaths.columns == ["year", "lnMET_coastal", "lnMET_inland"])
        #expect(metPaths.rows.count == years)
        #expect(metPaths.rows.allSatisfy { $0.count == 3 && $0.compactMap(Double.init).allSatisfy(\.isFinite) })
        let metPathsScript = try script(directory, "met-paths")
        #expect(metPathsScript.contains(#""met-paths.dat" using 1:2 with linespoints"#))
        #expect(metPathsScript.contains(#""met-paths.dat" using 1:3 with linespoints"#))
    }
}
