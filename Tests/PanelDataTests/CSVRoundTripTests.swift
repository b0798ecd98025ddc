import Foundation
import Testing
@testable import PanelData

@Suite struct CSVRoundTripTests {
    static let awkwardDoubles: [Double] = [
        0.1, 1e-300, -0.0, 0.0, .leastNonzeroMagnitude, 2.2250738585072014e-308, .greatestFiniteMagnitude,
        -.greatestFiniteMagnitude, 1.0 / 3.0, 123_456_789.123_456_78, 1e16, 1e22, 1e23, 0.30000000000000004, -7,
    ]

    func sample() throws -> Dataset {
        let rows = Self.awkwardDoubles.count
        var missing = [Bool](repeating: false, count: rows)
        missing[3] = true
        return try Dataset(columns: [
            .double("x", Self.awkwardDoubles),
            .double("x with gaps", Self.awkwardDoubles, missing: missing),
            .int("n", (0..<rows).map { $0 * 1_000_000_000_007 - Int.max / 2 }, missing: missing.reversed()),
            .factor(
                "label",
                labels: (0..<rows).map { ["plain", "with, comma", "with \"quotes\"", "two\nlines", "", "NA", "x"][$0 % 7] }
            ),
        ])
    }

    @Test func stringRoundTripIsBitExact() throws {
        let data = try sample()
        let text = CSVWriter.string(data)
        let back = try readCSV(text)
        #expect(back == data)
        guard case .double(let values) = try back.column(named: "x").storage else {
            Issue.record("x is not double")
            return
        }
        for (value, original) in zip(values, Self.awkwardDoubles) {
            #expect(value.bitPattern == original.bitPattern)
        }
    }

    @Test func minusZeroKeepsItsSign() throws {
        let data = try Dataset(columns: [.double("z", [-0.0, 0.0])])
        #expect(CSVWriter.string(data) == "z\n-0.0\n0.0\n")
        let back = try readCSV(CSVWriter.string(data))
        #expect(try back.doubles("z")[0].sign == .minus)
        #expect(back == data)
    }

    @Test func writerSpelling() throws {
        let data = try Dataset(columns: [
            .double("d", [1, .nan, .infinity, 2.5], missing: [false, false, false, true]),
            .factor("f", labels: ["a,b", "NA", "", "q\"q"]),
        ])
        #expect(CSVWriter.string(data) == "d,f\n1.0,\"a,b\"\nNA,\"NA\"\nNA,\"\"\nNA,\"q\"\"q\"\n")
    }

    @Test func fileRoundTripLeavesNoTemporaryFiles() throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("paneldata-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("panel.csv").path
        let data = try sample()
        try CSVWriter.write(data, to: path)
        try CSVWriter.write(data, to: path)  // overwrite in place
        #expect(try CSVReader.read(path: path) == data)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["panel.csv"])
        #expect(throws: PanelDataError.self) {
            try CSVWriter.write(data, to: directory.appendingPathComponent("missing/dir.csv").path)
        }
    }

    /// Files are read in place (memory-mapped): same values, errors naming the file and
    /// line, the empty-file error, and directories rejected.
    @Test func mappedFileReads() throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("paneldata-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("bom.csv").path
        let text = "\u{FEFF}a,b\r\n1,-0.0\r\n2,0.1\r\n"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        #expect(try CSVReader.read(path: path) == readCSV(text))
        let bad = directory.appendingPathComponent("bad.csv").path
        try Data("a,b\n1,2\n3,x\n".utf8).write(to: URL(fileURLWithPath: bad))
        var options = CSVReadOptions()
        options.columnTypes = ["b": .double]
        #expect(throws: PanelDataError.csv(file: bad, row: 3, column: 2, columnName: "b", reason: "cannot read \"x\" as double")) {
            _ = try CSVReader.read(path: bad, options: options)
        }
        let empty = directory.appendingPathComponent("empty.csv").path
        try Data().write(to: URL(fileURLWithPath: empty))
        #expect(throws: PanelDataError.self) { _ = try CSVReader.read(path: empty) }
        #expect(throws: PanelDataError.io(path: directory.path, reason: "not a regular file")) {
            _ = try CSVReader.read(path: directory.path)
        }
    }

    @Test func factorWithNumericLabelsNeedsOverride() throws {
        let data = try Dataset(columns: [.factor("code", labels: ["10", "20", "10"])])
        let inferred = try readCSV(CSVWriter.string(data))
        #expect(try inferred.column(named: "code").kind == .int)
        var options = CSVReadOptions()
        options.columnTypes = ["code": .factor]
        #expect(try readCSV(CSVWriter.string(data), options: options) == data)
    }
}
