import Foundation
import Testing
import TestSupport
@testable import Spatial

/// Replays the minimized inputs the weights fuzz target found (`Tests/Fuzz/weights/regressions`,
/// docs/fuzzing.md) through the same steps as its harness: the first byte picks the reader, the rest
/// is read with the fuzzing limits, and what is accepted must survive a round trip through GWT (or an
/// edge list) and a dense CSV matrix.
@Suite("spatial weights: fuzz regressions")
struct SpatialWeightsFuzzRegressionTests {
    /// Every file of the regressions folder with its bytes.
    static func regressions() throws -> [(name: String, bytes: [UInt8])] {
        let folder = Repository.url("Tests/Fuzz/weights/regressions")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasPrefix(".") }.sorted()
        return try names.map { ($0, [UInt8](try Data(contentsOf: folder.appendingPathComponent($0)))) }
    }

    /// The harness's steps; nil when the input is refused, else the formats it round-tripped through.
    static func replay(_ input: [UInt8]) throws -> [SpatialWeightsFormat]? {
        guard let selector = input.first else { return nil }
        let formats: [SpatialWeightsFormat?] = [.gal, .gwt, .edges, .csv, nil]
        let limits = SpatialWeightsLimits(maximumUnits: 200, maximumEntries: 2_000)
        guard let weights = try? SpatialWeightsReader.read(bytes: Array(input.dropFirst()), fileName: "fuzz",
                                                           format: formats[Int(selector) % formats.count], limits: limits)
        else { return nil }
        var trips: [SpatialWeightsFormat] = []
        for target in [weights.islands.isEmpty ? SpatialWeightsFormat.gwt : .edges, .csv] {
            guard let text = try? SpatialWeightsWriter.text(weights, format: target) else { continue }
            let back = try SpatialWeightsReader.read(bytes: Array(text.utf8), fileName: "round-trip", format: target)
            #expect(try back.aligned(to: weights.unitIdentifiers) == weights)
            trips.append(target)
        }
        return trips
    }

    @Test("a GAL file declaring no units is refused; an id with a quote before a combining mark round-trips")
    func regressions() throws {
        let inputs = try Self.regressions()
        #expect(inputs.map(\.name) == ["empty-gal-dense-round-trip", "quote-with-combining-mark"])
        // An empty GAL (its empty dense CSV could not be read back) is refused.
        #expect(try Self.replay(inputs[0].bytes) == nil)
        // An edge list whose id holds `"` + U+0596 (one Swift Character): the writer must double the quote byte.
        #expect(try Self.replay(inputs[1].bytes) == [.edges, .csv])
        #expect(try Self.replay(Array("\u{0}1\na 0\n".utf8)) == [.edges, .csv])
    }
}
