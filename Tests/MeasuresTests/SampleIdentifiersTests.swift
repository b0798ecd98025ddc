import PanelData
import Testing
@testable import Measures

/// `construct(identifiers:)` returns the caller's id arrays as the id columns, and refuses arrays
/// that do not repeat the sample's.
@Suite("SampleIdentifiers")
struct SampleIdentifiersTests {
    typealias W = TinyWorld

    static func construct(_ identifiers: SampleIdentifiers?) throws -> Dataset {
        let geography = try W.geography()
        return try SpilloverMeasures.construct(
            sample: W.sample(), roster: W.roster(), sources: SourceAggregates.from(W.sourceFlows(), geography: geography),
            geography: geography, firmOutput: W.firmOutput, options: .init(), identifiers: identifiers)
    }

    static func identifiers(of sample: ExporterFlows) -> SampleIdentifiers {
        SampleIdentifiers(plant: sample.exporter.map(Int.init), firm: sample.firm.map(Int.init), city: sample.city.map(Int.init),
                          destination: sample.destination.map(Int.init), year: sample.year.map(Int.init))
    }

    @Test("given identifiers give the same dataset as written ones")
    func sameDataset() throws {
        let written = try Self.construct(nil)
        let given = try Self.construct(Self.identifiers(of: W.sample()))
        #expect(given == written)
    }

    @Test("identifiers that differ from the sample's are an error")
    func mismatch() throws {
        let sample = try W.sample()
        let right = Self.identifiers(of: sample)
        var year = right.year
        year[0] += 1
        let wrong = SampleIdentifiers(plant: right.plant, firm: right.firm, city: right.city, destination: right.destination, year: year)
        #expect(throws: MeasuresError.self) { try Self.construct(wrong) }
        let short = SampleIdentifiers(plant: Array(right.plant.dropLast()), firm: right.firm, city: right.city,
                                      destination: right.destination, year: right.year)
        #expect(throws: MeasuresError.self) { try Self.construct(short) }
    }
}
