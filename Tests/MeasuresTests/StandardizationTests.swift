import Foundation
import PanelData
import Testing
@testable import Measures

@Suite struct StandardizationTests {
    @Test func zScoresUseNonMissingRowsOnly() throws {
        let data = try Dataset(columns: [
            .double("x", [1, 2, 3, 100], missing: [false, false, false, true]),
            .int("k", [1, 2, 3, 4]),
        ])
        let result = try Standardization.zScores(["x"], in: data)
        // mean 2, sample SD sqrt(((1-2)² + 0 + (3-2)²) / 2) = 1.
        let x = try result.column(named: "x")
        guard case .double(let values) = x.storage else { Issue.record("x not double"); return }
        #expect(Array(values[0..<3]) == [-1, 0, 1])
        #expect(x.isMissing(3))
        #expect(try result.ints("k") == [1, 2, 3, 4])
        #expect(result.columnNames == ["x", "k"])
        #expect(throws: MeasuresError.unknownColumn("y")) { try Standardization.zScores(["y"], in: data) }
        #expect(throws: MeasuresError.self) { try Standardization.zScores(["k"], in: data) }
    }

    @Test func quantileBinsKeepTiesTogether() throws {
        // Sorted: 1 1 1 1 2 3 4 5; ranks of first occurrence 0, 4, 5, 6, 7 → ⌊4·L/8⌋.
        let bins = try Standardization.quantileBins([5, 1, 1, 2, 1, 3, 4, 1], count: 4)
        #expect(bins == [3, 0, 0, 2, 0, 2, 3, 0])
        #expect(try Standardization.quantileBins([3, 1, 2, 4], count: 2) == [1, 0, 0, 1])
        #expect(throws: MeasuresError.self) { try Standardization.quantileBins([1], count: 0) }
    }
}
