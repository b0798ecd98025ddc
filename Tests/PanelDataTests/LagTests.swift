import Testing
@testable import PanelData

@Suite struct LagTests {
    /// Firm 1: years 2000, 2001, 2003 (gap). Firm 2: 2001, 2000 (unsorted). Last row: missing year.
    func panel() throws -> Dataset {
        try Dataset(columns: [
            .factor("firm", labels: ["f1", "f1", "f1", "f2", "f2", "f2"]),
            .int("year", [2000, 2001, 2003, 2001, 2000, 0], missing: [false, false, false, false, false, true]),
            .double("x", [1, 2, 3, 20, 10, 99]),
            .int("n", [1, 2, 3, 4, 5, 6], missing: [false, true, false, false, false, false]),
        ])
    }

    @Test func lagMatchesExactTimeAndLeavesGapsMissing() throws {
        let lagged = try panel().lag("x", unit: "firm", time: "year")
        #expect(lagged.name == "L1.x")
        #expect(lagged.missing == [true, false, true, false, true, true])
        guard case .double(let values) = lagged.storage else {
            Issue.record("expected doubles")
            return
        }
        #expect(values[1] == 1)
        #expect(values[3] == 10)
    }

    @Test func leadAndLongerLag() throws {
        let data = try panel()
        let lead = try data.lag("x", unit: "firm", time: "year", by: -1)
        #expect(lead.name == "F1.x")
        #expect(lead.missing == [false, true, true, true, false, true])
        let lagTwo = try data.lag("x", unit: "firm", time: "year", by: 2)
        #expect(lagTwo.missing == [true, true, false, true, true, true])
        let lagThree = try data.lag("x", unit: "firm", time: "year", by: 3)
        #expect(lagThree.missing == [true, true, false, true, true, true])
    }

    @Test func missingSourceValuesStayMissing() throws {
        let lagged = try panel().lag("n", unit: "firm", time: "year")
        // Row 2 (2003) has no 2002; row 1 lags row 0 (1); lead of row 0 is row 1, which is missing.
        #expect(lagged == .int("L1.n", [0, 1, 0, 5, 0, 0], missing: [true, false, true, false, true, true]))
        let lead = try panel().lag("n", unit: "firm", time: "year", by: -1)
        #expect(lead.missing == [true, true, true, true, false, true])
    }

    @Test func factorLagKeepsLabels() throws {
        let data = try Dataset(columns: [
            .int("unit", [1, 1]), .int("t", [1, 2]), .factor("s", labels: ["lo", "hi"]),
        ])
        let lagged = try data.lag("s", unit: "unit", time: "t")
        #expect(lagged.storage == .factor(codes: [-1, 0], labels: ["lo", "hi"]))
    }

    @Test func duplicatePanelKeyNamesTheRow() throws {
        let data = try Dataset(columns: [
            .factor("firm", labels: ["a", "b", "a", "a"]),
            .int("year", [2000, 2000, 2001, 2000]),
            .double("x", [1, 2, 3, 4]),
        ])
        #expect(throws: PanelDataError.duplicatePanelKey(row: 3, unit: "a", time: "2000")) {
            _ = try data.lag("x", unit: "firm", time: "year")
        }
    }

    @Test func timeMustBeWholeNumbers() throws {
        let whole = try Dataset(columns: [.int("firm", [1, 1]), .double("year", [2000, 2001]), .double("x", [1, 2])])
        #expect(try whole.lag("x", unit: "firm", time: "year").missing == [true, false])
        let fractional = try Dataset(columns: [.int("firm", [1, 1]), .double("year", [2000, 2000.5]), .double("x", [1, 2])])
        #expect(throws: PanelDataError.invalidTime(column: "year", row: 1, value: "2000.5")) {
            _ = try fractional.lag("x", unit: "firm", time: "year")
        }
        let text = try Dataset(columns: [.int("firm", [1]), .factor("year", labels: ["2000"]), .double("x", [1])])
        #expect(throws: PanelDataError.invalidTime(column: "year", row: 0, value: "2000")) {
            _ = try text.lag("x", unit: "firm", time: "year")
        }
        #expect(throws: PanelDataError.unknownColumn(name: "xx", suggestion: "x")) {
            _ = try whole.lag("xx", unit: "firm", time: "year")
        }
    }

    @Test func hugeLagDoesNotOverflow() throws {
        let data = try Dataset(columns: [.int("u", [1, 1]), .int("t", [Int.min, Int.max]), .int("x", [1, 2])])
        let lagged = try data.lag("x", unit: "u", time: "t", by: Int.min)
        #expect(lagged.missing == [true, true])
    }
}
