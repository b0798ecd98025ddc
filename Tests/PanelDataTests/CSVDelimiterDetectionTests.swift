import Foundation
import Testing
import TestSupport
@testable import PanelData

/// Separator detection (`CSVDelimiterDetection`) and reading with each separator.
@Suite struct CSVDelimiterDetectionTests {
    static let fixtures = Repository.fixtures("pyfixest").appendingPathComponent("data")

    func detect(_ header: String, fileName: String = "data.csv") -> CSVDelimiterDetection {
        CSVDelimiterDetection.detect(header: Array(header.utf8), fileName: fileName)
    }

    @Test func headerDecides() {
        #expect(detect("y,x,state\n1,2,A\n").delimiter == .comma)
        #expect(detect("y;x;state\n1,5;2;A\n").delimiter == .semicolon)
        #expect(detect("y\tx\tstate\n1\t2\tA\n").delimiter == .tab)
        #expect(detect("y|x|state\n").delimiter == .pipe)
        #expect(detect("y\tx\tstate\n").explanation == "detected from the header (2 tabs)")
        #expect(detect("y;x\n").explanation == "detected from the header (1 semicolon)")
        #expect(detect("y;x;state\n").isAmbiguous == false)
    }

    @Test func quotedSeparatorsAndLaterLinesDoNotCount() {
        // Two semicolons inside quotes, one comma outside: comma.
        #expect(detect("\"a;b;c\",d\n1;2;3;4;5\n").delimiter == .comma)
        // Doubled quotes inside a quoted name.
        #expect(detect("\"say \"\"a;b\"\"\"\tx\n").delimiter == .tab)
        // A quoted header name with a line break: the record goes on.
        #expect(detect("\"a\nb\";c;d\n1,2,3,4\n").delimiter == .semicolon)
        // CRLF ends the header; the BOM is skipped.
        #expect(detect("\u{FEFF}y;x\r\n1,2,3,4\r\n").delimiter == .semicolon)
    }

    @Test func ambiguousOrAbsentFallsBackToComma() {
        let tie = detect("a,b;c\n")
        #expect(tie.delimiter == .comma && tie.isAmbiguous)
        #expect(tie.explanation == "because the header is ambiguous (1 comma and 1 semicolon)")
        let none = detect("y\n1\n")
        #expect(none.delimiter == .comma && none.isAmbiguous)
        #expect(detect("").delimiter == .comma)
    }

    @Test func extensionSaysTab() {
        #expect(detect("a,b,c\n", fileName: "panel.tsv").delimiter == .tab)
        #expect(detect("a,b,c\n", fileName: "PANEL.TAB").delimiter == .tab)
        #expect(detect("a,b,c\n", fileName: "panel.tsv").explanation == "from the file name's .tsv extension")
        #expect(CSVDelimiterDetection(given: .pipe).explanation == "as given with --delimiter")
    }

    @Test func readsEachSeparator() throws {
        for delimiter in CSVDelimiter.allCases {
            let d = delimiter.rawValue
            let text = "y\(d)x\(d)state\n1.5\(d)2\(d)\"New \(d) York\"\n2\(d)3\(d)Ohio\n"
            var options = CSVReadOptions()
            options.delimiter = delimiter.byte
            let data = try readCSV(text, options: options)
            #expect(data.columnNames == ["y", "x", "state"], "\(delimiter)")
            #expect(try data.factorCodes("state").labels == ["New \(d) York", "Ohio"], "\(delimiter)")
            #expect(try data.doubles("y") == [1.5, 2], "\(delimiter)")
        }
    }

    @Test func detectedFromAFile() throws {
        let tsv = Self.fixtures.appendingPathComponent("text_ids.tsv").path
        #expect(try CSVDelimiterDetection.detect(path: tsv).delimiter == .tab)
        let csv = Self.fixtures.appendingPathComponent("text_ids.csv").path
        #expect(try CSVDelimiterDetection.detect(path: csv).delimiter == .comma)
        #expect(throws: PanelDataError.self) { _ = try CSVDelimiterDetection.detect(path: "no-such-dir/x.csv") }
    }

    /// The tab-separated copy of the text-id panel reads to the same dataset as the CSV.
    @Test func tabSeparatedCopyReadsTheSame() throws {
        let csv = try CSVReader.read(path: Self.fixtures.appendingPathComponent("text_ids.csv").path)
        var options = CSVReadOptions()
        options.delimiter = CSVDelimiter.tab.byte
        let tsv = try CSVReader.read(path: Self.fixtures.appendingPathComponent("text_ids.tsv").path, options: options)
        #expect(csv == tsv)
        #expect(csv.rowCount == 790)
        #expect(try csv.factorCodes("state").labels.contains("Washington, D.C."))
    }
}
