import Foundation
import Testing
@testable import Measures

@Suite struct SourceAggregatesTests {
    typealias W = TinyWorld

    @Test func fromFlowsCountsConsecutiveYearsOnly() throws {
        let geography = try W.geography()
        let aggregates = try SourceAggregates.from(W.sourceFlows(), geography: geography)
        var count = [Int32](repeating: 0, count: 3 * 2 * 3)
        var sum = [Double](repeating: 0, count: 3 * 2 * 3)
        func set(_ c: Int, _ m: Int, _ t: Int, _ n: Int32, _ s: Double) {
            count[(c * 2 + m) * 3 + t] = n
            sum[(c * 2 + m) * 3 + t] = s
        }
        set(0, 0, 1, 1, W.sC0M0T1)
        set(0, 0, 2, 2, (log(13.0) - log(11.0)) + (log(5.0) - log(4.0)))
        set(0, 1, 1, 1, W.sC0M1T1)
        set(0, 1, 2, 1, W.sC0M1T2)
        set(1, 0, 2, 1, W.sC1M0T2)
        set(2, 0, 1, 1, W.sC2M0T1)
        set(2, 0, 2, 1, W.sC2M0T2)
        set(2, 1, 2, 1, W.sC2M1T2)
        // Exporter 106 (city 1, m1) skips year 1: it never counts.
        #expect(aggregates.count == count)
        for index in sum.indices { #expect(abs(aggregates.growthSum[index] - sum[index]) < 1e-12) }
        #expect(aggregates.index(city: 2, destination: 1, year: 2) == (2 * 2 + 1) * 3 + 2)
    }

    @Test func addingSumsCellwiseAndChecksDimensions() throws {
        let geography = try W.geography()
        let aggregates = try SourceAggregates.from(W.sourceFlows(), geography: geography)
        let doubled = try aggregates.adding(aggregates)
        #expect(doubled.count == aggregates.count.map { $0 * 2 })
        #expect(doubled.growthSum == aggregates.growthSum.map { $0 * 2 })
        let other = try SourceAggregates(cityCount: 1, destinationCount: 1, yearCount: 1, count: [0], growthSum: [0])
        #expect(throws: MeasuresError.self) { try aggregates.adding(other) }
    }

    @Test func duplicateFlowIsRejected() throws {
        let flows = try ExporterFlows(
            exporter: [7, 7], firm: [0, 0], city: [0, 0], destination: [1, 1], year: [2, 2], exports: [1, 2])
        #expect(throws: MeasuresError.duplicateRow(
            input: "ExporterFlows", row: 1, key: "(exporter 7, destination 1, year 2)")) {
            try SourceAggregates.from(flows, geography: try W.geography())
        }
    }
}
