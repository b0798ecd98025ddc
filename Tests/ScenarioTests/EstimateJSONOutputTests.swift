import Estimation
import Foundation
import Scenario
import Testing
import TestSupport

/// Issue 10: `hetfirm estimate --json` failed with EncodingError whenever a statistic was NaN or infinite.
@Suite("hetfirm estimate --json with non-finite statistics")
struct EstimateJSONOutputTests {
    static let grunfeld = Repository.fixtureData("pyfixest", "grunfeld.csv")

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

    @Test("2SLS with fewer clusters than instruments: estimate kept, warnings (exit 3), the undefined F listed in nonFinite")
    func instrumentalSingularWald() throws {
        var lines = ["y,x,d,z1,z2,g"]
        for i in 0..<40 {
            let t = Double(i)
            let z1 = sin(1.3 * t), z2 = cos(0.7 * t), x = sin(0.4 * t + 1), noise = sin(2.9 * t + 0.5)
            let d = z1 + 0.5 * z2 + 0.6 * noise
            lines.append("\(1 + 0.5 * x + d + noise + 0.3 * cos(3.1 * t)),\(x),\(d),\(z1),\(z2),\(i < 20 ? 1 : 2)")
        }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("hetfirm-iv-\(UUID().uuidString).csv")
        try lines.joined(separator: "\n").write(to: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: path) }
        let report = try DataEstimation.run(dataPath: path.path, formulas: ["y ~ x | d ~ z1 + z2"], vcov: "cluster=g",
                                            fixedEffects: false, output: .json)
        #expect(report.warnings.contains { $0.contains("first-stage F of d is undefined") })
        #expect(report.results.first?.coefficients.allSatisfy(\.isFinite) == true)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(report.text.utf8)) as? [String: Any])
        let nonFinite = try #require(json["nonFinite"] as? [[String: String]])
        #expect(nonFinite.contains { $0["path"] == "/firstStages/0/fStatistic/statistic" && ($0["reason"] ?? "").contains("singular") })
    }
}
