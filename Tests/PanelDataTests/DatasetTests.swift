import Testing
@testable import PanelData

@Suite struct DatasetTests {
    func sample() throws -> Dataset {
        try Dataset(columns: [
            .int("firm", [1, 1, 2, 2, 3]),
            .double("sales", [1.5, 2.5, 3.5, 4.5, 5.5], missing: [false, true, false, false, false]),
            .factor("city", labels: ["a", "b", "a", "c", "b"]),
        ])
    }

    @Test func basicShape() throws {
        let data = try sample()
        #expect(data.rowCount == 5)
        #expect(data.columnNames == ["firm", "sales", "city"])
        #expect(Dataset().rowCount == 0)
        let city = try data.column(named: "city")
        #expect(city.storage == .factor(codes: [0, 1, 0, 2, 1], labels: ["a", "b", "c"]))
        #expect(try data.column(named: "sales").missingCount == 1)
        #expect(try data.column(named: "sales").isMissing(1))
        #expect(!(try data.column(named: "sales").isMissing(99)))
    }

    @Test func allFalseMaskIsStoredAsNil() {
        let column = Column.double("x", [1, 2], missing: [false, false])
        #expect(column.missing == nil)
        #expect(column == Column.double("x", [1, 2]))
    }

    @Test func lengthAndDuplicateChecks() throws {
        var data = try sample()
        #expect(throws: PanelDataError.lengthMismatch(column: "short", expected: 5, found: 2)) {
            try data.add(.int("short", [1, 2]))
        }
        #expect(throws: PanelDataError.lengthMismatch(column: "mask", expected: 5, found: 2)) {
            try data.add(.int("mask", [1, 2, 3, 4, 5], missing: [true, false]))
        }
        #expect(throws: PanelDataError.duplicateColumn("firm")) {
            try data.add(.int("firm", [1, 2, 3, 4, 5]))
        }
        #expect(throws: PanelDataError.duplicateColumn("x")) {
            _ = try Dataset(columns: [.int("x", [1]), .double("x", [1])])
        }
    }

    @Test func invalidFactorCodesBecomeMissing() throws {
        let column = Column(name: "f", storage: .factor(codes: [0, 5, -1], labels: ["a"]))
        let data = try Dataset(columns: [column])
        let stored = try data.column(named: "f")
        #expect(stored.missing == [false, true, true])
        #expect(try data.factorCodes("f").codes == [0, -1, -1])
    }

    @Test func typedAccessors() throws {
        let data = try sample()
        #expect(try data.doubles("firm") == [1, 1, 2, 2, 3])
        let sales = try data.doubles("sales")
        #expect(sales[0] == 1.5 && sales[1].isNaN && sales[4] == 5.5)
        #expect(try data.ints("firm") == [1, 1, 2, 2, 3])
        #expect(throws: PanelDataError.wrongColumnType(column: "city", expected: "double or int", found: "factor")) {
            _ = try data.doubles("city")
        }
        #expect(throws: PanelDataError.wrongColumnType(column: "sales", expected: "int", found: "double")) {
            _ = try data.ints("sales")
        }
        let withMissing = try Dataset(columns: [.int("n", [1, 2, 3], missing: [false, false, true])])
        #expect(throws: PanelDataError.missingValue(column: "n", row: 2)) {
            _ = try withMissing.ints("n")
        }
    }

    @Test func unknownColumnSuggestsClosestName() throws {
        let data = try Dataset(columns: [.int("year", [1]), .int("sales", [1]), .int("firm_id", [1])])
        #expect(throws: PanelDataError.unknownColumn(name: "yaer", suggestion: "year")) {
            _ = try data.column(named: "yaer")
        }
        #expect(throws: PanelDataError.unknownColumn(name: "Sales", suggestion: "sales")) {
            _ = try data.doubles("Sales")
        }
        #expect(throws: PanelDataError.unknownColumn(name: "firmid", suggestion: "firm_id")) {
            _ = try data.ints("firmid")
        }
        #expect(throws: PanelDataError.unknownColumn(name: "distance", suggestion: nil)) {
            _ = try data.column(named: "distance")
        }
        #expect(
            PanelDataError.unknownColumn(name: "yaer", suggestion: "year").description
                == "no column 'yaer' (did you mean 'year'?)")
        #expect(NameSuggestion.levenshtein(Array("kitten"), Array("sitting")) == 3)
    }

    @Test func selectAndFilter() throws {
        let data = try sample()
        let selected = data.selectingRows([4, 1, 1, 99, -1])
        #expect(selected.rowCount == 3)
        #expect(try selected.ints("firm") == [3, 1, 1])
        #expect(try selected.column(named: "sales").missing == [false, true, true])
        #expect(try selected.factorCodes("city").codes == [1, 1, 1])
        #expect(try selected.factorCodes("city").labels == ["a", "b", "c"])

        let firms = try data.ints("firm")
        let filtered = data.filter { firms[$0] == 2 }
        #expect(filtered.rowCount == 2)
        #expect(try filtered.doubles("sales") == [3.5, 4.5])
        #expect(data.filter { _ in false }.rowCount == 0)
        #expect(data.filter { _ in true } == data)
    }
}
