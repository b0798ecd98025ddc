import Testing
@testable import PanelData

@Suite struct CSVErrorTests {
    @Test func raggedRows() {
        let tooFew = csvErrorLocation("a,b,c\n1,2,3\n4,5\n")
        #expect(tooFew?.row == 3 && tooFew?.column == 3 && tooFew?.columnName == "c")
        #expect(tooFew?.reason == "expected 3 fields, found 2 in '4,5'")
        let tooMany = csvErrorLocation("a,b\n1,2\n\"x\ny\",2\n1,2,3\n")
        #expect(tooMany?.row == 5 && tooMany?.column == 3 && tooMany?.columnName == nil)
    }

    @Test func unterminatedQuote() {
        let location = csvErrorLocation("a,b\n1,2\n3,\"open\n4,5\n")
        #expect(location?.row == 3 && location?.column == 2 && location?.columnName == "b")
        #expect(location?.reason == "unterminated quoted field '\"open'")
        let trailing = csvErrorLocation("a,b\n1,\"x\"y\n")
        #expect(trailing?.row == 2 && trailing?.column == 2)
    }

    @Test func overrideThatDoesNotParse() {
        var options = CSVReadOptions()
        options.columnTypes = ["x": .double]
        let text = "id,x\n1,1.5\n2,2\n3,3\n4,4\n5,5\n6,abc\n"
        let location = csvErrorLocation(text, options: options)
        #expect(location?.row == 7 && location?.column == 2 && location?.columnName == "x")
        #expect(location?.reason == "cannot read \"abc\" as double")
        options.columnTypes = ["id": .int]
        let intLocation = csvErrorLocation("id\n1\n\"multi\nline\"\n2.5\n", options: options)
        #expect(intLocation?.row == 3 && intLocation?.column == 1)
        let lateLocation = csvErrorLocation("x,id\n\"a\nb\",1\n\"c\nd\",2.5\n", options: options)
        #expect(lateLocation?.row == 5 && lateLocation?.column == 2)
    }

    @Test func badHeaders() {
        let duplicate = csvErrorLocation("a,b,a\n1,2,3\n")
        #expect(duplicate?.row == 1 && duplicate?.column == 3)
        #expect(duplicate?.reason == "duplicate column name 'a' (also column 1)")
        let empty = csvErrorLocation("a,,c\n1,2,3\n")
        #expect(empty?.row == 1 && empty?.column == 2)
    }

    @Test func emptyFile() {
        #expect(csvErrorLocation("")?.row == 1)
        #expect(csvErrorLocation("\u{FEFF}")?.reason == "empty file (a header row is required)")
    }

    @Test func badDelimiter() {
        var options = CSVReadOptions()
        options.delimiter = UInt8(ascii: "\"")
        #expect(csvErrorLocation("a\n1\n", options: options) != nil)
    }

    @Test func descriptionNamesFileRowAndColumn() {
        let error = PanelDataError.csv(file: "data.csv", row: 7, column: 2, columnName: "x", reason: "bad")
        #expect(error.description == "data.csv:7:2 (column 'x'): bad")
        let unnamed = PanelDataError.csv(file: "data.csv", row: 7, column: 4, columnName: nil, reason: "bad")
        #expect(unnamed.description == "data.csv:7:4: bad")
    }

    @Test func missingFile() {
        #expect(throws: PanelDataError.self) {
            _ = try CSVReader.read(path: "no-such-directory/no-such-file.csv")
        }
    }
}
