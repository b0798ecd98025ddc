import Foundation
import Testing
import TestSupport
@testable import Scenario

/// `hetfirm index`: the CSV read through the located reader, rows reported with id and year, located
/// errors, and the output-file rule (an existing --out is refused and left as it was).
@Suite("hetfirm index")
struct IndexCommandTests {
    static let panel = """
        region,year,a,b,c
        r1,2001,1,5,2
        r2,2001,2,3,9
        r3,2001,4,4,1
        r4,2001,7,1,6
        r1,2002,2,6,2
        r2,2002,3,3,8
        r3,2002,5,5,3
        r4,2002,9,2,7

        """


    @Test("entropy by year: one row per input row with id and year, weights per year, CSV output")
    func entropyRowsAndCSV() throws {
        let folder = try TemporaryDirectory.create("index")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let data = try CommandTestFiles.write(Self.panel, "panel.csv", in: folder)
        var request = DataIndex.Request(dataPath: data, method: "entropy", indicators: "a,b,c")
        request.idColumn = "region"
        request.yearColumn = "year"
        request.weights = "by-year"
        request.negative = "c"
        let report = try DataIndex.run(request)
        #expect(report.document.rows.map(\.id) == ["r1", "r2", "r3", "r4", "r1", "r2", "r3", "r4"])
        #expect(report.document.rows.map(\.year) == [2001, 2001, 2001, 2001, 2002, 2002, 2002, 2002])
        #expect(report.document.samples.map(\.year) == [2001, 2002])
        #expect(report.document.samples.allSatisfy { abs($0.weights.reduce(0, +) - 1) < 1e-12 })
        // r3 in 2001 has the largest c (1 is the smallest, c is negative) — its normalised c is 1.
        #expect(report.text.contains("entropy weights w_j"))

        request.output.path = folder + "/dig.csv"
        let written = try DataIndex.run(request)
        #expect(written.text.hasPrefix("wrote "))
        let csv = try String(contentsOfFile: folder + "/dig.csv", encoding: .utf8)
        let lines = csv.split(separator: "\n")
        #expect(lines.first == "id,year,index")
        #expect(lines.count == 9)
        #expect(lines[1] == "r1,2001,\(report.document.rows[0].index)")
    }

    @Test("an existing --out is refused and left unchanged; --force replaces it")
    func outputFileRule() throws {
        let folder = try TemporaryDirectory.create("index")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let data = try CommandTestFiles.write(Self.panel, "panel.csv", in: folder)
        let existing = try CommandTestFiles.write("keep me\n", "mine.txt", in: folder)
        var request = DataIndex.Request(dataPath: data, method: "pca", indicators: "a,b,c")
        request.output.path = existing
        let refused = try #require(CommandTestFiles.message { try DataIndex.run(request) })
        #expect(refused.contains("exists"))
        #expect(try String(contentsOfFile: existing, encoding: .utf8) == "keep me\n")
        request.output.path = data
        request.output.force = true
        #expect(CommandTestFiles.message { try DataIndex.run(request) }?.contains("is the input file") == true)
        request.output.path = existing
        _ = try DataIndex.run(request)
        #expect(try String(contentsOfFile: existing, encoding: .utf8).hasPrefix("hetfirm index: pca"))
    }

    @Test("located errors: a missing cell, a text cell, a duplicate region-year, a constant indicator in a year")
    func locatedErrors() throws {
        let folder = try TemporaryDirectory.create("index")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        func run(_ text: String, method: String = "projection-pursuit", indicators: String = "a,b,c") throws -> String? {
            let data = try CommandTestFiles.write(text, "data.csv", in: folder)
            var request = DataIndex.Request(dataPath: data, method: method, indicators: indicators)
            request.idColumn = "region"
            request.yearColumn = "year"
            return CommandTestFiles.message { try DataIndex.run(request) }
        }
        let missing = try #require(try run(Self.panel.replacingOccurrences(of: "r3,2002,5,5,3", with: "r3,2002,5,,3")))
        #expect(missing.contains("data.csv:8:4 (column 'b')") && missing.contains("missing"))
        let text = try #require(try run(Self.panel.replacingOccurrences(of: "r2,2001,2,3,9", with: "r2,2001,2,x3,9")))
        #expect(text.contains("data.csv:3:4 (column 'b')") && text.contains("'x3' is not a number"))
        let duplicate = try #require(try run(Self.panel.replacingOccurrences(of: "r4,2002", with: "r3,2002")))
        #expect(duplicate.contains("data.csv:9:1") && duplicate.contains("region 'r3' has a second row in year 2002"))
        let constant = try #require(try run(Self.panel.replacingOccurrences(of: "r1,2002,2,6,2", with: "r1,2002,2,6,7")
            .replacingOccurrences(of: "r2,2002,3,3,8", with: "r2,2002,3,3,7").replacingOccurrences(of: "r3,2002,5,5,3", with: "r3,2002,5,5,7")))
        #expect(constant.contains("indicator 'c' is constant (7.0) in year 2002"))
        let tooFew = try #require(try run(Self.panel + "r9,2003,1,2,3\n"))
        #expect(tooFew.contains("1 region(s) in year 2003"))
        #expect(try run(Self.panel, method: "entropy", indicators: "a,b").map { _ in true } == nil)
        let option = try #require(try run(Self.panel, method: "ranking"))
        #expect(option.contains("--method must be projection-pursuit, entropy or pca"))
    }

    @Test("projection pursuit: the same index for any thread count; JSON has both optimisers")
    func projectionPursuitThreads() throws {
        let folder = try TemporaryDirectory.create("index")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let data = try CommandTestFiles.write(Self.panel, "panel.csv", in: folder)
        var request = DataIndex.Request(dataPath: data, method: "projection-pursuit", indicators: "a,b,c")
        request.yearColumn = "year"
        request.seed = 11
        request.json = true
        let one = try DataIndex.run(request)
        request.threads = 2
        let two = try DataIndex.run(request)
        #expect(one.text == two.text)
        #expect(one.text.contains("\"multiStartObjective\""))
        #expect(one.document.rows.allSatisfy { $0.index > 0 })
        request.radius = "sd:0"
        #expect(CommandTestFiles.message { try DataIndex.run(request) }?.contains("--radius") == true)
    }
}
