import Testing
@testable import PanelData

@Suite struct CSVReaderTests {
    @Test func infersIntDoubleAndFactor() throws {
        let data = try readCSV("id,x,name,mixed\n1,1.5,a,1\n2,2,b,x\n-3,1e3,a,2\n")
        #expect(try data.column(named: "id") == .int("id", [1, 2, -3]))
        #expect(try data.column(named: "x") == .double("x", [1.5, 2, 1000]))
        #expect(try data.column(named: "name") == .factor("name", labels: ["a", "b", "a"]))
        // An int column that meets text is re-read as labels, keeping each field's text.
        #expect(try data.column(named: "mixed") == .factor("mixed", labels: ["1", "x", "2"]))
    }

    @Test func intToDoubleKeepsEachFieldsOwnText() throws {
        let data = try readCSV("v\n-0\n007\n9007199254740993\n0.5\n")
        let values = try data.doubles("v")
        #expect(values[0].bitPattern == (-0.0 as Double).bitPattern)
        #expect(values[1] == 7)
        #expect(values[2] == 9_007_199_254_740_992)  // correctly rounded (ties to even)
        #expect(values[3] == 0.5)
        let labels = try readCSV("v\n007\n1\nabc\n")
        #expect(try labels.factorCodes("v").labels == ["007", "1", "abc"])
    }

    @Test func intOverflowFallsBackToDouble() throws {
        let data = try readCSV("v\n9223372036854775807\n-9223372036854775808\n")
        #expect(try data.ints("v") == [Int.max, Int.min])
        let wide = try readCSV("v\n9223372036854775808\n")
        #expect(try wide.column(named: "v").kind == .double)
    }

    @Test func nonFiniteTextIsNotANumber() throws {
        for text in ["inf", "nan", "1e400", "0x10", "1.5.2", "1e", "."] {
            let data = try readCSV("v\n1.5\n\(text)\n")
            #expect(try data.column(named: "v").kind == .factor, "\(text)")
        }
        let tiny = try readCSV("v\n1e-400\n4.9e-324\n")
        #expect(try tiny.doubles("v") == [0, .leastNonzeroMagnitude])
    }

    @Test func parsesDoublesExactly() throws {
        let texts = [
            "0.1", "1e-300", "2.2250738585072014e-308", "1.7976931348623157e308", "123456789012345678901234567890",
            "0.30000000000000004", "9007199254740993", "1.00000000000000011102230246251565404236316680908203125",
            "  3.25 ", "+.5", "5.", "-1E+2",
        ]
        let data = try readCSV("v\n" + texts.joined(separator: "\n") + "\n")
        let values = try data.doubles("v")
        for (index, text) in texts.enumerated() {
            let expected = Double(text.filter { $0 != " " })
            #expect(values[index].bitPattern == expected?.bitPattern, "\(text)")
        }
    }

    @Test func missingValues() throws {
        let data = try readCSV("a,b,c\n1,,x\nNA,2.5,NA\n3,NA,\"NA\"\n")
        #expect(try data.column(named: "a") == .int("a", [1, 0, 3], missing: [false, true, false]))
        #expect(try data.column(named: "b") == .double("b", [0, 2.5, 0], missing: [true, false, true]))
        // Quoted "NA" is the string NA, not missing.
        #expect(try data.column(named: "c") == .factor("c", labels: ["x", "", "NA"], missing: [false, true, false]))
        var options = CSVReadOptions()
        options.missingTokens = ["-", "."]
        let custom = try readCSV("a\n1\n-\n.\n", options: options)
        #expect(try custom.column(named: "a").missing == [false, true, true])
    }

    @Test func allMissingColumnIsDouble() throws {
        let data = try readCSV("a,b\nNA,1\n,2\n")
        #expect(try data.column(named: "a") == .double("a", [0, 0], missing: [true, true]))
        let empty = try readCSV("a,b\n")
        #expect(empty.rowCount == 0 && empty.columnNames == ["a", "b"])
    }

    @Test func quotedFields() throws {
        let text = "name,\"note, with comma\"\n\"Smith, J.\",\"said \"\"hi\"\"\"\n\"multi\nline\",\"\"\n\" 12 \",x\n"
        let data = try readCSV(text)
        #expect(data.columnNames == ["name", "note, with comma"])
        #expect(try data.factorCodes("name").labels == ["Smith, J.", "multi\nline", " 12 "])
        #expect(try data.factorCodes("note, with comma").labels == ["said \"hi\"", "", "x"])
        let numbers = try readCSV("a\n\"1\"\n\"2\"\n")
        #expect(try numbers.ints("a") == [1, 2])
    }

    @Test func lineEndingsBomAndBlankLines() throws {
        let expected = try Dataset(columns: [.int("a", [1, 3]), .double("b", [2.5, 4])])
        #expect(try readCSV("a,b\r\n1,2.5\r\n3,4\r\n") == expected)
        #expect(try readCSV("a,b\n1,2.5\n3,4") == expected)
        #expect(try readCSV("a,b\r1,2.5\r3,4\r") == expected)
        #expect(try readCSV("\u{FEFF}a,b\n1,2.5\n\n3,4\n\n") == expected)
        let single = try readCSV("a\n1\n\n3\n")
        #expect(try single.column(named: "a").missing == [false, true, false])
    }

    @Test func overrides() throws {
        var options = CSVReadOptions()
        options.columnTypes = ["code": .factor, "x": .double]
        let data = try readCSV("code,x\n01,1\n2,2\n", options: options)
        #expect(try data.column(named: "code") == .factor("code", labels: ["01", "2"]))
        #expect(try data.column(named: "x") == .double("x", [1, 2]))
        options.columnTypes = ["cod": .int]
        #expect(throws: PanelDataError.unknownColumn(name: "cod", suggestion: "code")) {
            _ = try readCSV("code,x\n1,2\n", options: options)
        }
    }

    @Test func otherDelimiter() throws {
        var options = CSVReadOptions()
        options.delimiter = UInt8(ascii: ";")
        let data = try readCSV("a;b\n1,5;x\n", options: options)
        #expect(try data.factorCodes("a").labels == ["1,5"])
    }
}
