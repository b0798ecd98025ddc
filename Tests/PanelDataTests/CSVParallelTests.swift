import Testing
@testable import PanelData

/// Parallel reads (chunks split at line breaks) must equal serial reads exactly: kinds,
/// values, labels, missing masks, and the first error with its file line.
@Suite struct CSVParallelTests {
    func read(_ text: String, threads: Int, options: CSVReadOptions = .init()) throws -> Dataset {
        var options = options
        options.threads = threads
        return try readCSV(text, options: options)
    }

    func expectSameForAllThreadCounts(_ text: String, options: CSVReadOptions = .init()) throws {
        let serial = try read(text, threads: 1, options: options)
        for threads in 2...5 {
            let parallel = try read(text, threads: threads, options: options)
            #expect(parallel == serial, "threads \(threads)")
            #expect(parallel.columns.map(\.kind) == serial.columns.map(\.kind), "threads \(threads)")
        }
    }

    @Test func kindsChangeInLaterChunks() throws {
        var rows = ["i,d,f,m,late"]
        for row in 0..<60 {
            let late = row == 55 ? "x" : "\(row)"
            let d = row < 40 ? "\(row)" : "\(row).5"
            let f = row < 20 ? "0\(row)" : row < 45 ? "\(row)e-3" : "lab\(row % 7)"
            let m = row < 30 ? "NA" : row % 3 == 0 ? "" : "-0.0"
            rows.append("\(row),\(d),\(f),\(m),\(late)")
        }
        try expectSameForAllThreadCounts(rows.joined(separator: "\n") + "\n")
        try expectSameForAllThreadCounts(rows.joined(separator: "\r\n"))
        let data = try read(rows.joined(separator: "\n"), threads: 3)
        #expect(data.columns.map(\.kind) == [.int, .double, .factor, .double, .factor])
        #expect(try data.doubles("m")[31].bitPattern == (-0.0 as Double).bitPattern)
    }

    @Test func factorLabelsKeepFirstAppearanceOrder() throws {
        let rows = ["g,v"] + (0..<40).map { "\(["b", "a", "c", "a", "NA", "d"][$0 % 6]),\($0)" }
        try expectSameForAllThreadCounts(rows.joined(separator: "\n") + "\n")
        #expect(try read(rows.joined(separator: "\n"), threads: 4).factorCodes("g").labels == ["b", "a", "c", "d"])
    }

    @Test func blankLinesAndOneColumnFiles() throws {
        try expectSameForAllThreadCounts("a,b\n1,2\n\n3,4\n\n\n5,6\n7,8\n\n")
        try expectSameForAllThreadCounts("a\n1\n\n3\n\n4\n5\n\n6\n")
        try expectSameForAllThreadCounts("a,b\r1,2\r3,4\r5,6\r")
    }

    @Test func errorsNameTheFileLineOfTheFirstBadRecord() {
        var options = CSVReadOptions()
        options.columnTypes = ["x": .double]
        var rows = ["id,x"] + (0..<50).map { "\($0),\($0).25" }
        rows[41] = "40,oops"
        rows[47] = "46"
        let text = rows.joined(separator: "\n") + "\n"
        for threads in 1...5 {
            options.threads = threads
            let location = csvErrorLocation(text, options: options)
            #expect(location?.row == 42 && location?.column == 2, "threads \(threads)")
            #expect(location?.reason == "cannot read \"oops\" as double")
        }
        rows[41] = "40,40"
        let ragged = rows.joined(separator: "\n") + "\n\n"
        for threads in 1...5 {
            options.threads = threads
            let location = csvErrorLocation(ragged, options: options)
            #expect(location?.row == 48 && location?.column == 2, "threads \(threads)")
        }
    }

    @Test func firstErrorByLineWinsAcrossColumns() {
        var options = CSVReadOptions()
        options.columnTypes = ["a": .int, "b": .int]
        // Column b fails on line 3, column a on line 5: line 3 is reported.
        for threads in 1...3 {
            options.threads = threads
            let location = csvErrorLocation("a,b\n1,2\n3,x\n5,6\ny,8\n", options: options)
            #expect(location?.row == 3 && location?.column == 2, "threads \(threads)")
            // A parse error before a ragged record wins, and a ragged record before a parse error.
            let parseFirst = csvErrorLocation("a,b\n1,2\n3,x\n5\n", options: options)
            #expect(parseFirst?.row == 3 && parseFirst?.column == 2, "threads \(threads)")
            let raggedFirst = csvErrorLocation("a,b\n1,2\n3\n5,x\n", options: options)
            #expect(raggedFirst?.row == 3 && raggedFirst?.reason == "expected 2 fields, found 1 in '3'", "threads \(threads)")
        }
    }

    @Test func quotedFilesAreReadSerially() throws {
        try expectSameForAllThreadCounts("a,b\n\"x\n1\",2\n\"y,\"\"z\"\"\",3\n4,5\n6,7\n")
        var options = CSVReadOptions()
        options.threads = 3
        let location = csvErrorLocation("a,b\n1,2\n\"p\nq\",2\n1,2,3\n", options: options)
        #expect(location?.row == 5 && location?.column == 3)
    }

    /// More records than one tokenizer batch (storage is reserved from the first batch's
    /// size), long fields split across eight-byte blocks, CRLF, missing values and a kind
    /// change after the first batch: equal for every thread count, and the values right.
    @Test func manyRecordsWithLateKindChanges() throws {
        var text = "a,b,c,d\r\n"
        var expectedB = [Double]()
        for row in 0..<20_000 {
            let b = row == 15_000 ? "2.5" : String(row)
            let d = row % 997 == 0 ? "NA" : "x\(row % 7)"
            text += "\(row),\(b),-0.\(String(repeating: "12345", count: 1 + row % 4)),\(d)\r\n"
            expectedB.append(Double(b)!)
        }
        try expectSameForAllThreadCounts(text)
        let data = try read(text, threads: 1)
        #expect(data.columns.map(\.kind) == [.int, .double, .double, .factor])
        #expect(try data.doubles("b") == expectedB)
        #expect(try data.doubles("c")[3] == -0.12345123451234512345)
        // Missing values first seen late, in one chunk only, or early only.
        for missingRow in [3, 12_000, 19_999] {
            var late = "a,b\n"
            for row in 0..<20_000 { late += row == missingRow ? "\(row),NA\n" : "\(row),\(row % 3 == 0 ? "1.5" : "2")\n" }
            try expectSameForAllThreadCounts(late)
            let read = try self.read(late, threads: 2)
            #expect(try read.column(named: "b").missing?.enumerated().filter(\.element).map(\.offset) == [missingRow])
            #expect(try read.column(named: "a").missing == nil)
        }
    }
}
