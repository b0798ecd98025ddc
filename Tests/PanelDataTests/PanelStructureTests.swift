import Testing
@testable import PanelData

@Suite struct PanelStructureTests {
    /// Unit "b" first, unsorted years with a gap, a row with a missing year, a unit whose only row lost its year.
    func panel() throws -> Dataset {
        try Dataset(columns: [
            .factor("id", labels: ["b", "a", "b", "a", "b", "c", "a"]),
            .int("t", [3, 1, 1, 2, 0, 7, 5], missing: [false, false, false, false, true, true, false]),
            .double("x", [30, 1, 10, 2, 99, 7, 5]),
        ])
    }

    @Test func unitsInOrderOfAppearanceWithRowsSortedByTime() throws {
        let structure = try PanelStructure(panel(), unit: "id", time: "t")
        #expect(structure.unitLabels == ["b", "a"])
        #expect(Array(structure.rows(ofUnit: 0)) == [2, 0])
        #expect(Array(structure.rows(ofUnit: 1)) == [1, 3, 6])
        #expect(structure.unitOfRow == [0, 1, 0, 1, -1, -1, 1])
        #expect(structure.rows(ofUnit: 2).isEmpty)
    }

    @Test func shiftsMatchExactTimesAndNeverCrossAGap() throws {
        let structure = try PanelStructure(panel(), unit: "id", time: "t")
        let x = try panel().doubles("x")
        let lag = structure.shift(x, by: 1)
        // a: t=1,2,5 -> lag of t=2 is 1, t=5 has no t=4. b: t=1,3 -> no lag anywhere.
        #expect(lag[3] == 1)
        #expect(lag[6].isNaN && lag[0].isNaN && lag[2].isNaN && lag[1].isNaN && lag[4].isNaN)
        let lagThree = structure.shift(x, by: 3)
        #expect(lagThree[6] == 2)
        let lead = structure.shift(x, by: -2)
        #expect(lead[2] == 30)
        #expect(lead[0].isNaN)
        for row in 0..<structure.rowCount {
            for shift in -4...4 {
                let merged = structure.sourceRows(shiftedBy: shift)[row]
                #expect(merged == (structure.row(row, shiftedBy: shift) ?? -1))
            }
        }
    }

    @Test func duplicateKeyIsLocatedAtTheLaterRow() throws {
        let data = try Dataset(columns: [.int("id", [1, 2, 1, 1]), .int("t", [5, 5, 6, 5]), .double("x", [0, 0, 0, 0])])
        #expect(throws: PanelDataError.duplicatePanelKey(row: 3, unit: "1", time: "5")) {
            _ = try PanelStructure(data, unit: "id", time: "t")
        }
    }

    @Test func extremeTimesDoNotOverflow() throws {
        let data = try Dataset(columns: [.int("id", [1, 1]), .int("t", [Int.min, Int.max]), .double("x", [1, 2])])
        let structure = try PanelStructure(data, unit: "id", time: "t")
        #expect(structure.sourceRows(shiftedBy: Int.min) == [-1, -1])
        #expect(structure.sourceRows(shiftedBy: Int.max) == [-1, -1])
        #expect(structure.row(1, shiftedBy: Int.min) == nil)
    }
}
