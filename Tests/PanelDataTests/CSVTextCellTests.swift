import Testing
@testable import PanelData

/// Text cells: which cells make a column a factor, which cell is named when the column is used as
/// a number, and on which line of the file a data row begins.
@Suite struct CSVTextCellTests {
    /// The first text cell of column `name` and the file line of its row.
    func located(_ text: String, _ name: String, options: CSVReadOptions = .init()) throws -> (line: Int?, text: String)? {
        let data = try readCSV(text, options: options)
        guard let cell = try data.column(named: name).firstTextCell() else { return nil }
        return (CSVReader.line(ofDataRow: cell.row, bytes: Array(text.utf8), options: options), cell.text)
    }

    /// The issue's example: the hexadecimal cell on line 3 is named, not `1.5` on line 2.
    @Test func hexadecimalCellIsNamed() throws {
        let cell = try located("y,x\n1,1.5\n3,0x1A\n", "x")
        #expect(cell?.line == 3 && cell?.text == "0x1A")
        #expect(try readCSV("y,x\n1,1.5\n3,0x1A\n").column(named: "x").kind == .factor)
    }

    /// Swift's `Double(String)` reads these; the CSV grammar does not, so they are text.
    @Test(arguments: ["inf", "-inf", "Infinity", "nan", "NaN", "0x1A", "0x1p3", "1e400", "1,5", "1_000", "--1"])
    func notNumbers(_ cell: String) throws {
        let data = try readCSV("x\n2.5\n\"\(cell)\"\n")
        #expect(try data.column(named: "x").kind == .factor)
        #expect(try data.column(named: "x").firstTextCell()?.text == cell)
        #expect(try data.column(named: "x").firstTextCell()?.row == 1)
    }

    @Test(arguments: ["1", "-12", "+3", "007", "1.5", "-2e-3", ".5", "3.", " 4 ", "1E5"])
    func numbers(_ cell: String) throws {
        let data = try readCSV("x,y\n\(cell),1\n")
        #expect(try data.column(named: "x").kind != .factor)
        #expect(try data.column(named: "x").firstTextCell() == nil)
    }

    /// Numbers in the first rows and text much later: still a factor, and the late cell is named,
    /// with one thread and with two (the text in the second chunk).
    @Test(arguments: [1, 2])
    func lateTextMakesAFactor(threads: Int) throws {
        var text = "id,x\n"
        for row in 0..<5000 { text += "\(row),\(Double(row) / 4)\n" }
        text += "5000,n/a\n5001,7\n"
        var options = CSVReadOptions()
        options.threads = threads
        let data = try readCSV(text, options: options)
        let column = try data.column(named: "x")
        #expect(column.kind == .factor)
        let cell = try #require(column.firstTextCell())
        #expect(cell.row == 5000 && cell.text == "n/a")
        #expect(CSVReader.line(ofDataRow: cell.row, bytes: Array(text.utf8), options: options) == 5002)
        // The numeric labels before it are kept as written.
        #expect(try data.factorCodes("x").labels.prefix(3) == ["0.0", "0.25", "0.5"])
    }

    /// Blank lines, quoted fields with line breaks, CRLF and a byte-order mark move lines away from
    /// rows; the line named is the one the user sees.
    @Test func linesFollowTheFile() throws {
        let text = "\u{FEFF}y,x,note\r\n1,2,\"two\r\nlines\"\r\n\r\n2,3,plain\r\n3,abc,\"a, b\"\r\n"
        let cell = try located(text, "x")
        #expect(cell?.text == "abc" && cell?.line == 6)
        let data = try readCSV(text)
        #expect(data.rowCount == 3)
        #expect(try data.factorCodes("note").labels == ["two\r\nlines", "plain", "a, b"])
        #expect(CSVReader.line(ofDataRow: 0, bytes: Array(text.utf8)) == 2)
        #expect(CSVReader.line(ofDataRow: 1, bytes: Array(text.utf8)) == 5)
        #expect(CSVReader.line(ofDataRow: 3, bytes: Array(text.utf8)) == nil)
        #expect(CSVReader.line(ofDataRow: -1, bytes: Array(text.utf8)) == nil)
    }

    @Test func missingCellsAreSkipped() throws {
        let cell = try located("y,s\n1,\n2,NA\n3,\"NA\"\n", "s")
        // Unquoted empty and NA are missing; the quoted "NA" is the text NA.
        #expect(cell?.text == "NA" && cell?.line == 4)
    }

    @Test func quotedNumbersAreNumbers() throws {
        let data = try readCSV("x,y\n\"1.5\",1\n\"2\",2\n")
        #expect(try data.column(named: "x").kind == .double)
    }

    @Test func headerOnlyFileHasNoRows() throws {
        let data = try readCSV("y,x,state\r\n")
        #expect(data.columnNames == ["y", "x", "state"] && data.rowCount == 0)
        #expect(try readCSV("\u{FEFF}y,x").rowCount == 0)
        #expect(CSVReader.line(ofDataRow: 0, bytes: Array("y,x\n".utf8)) == nil)
    }

    @Test func raggedRowAfterQuotesAndCRLF() {
        let location = csvErrorLocation("\u{FEFF}a,b,c\r\n\"x\r\ny\",2,3\r\n4,5\r\n")
        #expect(location?.row == 4 && location?.column == 3 && location?.columnName == "c")
        #expect(location?.reason == "expected 3 fields, found 2 in '4,5'")
    }

    @Test func malformedRecordsShowTheirText() {
        let long = String(repeating: "9,", count: 60)
        let ragged = csvErrorLocation("a,b\n1,2\n\(long)\n")
        #expect(ragged?.row == 3 && ragged?.column == 3)
        #expect(ragged?.reason == "expected 2 fields, found 61 in '\(String(repeating: "9,", count: 20))…'")
        let afterQuote = csvErrorLocation("a,b\n1,\"x\"y\r\n")
        #expect(afterQuote?.reason == "unexpected character after closing quote in '\"x\"y'")
    }

    @Test func longCellsAreCutInMessages() {
        var options = CSVReadOptions()
        options.columnTypes = ["x": .double]
        let long = String(repeating: "z", count: 200)
        let location = csvErrorLocation("x\n\(long)\n", options: options)
        #expect(location?.reason == "cannot read \"\(String(repeating: "z", count: 40))…\" as double")
    }

    /// Factors built in code whose labels all look like numbers have no text cell.
    @Test func programmaticFactorOfNumbers() {
        #expect(Column.factor("f", labels: ["1", "2"]).firstTextCell() == nil)
        #expect(Column.factor("f", labels: ["1", "b"], missing: [false, true]).firstTextCell() == nil)
        #expect(Column.double("d", [1, 2]).firstTextCell() == nil)
    }
}
