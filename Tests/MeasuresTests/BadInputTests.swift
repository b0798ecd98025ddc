import Testing
@testable import Measures

@Suite struct BadInputTests {
    typealias W = TinyWorld

    @Test func mismatchedLengthsNameTheColumn() {
        #expect(throws: MeasuresError.lengthMismatch(input: "ExporterFlows", column: "exports", expected: 2, found: 1)) {
            try ExporterFlows(exporter: [0, 1], firm: [0, 0], city: [0, 0], destination: [0, 0], year: [0, 0], exports: [1])
        }
        #expect(throws: MeasuresError.lengthMismatch(input: "PlantRoster", column: "city", expected: 2, found: 3)) {
            try PlantRoster(firm: [0, 0], city: [0, 1, 2], establishmentYear: [0, 0])
        }
        #expect(throws: MeasuresError.lengthMismatch(input: "SourceAggregates", column: "count", expected: 8, found: 7)) {
            try SourceAggregates(
                cityCount: 2, destinationCount: 2, yearCount: 2, count: [Int32](repeating: 0, count: 7),
                growthSum: [Double](repeating: 0, count: 8))
        }
        #expect(throws: MeasuresError.self) {
            try SpilloverGeography(cityArea: [1, 2], cityProvince: [0], destinationIncomeGroup: [0], yearCount: 2)
        }
    }

    @Test func cityOutOfRangeNamesRowAndColumn() throws {
        let geography = try W.geography()
        let flows = try ExporterFlows(
            exporter: [1, 2], firm: [0, 0], city: [0, 3], destination: [0, 0], year: [0, 1], exports: [1, 2])
        #expect(throws: MeasuresError.valueOutOfRange(
            input: "ExporterFlows", column: "city", row: 1, value: "3", allowed: "0..<3")) {
            try SourceAggregates.from(flows, geography: geography)
        }
        let roster = try PlantRoster(firm: [0, 0], city: [0, 5], establishmentYear: [0, 0])
        #expect(throws: MeasuresError.valueOutOfRange(
            input: "PlantRoster", column: "city", row: 1, value: "5", allowed: "0..<3")) {
            try SpilloverMeasures.construct(
                sample: W.sample(), roster: roster, sources: SourceAggregates(geography: geography),
                geography: geography, options: .init())
        }
    }

    @Test func inconsistentSampleIsRejected() throws {
        let geography = try W.geography()
        let sources = SourceAggregates(geography: geography)
        // Plant 1 is established in year 1: a row in year 0 is an error.
        let early = try ExporterFlows(exporter: [1], firm: [0], city: [2], destination: [0], year: [0], exports: [1])
        #expect(throws: MeasuresError.self) {
            try SpilloverMeasures.construct(
                sample: early, roster: W.roster(), sources: sources, geography: geography, options: .init())
        }
        // City differs from the roster's.
        let moved = try ExporterFlows(exporter: [0], firm: [0], city: [1], destination: [0], year: [0], exports: [1])
        #expect(throws: MeasuresError.self) {
            try SpilloverMeasures.construct(
                sample: moved, roster: W.roster(), sources: sources, geography: geography, options: .init())
        }
        // Two rows for one plant, destination and year.
        let twice = try ExporterFlows(
            exporter: [0, 0], firm: [0, 0], city: [0, 0], destination: [1, 1], year: [2, 2], exports: [1, 2])
        #expect(throws: MeasuresError.duplicateRow(input: "sample", row: 1, key: "(plant 0, destination 1, year 2)")) {
            try SpilloverMeasures.construct(
                sample: twice, roster: W.roster(), sources: sources, geography: geography, options: .init())
        }
        // Wrong firmOutput length, and two plants of one firm in one city.
        #expect(throws: MeasuresError.self) {
            try SpilloverMeasures.construct(
                sample: W.sample(), roster: W.roster(), sources: sources, geography: geography, firmOutput: [1, 2],
                options: .init())
        }
        #expect(throws: MeasuresError.self) { try PlantRoster(firm: [0, 0], city: [1, 1], establishmentYear: [0, 0]) }
        #expect(throws: MeasuresError.self) {
            try ExporterFlows(exporter: [0], firm: [0], city: [0], destination: [0], year: [0], exports: [0])
        }
    }
}

@Suite struct ErrorMessageTests {
    @Test func messagesNameRowAndColumn() {
        let error = MeasuresError.valueOutOfRange(input: "sample", column: "city", row: 4, value: "9", allowed: "0..<3")
        #expect(error.description == "sample: row 4, column 'city': value 9 is outside 0..<3")
    }
}
