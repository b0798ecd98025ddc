import Foundation
import Testing
import TestSupport
@testable import Scenario

/// `hetfirm weights`: inputs read from the user's CSV, islands warned, and the output-file rule
/// (never replace a file without --force, never a folder, a link or the input).
@Suite("hetfirm weights")
struct WeightsCommandTests {

    @Test("economic distance from a panel's unit means, ids matched by value; islands are warnings")
    func economic() throws {
        let folder = try TemporaryDirectory.create("weights")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let panel = try CommandTestFiles.write("province,year,gdppc\n01,2010,3\n01,2011,5\n2,2010,10\n3,2010,7\n3,2011,8\n3,2012,NA\n", "panel.csv", in: folder)
        var request = DataWeights.Request(builder: .economicDistance, inputPath: panel)
        request.idColumn = "province"
        request.valueColumn = "gdppc"
        request.output.rowStandardize = false
        request.output.format = "csv"
        let report = try DataWeights.build(request)
        #expect(report.weights.unitIdentifiers == ["1", "2", "3"])
        #expect(report.weights.denseElements() == [0, 1.0 / 6, 1.0 / 3.5, 1.0 / 6, 0, 1.0 / 2.5, 1.0 / 3.5, 1.0 / 2.5, 0])
        #expect(report.text.hasPrefix("\"\",1,2,3\n"))
        #expect(report.warnings.isEmpty)

        let pairs = try CommandTestFiles.write("a,b\n1,2\n2,3\n4,\n", "pairs.csv", in: folder)
        let contiguity = try DataWeights.build(DataWeights.Request(builder: .contiguity, inputPath: pairs))
        #expect(contiguity.weights.isRowStandardized)
        #expect(contiguity.warnings.count == 1 && contiguity.warnings[0].contains("islands: 4"))
    }

    @Test("coordinates: a missing coordinate and a repeated unit are located")
    func coordinates() throws {
        let folder = try TemporaryDirectory.create("weights")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let missing = try CommandTestFiles.write("city,lon,lat\n1,100,30\n2,,31\n", "missing.csv", in: folder)
        var request = DataWeights.Request(builder: .nearestNeighbours(k: 1), inputPath: missing)
        (request.idColumn, request.xColumn, request.yColumn) = ("city", "lon", "lat")
        #expect(CommandTestFiles.message { try DataWeights.build(request) } == "\(missing):3:2 (column 'lon'): error: the coordinate is missing")
        let repeated = try CommandTestFiles.write("city,lon,lat\n1,100,30\n2,101,31\n02,102,30\n", "repeated.csv", in: folder)
        request.inputPath = repeated
        #expect(CommandTestFiles.message { try DataWeights.build(request) }?.hasPrefix("\(repeated):4:1 (column 'city'): error: unit 2 has a second row") == true)
    }

    @Test("an existing --out is replaced only with --force, and never when it is a folder or the input")
    func outputSafety() throws {
        let folder = try TemporaryDirectory.create("weights")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let points = try CommandTestFiles.write("city,x,y\na,0,0\nb,1,0\nc,3,0\n", "points.csv", in: folder)
        var request = DataWeights.Request(builder: .nearestNeighbours(k: 1), inputPath: points)
        (request.idColumn, request.xColumn, request.yColumn) = ("city", "x", "y")
        let out = folder + "/W.gal"
        request.output.path = out
        _ = try DataWeights.build(request)
        #expect(try String(contentsOfFile: out, encoding: .utf8) == "3\na 1\nb\nb 1\na\nc 1\nb\n")
        let mine = try CommandTestFiles.write("keep me\n", "mine.gal", in: folder)
        request.output.path = mine
        #expect(CommandTestFiles.message { try DataWeights.build(request) }?.contains("exists; hetfirm does not replace files") == true)
        #expect(try String(contentsOfFile: mine, encoding: .utf8) == "keep me\n")
        request.output.force = true
        _ = try DataWeights.build(request)
        #expect(try String(contentsOfFile: mine, encoding: .utf8).hasPrefix("3\n"))
        request.output.path = points
        #expect(CommandTestFiles.message { try DataWeights.build(request) }?.contains("is the input file") == true)
        request.output.path = folder
        request.output.format = "gal"
        #expect(CommandTestFiles.message { try DataWeights.build(request) }?.contains("is a folder") == true)
        request.output.format = nil
        request.output.path = folder + "/W.unknown"
        #expect(CommandTestFiles.message { try DataWeights.build(request) }?.contains("give --format") == true)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
    }

    @Test("describe reads any format and reports a located error for a bad file")
    func describe() throws {
        let folder = try TemporaryDirectory.create("weights")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let gal = try CommandTestFiles.write("2\na 1\nz\nb 0\n", "bad.gal", in: folder)
        #expect(CommandTestFiles.message { try DataWeights.describe(path: gal, format: nil, delimiter: nil) } == "error: \(gal):3:1: unit 'z' is not one of the file's units")
        let edges = try CommandTestFiles.write("from;to;weight\na;b;2\nb;a;2\n", "w.csv", in: folder)
        let report = try DataWeights.describe(path: edges, format: "edges", delimiter: ";")
        #expect(report.text.contains("symmetric        yes"))
        #expect(report.text.contains("row-standardised no"))
    }
}
