import Testing
@testable import Spatial

/// The readers: formats, id matching by value, and every error with its location.
@Suite("spatial weights readers")
struct SpatialWeightsReaderTests {
    static func read(_ text: String, _ format: SpatialWeightsFormat?, limits: SpatialWeightsLimits = .standard,
                     dropDiagonal: Bool = false) throws -> SpatialWeights {
        try SpatialWeightsReader.read(bytes: Array(text.utf8), fileName: "w", format: format, limits: limits, dropDiagonal: dropDiagonal)
    }

    /// Expects `text` to fail at `line`/`field` with `problem`.
    static func refuses(_ text: String, _ format: SpatialWeightsFormat?, line: Int, field: Int?, _ problem: WeightsFileProblem,
                        limits: SpatialWeightsLimits = .standard, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(throws: SpatialError.weightsFile(file: "w", line: line, field: field, problem: problem), sourceLocation: sourceLocation) {
            try read(text, format, limits: limits)
        }
    }

    @Test("unit keys: numbers match by value, other text by its trimmed spelling")
    func unitKeys() {
        #expect(SpatialUnitKey.canonical("01") == "1")
        #expect(SpatialUnitKey.canonical(" 1.0 ") == "1")
        #expect(SpatialUnitKey.canonical("+1e0") == "1")
        #expect(SpatialUnitKey.canonical("-0") == "0")
        #expect(SpatialUnitKey.canonical(1.0) == "1")
        #expect(SpatialUnitKey.canonical(12) == "12")
        #expect(SpatialUnitKey.canonical("1.50") == "1.5")
        #expect(SpatialUnitKey.canonical(1.5) == "1.5")
        #expect(SpatialUnitKey.canonical("1e20") == SpatialUnitKey.canonical(1e20))
        #expect(SpatialUnitKey.canonical(" Beijing ") == "Beijing")
        #expect(SpatialUnitKey.canonical("0x10") == "0x10")
        #expect(SpatialUnitKey.canonical("inf") == "inf")
        #expect(SpatialUnitKey.canonical("1.") == "1")
        #expect(SpatialUnitKey.canonical("1e") == "1e")
        #expect(SpatialUnitKey.canonical("NA") == "NA")
    }

    @Test("GAL: both headers, islands with or without their empty line, neighbours declared later")
    func gal() throws {
        let weights = try Self.read("0 4 shapefile key\n01 2\n2 3.0\n2 1\n1\n3 1\n1\n4 0\n\n", .gal)
        #expect(weights.unitIdentifiers == ["1", "2", "3", "4"])
        #expect(weights.denseElements() == [0, 1, 1, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0])
        #expect(weights.islands == [3])
        let short = try Self.read("3\na 1\nb\nb 1\na\nc 0\n", .gal)
        #expect(short.islands == [2])
        #expect(short.isSymmetric())
    }

    @Test("GAL errors are located")
    func galErrors() {
        Self.refuses("", .gal, line: 1, field: nil, .emptyFile)
        Self.refuses("0\n", .gal, line: 1, field: nil, .noUnits)
        Self.refuses("\n0 0 shp key\n", .gwt, line: 2, field: nil, .noUnits)
        Self.refuses("from,to\n", .edges, line: 1, field: nil, .noUnits)
        Self.refuses("x\n", .gal, line: 1, field: 1, .badHeader(found: "x", expected: "GAL header 'n' or '0 n [shapefile key]' (the number of units)"))
        Self.refuses("2 3\n", .gal, line: 1, field: nil, .badHeader(found: "2 3", expected: "GAL header 'n' or '0 n [shapefile key]' (the number of units)"))
        Self.refuses("2\na 1\nb c\n", .gal, line: 3, field: nil, .countMismatch(what: "neighbours of a", declared: 1, found: 2))
        Self.refuses("2\na 1\nb\nb 1\nz\n", .gal, line: 5, field: 1, .unknownUnit("z"))
        Self.refuses("2\na 1\na\nb 0\n", .gal, line: 3, field: 1, .selfNeighbour("a"))
        Self.refuses("2\n1 1\n2\n01 0\n", .gal, line: 4, field: 1, .duplicateUnit("1"))
        Self.refuses("2\na 1\nb\nb 1\na\nc 0\n", .gal, line: 6, field: 1, .countMismatch(what: "units", declared: 2, found: 3))
        Self.refuses("3\na 1\nb\nb 1\na\n", .gal, line: 1, field: nil, .countMismatch(what: "units", declared: 3, found: 2))
        Self.refuses("2\na x\n", .gal, line: 2, field: 2, .badNumber("x"))
        Self.refuses("2\na 1 2\n", .gal, line: 2, field: nil, .fieldCount(found: 3, expected: "2 (a unit id and its neighbour count)"))
        Self.refuses("2\na 2\nb b\nb 1\na\n", .gal, line: 3, field: 2, .duplicatePair(from: "a", to: "b"))
        Self.refuses("2\na 1\n", .gal, line: 3, field: nil, .countMismatch(what: "neighbours of a", declared: 1, found: 0))
        Self.refuses("2000001\n", .gal, line: 1, field: 1, .tooManyUnits(count: 2_000_001, limit: 1_000_000))
        Self.refuses("0 5 s k\n", .gal, line: 1, field: 2, .tooManyUnits(count: 5, limit: 4), limits: .init(maximumUnits: 4))
    }

    @Test("GWT: weights, headers, first-appearance order; errors located")
    func gwt() throws {
        let weights = try Self.read("0 3 shp id\nb a 0.5\na b 2\n\nc a 1e-1\n", .gwt)
        #expect(weights.unitIdentifiers == ["b", "a", "c"])
        #expect(weights.denseElements() == [0, 0.5, 0, 2, 0, 0, 0, 0.1, 0])
        Self.refuses("0 2 s k\na b -1\n", .gwt, line: 2, field: 3, .negativeWeight(-1))
        Self.refuses("0 2 s k\na b one\n", .gwt, line: 2, field: 3, .badNumber("one"))
        Self.refuses("0 2 s k\na b 1e999\n", .gwt, line: 2, field: 3, .badNumber("1e999"))
        Self.refuses("0 2 s k\na b\n", .gwt, line: 2, field: nil, .fieldCount(found: 2, expected: "3 (from, to, weight)"))
        Self.refuses("0 2 s k\na a 1\n", .gwt, line: 2, field: 3, .selfNeighbour("a"))
        Self.refuses("0 2 s k\na b 1\nb c 1\n", .gwt, line: 3, field: 2, .countMismatch(what: "units", declared: 2, found: 3))
        Self.refuses("0 3 s k\na b 1\nb a 1\n", .gwt, line: 1, field: nil, .countMismatch(what: "units", declared: 3, found: 2))
        Self.refuses("0 2 s k\na b 1\nb a 1\na b 2\n", .gwt, line: 4, field: 3, .duplicatePair(from: "a", to: "b"))
        Self.refuses("0 2 s k\n1 2 1\n2 1 1\n01 2.0 2\n", .gwt, line: 4, field: 3, .duplicatePair(from: "1", to: "2"))
        Self.refuses("0 9 s k\na b 1\nb c 1\nc a 1\n", .gwt, line: 3, field: 3, .tooManyEntries(limit: 1),
                     limits: .init(maximumEntries: 1))
    }

    @Test("edge lists: optional weight column, islands, zero weights, quoted ids, directed")
    func edges() throws {
        let weights = try Self.read("from,to,weight\n01,2,1.5\n2,1,0.5\n\"x,y\",3,1\n4,,\n5,1,0\n", .edges)
        #expect(weights.unitIdentifiers == ["1", "2", "x,y", "3", "4", "5"])
        #expect(weights.nonzeroCount == 3)
        #expect(weights.islands.map { weights.unitIdentifiers[$0] } == ["3", "4", "5"])
        let binary = try Self.read("origin,dest\r\na,b\r\n", nil)
        #expect(binary.denseElements() == [0, 1, 0, 0])
        let semicolon = try SpatialWeightsReader.read(bytes: Array("o;d\na;b\n".utf8), fileName: "w", format: .edges, delimiter: UInt8(ascii: ";"))
        #expect(semicolon.denseElements() == [0, 1, 0, 0])
        #expect(!semicolon.isSymmetric())
        Self.refuses("from,to,weight\na,b,\n", .edges, line: 2, field: 3, .badNumber(""))
        Self.refuses("from,to,weight\na,b,NA\n", .edges, line: 2, field: 3, .badNumber("NA"))
        Self.refuses("from,to,weight\na,b,1\na,b,2\n", .edges, line: 3, field: 3, .duplicatePair(from: "a", to: "b"))
        Self.refuses("from,to,weight\na,b\n", .edges, line: 2, field: nil, .fieldCount(found: 2, expected: "3, as in the header"))
        Self.refuses("from,to,weight\n,b,1\n", .edges, line: 2, field: 1, .emptyIdentifier)
        Self.refuses("from,to,weight\na,,1\n", .edges, line: 2, field: 2, .emptyIdentifier)
        Self.refuses("from,to,weight\n\"a,b,1\n", .edges, line: 2, field: 1, .unterminatedQuote)
        Self.refuses("from,to\n\"a\"x,b\n", .edges, line: 2, field: 1, .textAfterQuote)
        Self.refuses("a,b,c,d\n", .edges, line: 1, field: nil,
                     .badHeader(found: "a,b,c,d", expected: "an edge list header of two or three names (from,to[,weight])"))
        Self.refuses("f,t\na,b\nc,d\n", .edges, line: 3, field: 1, .tooManyUnits(count: 3, limit: 2), limits: .init(maximumUnits: 2))
    }

    @Test("dense matrices: with or without an id column, rows in any order; flow diagonals dropped on request")
    func dense() throws {
        let withIds = try Self.read(",a,b,c\nc,0,2,0\na,0,1,0\nb,1,0,2\n", .csv)
        #expect(withIds.unitIdentifiers == ["a", "b", "c"])
        #expect(withIds.denseElements() == [0, 1, 0, 1, 0, 2, 0, 2, 0])
        // Three header names read as an edge list unless the format is given (or the corner cell is empty).
        #expect(try SpatialWeightsReader.detectedCSVFormat(bytes: Array("1,2,3\n".utf8), fileName: "w", delimiter: 44) == .edges)
        let withoutIds = try Self.read("1,2,3\n0,1,1\n1,0,0\n1,0,0\n", .csv)
        #expect(withoutIds.unitIdentifiers == ["1", "2", "3"])
        #expect(withoutIds.neighbourCounts == [2, 1, 1])
        let detected = try Self.read("\"\",a,b\nb,1,0\na,0,3.5\n", nil)
        #expect(detected.denseElements() == [0, 3.5, 1, 0])
        let flows = try Self.read(",a,b\na,9,1\nb,2,9\n", .csv, dropDiagonal: true)
        #expect(flows.denseElements() == [0, 1, 2, 0])
        Self.refuses(",a,b\na,9,1\nb,2,0\n", .csv, line: 2, field: 2, .selfNeighbour("a"))
        Self.refuses(",a,b,c\na,0,1,0\nb,1,0,0\n", .csv, line: 3, field: nil, .nonSquare(rows: 2, columns: 3))
        Self.refuses("a,b\n0,1\n1,0\n1,0\n0,0\n", .csv, line: 5, field: nil, .nonSquare(rows: 4, columns: 2))
        Self.refuses(",a,b\na,0,1\nb,1\n", .csv, line: 3, field: nil, .fieldCount(found: 2, expected: "3, as in the header"))
        Self.refuses(",a,b\na,0,1\nz,1,0\n", .csv, line: 3, field: 1, .unknownUnit("z"))
        Self.refuses(",a,b\na,0,1\n1.0e0,1,0\n", .csv, line: 3, field: 1, .unknownUnit("1"))
        Self.refuses(",a,b\na,0,1\na,1,0\n", .csv, line: 3, field: 1, .duplicateUnit("a"))
        Self.refuses(",1,01\na,0,1\nb,1,0\n", .csv, line: 1, field: 3, .duplicateUnit("1"))
        Self.refuses(",a,b\na,0,x\nb,1,0\n", .csv, line: 2, field: 3, .badNumber("x"))
        Self.refuses(",a,b\na,0,-2\nb,1,0\n", .csv, line: 2, field: 3, .negativeWeight(-2))
        Self.refuses("\n\n", .csv, line: 1, field: nil, .emptyFile)
    }

    @Test("messages name the file, line and field")
    func messages() {
        let error = SpatialError.weightsFile(file: "w.gal", line: 3, field: 2, problem: .unknownUnit("z"))
        #expect(error.description == "w.gal:3:2: unit 'z' is not one of the file's units")
        #expect(SpatialError.weightsFile(file: "w.gal", line: 1, field: nil, problem: .emptyFile).description == "w.gal:1: the file is empty")
    }
}
