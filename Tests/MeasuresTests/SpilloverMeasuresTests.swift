import Foundation
import PanelData
import Testing
@testable import Measures

@Suite struct SpilloverMeasuresTests {
    typealias W = TinyWorld
    typealias E = TinyWorldExpectations

    func build(_ options: SpilloverMeasureOptions, firmOutput: [Double]? = TinyWorld.firmOutput) throws -> Dataset {
        let geography = try W.geography()
        let sources = try SourceAggregates.from(W.sourceFlows(), geography: geography)
        return try SpilloverMeasures.construct(
            sample: W.sample(), roster: W.roster(), sources: sources, geography: geography,
            firmOutput: firmOutput, options: options)
    }

    /// Checks one value: `nil` must be missing, anything else present and equal within 1e-12.
    func check(_ data: Dataset, _ row: Int, _ name: String, _ expected: Double?,
               sourceLocation: SourceLocation = #_sourceLocation) throws {
        let column = try data.column(named: name)
        guard case .double(let values) = column.storage else {
            Issue.record("\(name) is not a Double column", sourceLocation: sourceLocation)
            return
        }
        if let expected {
            #expect(!column.isMissing(row), "row \(row) \(name) missing", sourceLocation: sourceLocation)
            #expect(abs(values[row] - expected) < 1e-12, "row \(row) \(name): \(values[row]) vs \(expected)",
                    sourceLocation: sourceLocation)
        } else {
            #expect(column.isMissing(row), "row \(row) \(name) should be missing, is \(values[row])",
                    sourceLocation: sourceLocation)
        }
    }

    func checkAll(_ data: Dataset, _ expected: [[String: Double?]]) throws {
        #expect(data.rowCount == expected.count)
        for (row, columns) in expected.enumerated() {
            #expect(columns.count == 17, "row \(row) lists every non-product Double column")
            for (name, value) in columns { try check(data, row, name, value) }
            for (product, left, right) in E.products {
                let value: Double? = columns[left].flatMap { $0 }.flatMap { l in columns[right].flatMap { $0 }.map { l * $0 } }
                try check(data, row, product, value)
            }
        }
    }

    @Test func everyColumnMatchesHandValues() throws {
        let data = try build(SpilloverMeasureOptions(weights: .destinationShares, sourcesIncludeSample: false))
        try checkAll(data, E.baseline)
        for (index, name) in E.integerColumns.enumerated() {
            let values = try data.ints(name)
            #expect(values == E.integers.map { $0[index] }, "\(name)")
        }
        #expect(data.columnNames.count == 21 + 11)
    }

    @Test func overallShareWeights() throws {
        let data = try build(SpilloverMeasureOptions(weights: .overallShares, sourcesIncludeSample: false))
        var expected = E.baseline
        // Row 9: sisters 3 and 4 export 7 and 2 in t2 in total (to m1); both cities have n > 0 for m0.
        expected[9]["dlnaffiliate1"] = 7.0 / 9 * (W.sC2M0T2 / 1) + 2.0 / 9 * (W.sC0M0T2 / 2)
        expected[9]["lndensity1"] = 7.0 / 9 * log(1 / E.area2) + 2.0 / 9 * log(2 / E.area0)
        // Row 10: sister plant 2 exports 20 in t1, but its city has n = 0: still missing.
        // Rows 11, 12: sister plant 2 (total 22) sits in a city with n = 0 and is dropped; the
        // remaining weight renormalizes to 1, so the values equal the destination-share ones.
        try checkAll(data, expected)
    }

    @Test func sampleInSourcesExcludesSelfAndSisterPlants() throws {
        let data = try build(SpilloverMeasureOptions(weights: .overallShares, sourcesIncludeSample: true))
        // Continuing sample rows (exported to m in t−1 and t) join the sources:
        let g1 = log(12.0) - log(10)   // row 1: plant 0 (firm 0), city 0, m0, t1
        let g2 = log(15.0) - log(12)   // row 2: plant 0 (firm 0), city 0, m0, t2
        let g6 = log(9.0) - log(8)     // row 6: plant 1 (firm 0), city 2, m0, t2
        let g9 = log(22.0) - log(20)   // row 9: plant 2 (firm 1), city 1, m0, t2
        var expected = E.baseline
        expected[9]["dlnaffiliate1"] = 7.0 / 9 * (W.sC2M0T2 / 1) + 2.0 / 9 * (W.sC0M0T2 / 2)
        expected[9]["lndensity1"] = 7.0 / 9 * log(1 / E.area2) + 2.0 / 9 * log(2 / E.area0)
        // Rows 1, 2, 5, 6: the plant's own growth leaves its own city, its sister's leaves the
        // sister city: unchanged. Row 2's province neighbour (city 1) now holds plant 2 (firm 1).
        expected[2]["dlnnear_prov"] = (W.sC1M0T2 + g9) / 2
        expected[2]["lnprov_density"] = log(2 / E.area1)
        // Row 8: province neighbour city 0 in t1 now holds plant 0 (another firm).
        expected[8]["dlnnear_prov"] = (W.sC0M0T1 + g1) / 2
        expected[8]["lnprov_density"] = log(2 / E.area0)
        // Row 9: own plant 2 excluded from city 1; the sister cities hold firm 0's plants 1 and 0.
        expected[9]["dlnnear"] = W.sC1M0T2 / 1
        expected[9]["dlnaffiliate"] = (W.sC2M0T2 + g6 + W.sC0M0T2 + g2) / (2 + 3)
        expected[9]["lndensity"] = log((2 + 3) / (E.area2 + E.area0))
        expected[9]["dlnnear_prov"] = (W.sC0M0T2 + g2) / 3
        expected[9]["lnprov_density"] = log(3 / E.area0)
        expected[9]["dlnaffiliate1"] = 7.0 / 9 * ((W.sC2M0T2 + g6) / 2) + 2.0 / 9 * ((W.sC0M0T2 + g2) / 3)
        expected[9]["lndensity1"] = 7.0 / 9 * log(2 / E.area2) + 2.0 / 9 * log(3 / E.area0)
        expected[9]["pooled_signal"] = (W.sC1M0T2 + W.sC2M0T2 + g6 + W.sC0M0T2 + g2) / (1 + 2 + 3)
        expected[9]["n_signals"] = 1 + 2 + 3
        try checkAll(data, expected)
    }

    @Test func withoutFirmOutputSupplyIsMissing() throws {
        let data = try build(SpilloverMeasureOptions(), firmOutput: nil)
        #expect(try data.column(named: "lnsupply").missingCount == data.rowCount)
    }

    @Test func outputIsInSampleOrderWhateverTheRowOrder() throws {
        let geography = try W.geography()
        let roster = try W.roster()
        let sources = try SourceAggregates.from(W.sourceFlows(), geography: geography)
        let sample = try W.sample()
        let order = Array((0..<sample.count).reversed())
        let reversed = try ExporterFlows(
            exporter: order.map { sample.exporter[$0] }, firm: order.map { sample.firm[$0] },
            city: order.map { sample.city[$0] }, destination: order.map { sample.destination[$0] },
            year: order.map { sample.year[$0] }, exports: order.map { sample.exports[$0] })
        let forward = try SpilloverMeasures.construct(
            sample: sample, roster: roster, sources: sources, geography: geography, options: .init())
        let backward = try SpilloverMeasures.construct(
            sample: reversed, roster: roster, sources: sources, geography: geography, options: .init())
        #expect(forward.selectingRows(order) == backward)
    }
}

@Suite struct ShareWeightTests {
    /// One firm, plants 0, 1, 2 in cities 0, 1, 2 (areas 2, 4, 8), 2 destinations, 2 years.
    /// In year 1 plant 1 exports 3 to m0 and 5 to m1, plant 2 exports 1 to m0.
    @Test func twoSistersWeightedByExportShares() throws {
        let geography = try SpilloverGeography(
            cityArea: [2, 4, 8], cityProvince: [0, 1, 2], destinationIncomeGroup: [0, 0], yearCount: 2)
        let roster = try PlantRoster(firm: [0, 0, 0], city: [0, 1, 2], establishmentYear: [0, 0, 0])
        let sample = try ExporterFlows(
            exporter: [0, 1, 1, 2], firm: [0, 0, 0, 0], city: [0, 1, 1, 2], destination: [0, 0, 1, 0],
            year: [1, 1, 1, 1], exports: [10, 3, 5, 1])
        var count = [Int32](repeating: 0, count: 3 * 2 * 2)
        var sum = [Double](repeating: 0, count: 3 * 2 * 2)
        count[(1 * 2 + 0) * 2 + 1] = 2; sum[(1 * 2 + 0) * 2 + 1] = 0.4    // city 1, m0, t1
        count[(2 * 2 + 0) * 2 + 1] = 1; sum[(2 * 2 + 0) * 2 + 1] = -0.2   // city 2, m0, t1
        let sources = try SourceAggregates(cityCount: 3, destinationCount: 2, yearCount: 2, count: count, growthSum: sum)
        for weights in SpilloverMeasureOptions.SisterWeights.allCases {
            let data = try SpilloverMeasures.construct(
                sample: sample, roster: roster, sources: sources, geography: geography,
                options: SpilloverMeasureOptions(weights: weights))
            let growth = try data.doubles("dlnaffiliate1")[0]
            let density = try data.doubles("lndensity1")[0]
            // Destination shares: 3/(3+1) and 1/(3+1); overall shares: (3+5)/(3+5+1) and 1/9.
            let (w1, w2) = weights == .destinationShares ? (3.0 / 4, 1.0 / 4) : (8.0 / 9, 1.0 / 9)
            #expect(abs(growth - (w1 * (0.4 / 2) + w2 * (-0.2 / 1))) < 1e-12)
            #expect(abs(density - (w1 * log(2.0 / 4) + w2 * log(1.0 / 8))) < 1e-12)
            // Eq. (13)–(14), pooled: (0.4 − 0.2) / (2 + 1) and ln(3 / (4 + 8)).
            #expect(abs(try data.doubles("dlnaffiliate")[0] - (0.4 - 0.2) / 3) < 1e-12)
            #expect(abs(try data.doubles("lndensity")[0] - log(3.0 / 12)) < 1e-12)
            #expect(try data.doubles("num")[0] == 2)
        }
    }
}
