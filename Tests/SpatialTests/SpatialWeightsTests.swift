import Testing
@testable import Spatial

@Suite("SpatialWeights: structure, lags, standardisation, alignment")
struct SpatialWeightsTests {
    /// A path 0 – 1 – 2 with weights 1 and 2, plus an isolated unit 3.
    static func path() throws -> SpatialWeights {
        try SpatialWeights(
            unitIdentifiers: ["a", "b", "c", "d"],
            triplets: [(0, 1, 1), (1, 0, 1), (1, 2, 2), (2, 1, 2)])
    }

    @Test("lags, row sums, islands and symmetry of a small W")
    func structure() throws {
        let weights = try Self.path()
        #expect(weights.lag([1, 10, 100, 1000]) == [10, 201, 20, 0])
        #expect(weights.rowSums == [1, 3, 2, 0])
        #expect(weights.islands == [3])
        #expect(weights.isSymmetric())
        #expect(weights.panelLag([1, 10, 100, 1000, 2, 20, 200, 2000]) == [10, 201, 20, 0, 20, 402, 40, 0])
        #expect(throws: SpatialError.island("d")) { try weights.rowStandardized() }
    }

    @Test("row standardisation makes rows sum to one and breaks symmetry of unequal rows")
    func standardisation() throws {
        let weights = try SpatialWeights(
            unitIdentifiers: ["a", "b", "c"], triplets: [(0, 1, 1), (1, 0, 1), (1, 2, 3), (2, 1, 3)])
        let standardized = try weights.rowStandardized()
        #expect(standardized.isRowStandardized)
        #expect(standardized.denseElements() == [0, 1, 0, 0.25, 0, 0.75, 0, 1, 0])
        #expect(!standardized.isSymmetric())
    }

    @Test("invalid entries are refused with the unit named")
    func invalid() {
        #expect(throws: SpatialError.invalidWeight(from: "a", to: "b", value: -1)) {
            try SpatialWeights(unitIdentifiers: ["a", "b"], triplets: [(0, 1, -1)])
        }
        #expect(throws: SpatialError.selfNeighbour("a")) {
            try SpatialWeights(unitIdentifiers: ["a", "b"], triplets: [(0, 0, 1)])
        }
        #expect(throws: SpatialError.duplicateUnit("a")) {
            try SpatialWeights(unitIdentifiers: ["a", "a"], triplets: [])
        }
        #expect(throws: (any Error).self) {
            try SpatialWeights(unitIdentifiers: ["a", "b"], triplets: [(0, 1, 1), (0, 1, 2)])
        }
    }

    @Test("alignment reorders W to the data's units and names missing ones")
    func alignment() throws {
        let weights = try Self.path()
        let aligned = try weights.aligned(to: ["c", "b", "a", "d"])
        #expect(aligned.lag([100, 10, 1, 1000]) == [20, 201, 10, 0])
        #expect(aligned.transposed.transposed == aligned)
        do {
            _ = try weights.aligned(to: ["a", "b", "c", "e"])
            Issue.record("expected a unit mismatch")
        } catch let error as SpatialError {
            #expect(error.description == "1 unit(s) of the data are not in W (e); 1 unit(s) of W are not in the data (d)")
        }
    }
}
