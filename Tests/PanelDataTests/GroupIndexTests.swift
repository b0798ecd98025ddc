import Testing
@testable import PanelData

@Suite struct GroupIndexTests {
    @Test func oneKeyWithMissing() throws {
        let data = try Dataset(columns: [
            .factor("city", labels: ["b", "a", "b", "x", "c", "a"], missing: [false, false, false, true, false, false])
        ])
        let index = try data.groupIndex(by: ["city"])
        #expect(index.groupOfRow == [0, 1, 0, -1, 2, 1])
        #expect(index.groupCount == 3)
        #expect(index.sizes == [2, 2, 1])
        #expect(index.rows(inGroup: 0) == [0, 2])
        #expect(index.rows(inGroup: 1) == [1, 5])
        #expect(index.rows(inGroup: 2) == [4])
        #expect(index.rows(inGroup: 3) == [])
        #expect(index.rows(inGroup: -1) == [])
        #expect(index.ungroupedRowCount == 1)
    }

    @Test func intAndDoubleKeys() throws {
        let data = try Dataset(columns: [
            .int("year", [2001, 2000, 2001, 2002]),
            .double("rate", [0.0, -0.0, .nan, 1.5]),
        ])
        #expect(try data.groupIndex(by: ["year"]).groupOfRow == [0, 1, 0, 2])
        // −0.0 and 0.0 are one key; NaN is no key.
        #expect(try data.groupIndex(by: ["rate"]).groupOfRow == [0, 0, -1, 1])
    }

    @Test func twoKeysWithMissing() throws {
        let data = try Dataset(columns: [
            .int("firm", [1, 1, 2, 2, 1, 2, 3], missing: [false, false, false, false, false, false, true]),
            .factor("dest", labels: ["us", "de", "us", "us", "us", "de", "us"]),
        ])
        let index = try data.groupIndex(by: ["firm", "dest"])
        #expect(index.groupOfRow == [0, 1, 2, 2, 0, 3, -1])
        #expect(index.groupCount == 4)
        #expect(index.sizes == [2, 1, 2, 1])
        #expect(index.rows(inGroup: 2) == [2, 3])
        #expect(try data.groupIndex(by: ["dest", "firm"]).groupOfRow == [0, 1, 2, 2, 0, 3, -1])
    }

    @Test func noKeysAndUnknownKey() throws {
        let data = try Dataset(columns: [.int("firm", [1, 2, 3])])
        let all = try data.groupIndex(by: [])
        #expect(all.groupCount == 1 && all.sizes == [3])
        #expect(throws: PanelDataError.unknownColumn(name: "frim", suggestion: "firm")) {
            _ = try data.groupIndex(by: ["frim"])
        }
    }

    @Test func initFromIds() {
        let index = GroupIndex(groupOfRow: [2, -3, 0, 2])
        #expect(index.groupOfRow == [2, -1, 0, 2])
        #expect(index.groupCount == 3)
        #expect(index.sizes == [1, 0, 2])
        #expect(index.rows(inGroup: 2) == [0, 3])
    }
}
