import Foundation
import Testing
@testable import Measures

/// Reproducibility of RAGA and the located errors of the composite indices.
@Suite struct CompositeIndexBehaviourTests {
    /// A small seeded panel: `regions` regions × 3 years × 3 indicators.
    static func panel(regions: Int = 12, years: [Int] = [2001, 2002, 2003]) throws -> IndicatorPanel {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func uniform() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) * 0x1p-53
        }
        var values: [[Double]] = [], labels: [Int] = []
        for year in years {
            for region in 0..<regions {
                let level = Double(region) / Double(regions) + 0.3 * uniform()
                values.append([level + 0.2 * uniform(), level * level + 0.1 * uniform(), 1 - level + 0.3 * uniform()])
                labels.append(year)
            }
        }
        return try IndicatorPanel(indicatorNames: ["a", "b", "c"], values: values, years: labels)
    }

    static func fastOptions(seed: UInt64, threads: Int = 1) -> ProjectionPursuitIndex.Options {
        var options = ProjectionPursuitIndex.Options()
        options.seed = seed
        options.threads = threads
        options.genetic.populationSize = 60
        options.genetic.maximumCycles = 12
        options.runMultiStart = false
        return options
    }

    @Test func ragaIsReproducibleBitForBitAndIndependentOfThreads() throws {
        let panel = try Self.panel()
        let first = try ProjectionPursuitIndex.compute(panel, options: Self.fastOptions(seed: 7))
        let again = try ProjectionPursuitIndex.compute(panel, options: Self.fastOptions(seed: 7))
        let threaded = try ProjectionPursuitIndex.compute(panel, options: Self.fastOptions(seed: 7, threads: 3))
        #expect(first.index == again.index)
        #expect(first.years == again.years)
        #expect(first.index == threaded.index)
        #expect(first.years.map(\.genetic) == threaded.years.map(\.genetic))
        // Another seed draws other numbers: the search path (evaluations or best values per cycle) differs.
        let other = try ProjectionPursuitIndex.compute(panel, options: Self.fastOptions(seed: 8))
        #expect(other.years.map(\.genetic) != first.years.map(\.genetic))
        // A year's result depends only on its own rows and its year: the panel without 2001 gives the
        // same 2002 and 2003 directions bit for bit.
        let rows = first.years.dropFirst().flatMap(\.rows)
        let subset = try IndicatorPanel(indicatorNames: panel.indicatorNames, values: rows.map { panel.values[$0] },
                                        years: rows.map { panel.years?[$0] ?? 0 })
        let subsetResult = try ProjectionPursuitIndex.compute(subset, options: Self.fastOptions(seed: 7))
        #expect(subsetResult.years.map(\.direction) == Array(first.years.dropFirst().map(\.direction)))
    }

    @Test func directionsAreUnitNonNegativeAndIndexPositive() throws {
        var options = Self.fastOptions(seed: 3)
        options.runMultiStart = true
        options.multiStart.haltonStarts = 8
        let result = try ProjectionPursuitIndex.compute(try Self.panel(), options: options)
        for year in result.years {
            #expect(abs(year.direction.reduce(0) { $0 + $1 * $1 } - 1) < 1e-12)
            #expect(year.direction.allSatisfy { $0 >= 0 })
            #expect(year.multiStart != nil)
        }
        #expect(result.index.allSatisfy { $0 > 0 })
        // The pair conventions: D_all = n R + 2 D_distinct at any direction.
        let panel = try Self.panel()
        let rows = panel.groups()[0].rows
        let x = try panel.minMaxNormalized(rows: rows, year: 2001, shift: 0.01)
        let all = ProjectionPursuitObjective(normalized: x, pairs: .allOrderedPairs).evaluate([0.6, 0.0, 0.8])
        let distinct = ProjectionPursuitObjective(normalized: x, pairs: .distinctUnorderedPairs).evaluate([0.6, 0.0, 0.8])
        #expect(abs(all.localDensity - (Double(rows.count) * all.radius + 2 * distinct.localDensity)) < 1e-12)
    }

    @Test func constantIndicatorInAYearIsLocated() throws {
        var values = try Self.panel().values
        let years = try #require(try Self.panel().years)
        for row in values.indices where years[row] == 2002 { values[row][1] = 4.5 }
        let panel = try IndicatorPanel(indicatorNames: ["a", "b", "c"], values: values, years: years)
        let expected = IndexError.constantIndicator(indicator: "b", year: 2002, value: 4.5)
        #expect(throws: expected) { try ProjectionPursuitIndex.compute(panel, options: Self.fastOptions(seed: 1)) }
        var byYear = EntropyWeightIndex.Options()
        byYear.byYear = true
        #expect(throws: expected) { try EntropyWeightIndex.compute(panel, options: byYear) }
        var pcaByYear = PrincipalComponentIndex.Options()
        pcaByYear.byYear = true
        #expect(throws: expected) { try PrincipalComponentIndex.compute(panel, options: pcaByYear) }
        // Pooled, b varies across years, so the pooled indices exist.
        #expect(try EntropyWeightIndex.compute(panel).index.count == values.count)
    }

    @Test func missingAndNonFiniteValuesAreLocated() throws {
        var values = try Self.panel().values
        values[5][2] = .nan
        #expect(throws: IndexError.missingValue(row: 5, indicator: "c")) {
            try IndicatorPanel(indicatorNames: ["a", "b", "c"], values: values)
        }
        values[5][2] = 1
        values[7][0] = -.infinity
        #expect(throws: IndexError.nonFiniteValue(row: 7, indicator: "a", value: -.infinity)) {
            try IndicatorPanel(indicatorNames: ["a", "b", "c"], values: values)
        }
        #expect(throws: IndexError.self) { try IndicatorPanel(indicatorNames: ["a", "b"], values: values) }
        #expect(throws: IndexError.self) {
            try IndicatorPanel(indicatorNames: ["a", "b", "c"], values: [[1, 2, 3]], negativeIndicators: ["d"])
        }
    }

    @Test func tooFewRegionsIsLocated() throws {
        let values: [[Double]] = [[1, 2], [2, 1], [3, 5], [4, 4], [5, 3]]
        let panel = try IndicatorPanel(indicatorNames: ["a", "b"], values: values, years: [2010, 2010, 2010, 2011, 2011])
        #expect(throws: IndexError.tooFewRegions(year: 2011, found: 2, required: 3)) {
            try ProjectionPursuitIndex.compute(panel, options: Self.fastOptions(seed: 1))
        }
        var pca = PrincipalComponentIndex.Options()
        pca.byYear = true
        #expect(throws: IndexError.tooFewRegions(year: 2011, found: 2, required: 3)) {
            try PrincipalComponentIndex.compute(panel, options: pca)
        }
        let single = try IndicatorPanel(indicatorNames: ["a", "b"], values: [[1, 2]])
        #expect(throws: IndexError.tooFewRegions(year: nil, found: 1, required: 2)) { try EntropyWeightIndex.compute(single) }
    }

    @Test func invalidOptionsAreRejected() throws {
        let panel = try Self.panel()
        var options = Self.fastOptions(seed: 1)
        options.radius = .fixed(0)
        #expect(throws: IndexError.self) { try ProjectionPursuitIndex.compute(panel, options: options) }
        options = Self.fastOptions(seed: 1)
        options.genetic.eliteCount = 1
        #expect(throws: IndexError.self) { try ProjectionPursuitIndex.compute(panel, options: options) }
        var pca = PrincipalComponentIndex.Options()
        pca.retention = .count(4)
        #expect(throws: IndexError.self) { try PrincipalComponentIndex.compute(panel, options: pca) }
    }

    /// The entropy weights of a hand-computable case: two indicators over three rows.
    @Test func entropyWeightsByHand() throws {
        // a: 0, 1, 2 → z = 0, ½, 1 → p = 0, ⅓, ⅔; b: 0, 0, 1 → z = 0, 0, 1 → p = 0, 0, 1 (e = 0).
        let panel = try IndicatorPanel(indicatorNames: ["a", "b"], values: [[0, 0], [1, 0], [2, 1]])
        let result = try EntropyWeightIndex.compute(panel)
        let entropyA = -((1.0 / 3) * log(1.0 / 3) + (2.0 / 3) * log(2.0 / 3)) / log(3.0)
        let dA = 1 - entropyA, dB = 1.0
        #expect(abs(result.samples[0].weights[0] - dA / (dA + dB)) < 1e-15)
        #expect(abs(result.index[1] - 0.5 * dA / (dA + dB)) < 1e-15)
        #expect(abs(result.index[2] - 1) < 1e-15)
    }
}
