import Estimation
import Foundation
import Scenario
import Testing

/// Issue 10: `hetfirm estimate --json` failed with EncodingError whenever a statistic was NaN or infinite.
@Suite("hetfirm estimate --json with non-finite statistics")
struct EstimateJSONOutputTests {
    static let grunfeld = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/pyfixest/data/grunfeld.csv").path

    @Test("inv ~ 1, a y the fixed effects absorb (year ~ value | year), and several models: JSON is written",
          arguments: [["inv ~ 1"], ["year ~ value | year"], ["inv ~ 1", "inv ~ value | firm"]])
    func written(_ formulas: [String]) throws {
        let report = try DataEstimation.run(dataPath: Self.grunfeld, formulas: formulas, vcov: "iid", fixedEffects: false,
                                            output: .json)
        let parsed = try JSONSerialization.jsonObject(with: Data(report.text.utf8))
        let single = parsed as? [String: Any]
        let objects = try #require((parsed as? [[String: Any]]) ?? single.map { [$0] })
        #expect(objects.count == formulas.count)
        #expect(objects[0]["fStatistic"] is NSNull)
        #expect((objects[0]["nonFinite"] as? [[String: String]])?.contains { $0["path"] == "/fStatistic" } == true)
        #expect(objects.allSatisfy { $0["standardErrors"] is [Any] && $0["pValues"] is [Any] })
    }
}
