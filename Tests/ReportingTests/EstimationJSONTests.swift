import Covariance
import Estimation
import Foundation
import PanelData
import Reporting
import Testing

/// `hetfirm estimate --json` (issue 10): always valid JSON, non-finite numbers as null with a reason, se/t/p included.
@Suite("estimation JSON")
struct EstimationJSONTests {
    static func data() throws -> Dataset {
        let x: [Double] = [1, 2, 3, 5, 4, 7, 6, 8]
        return try Dataset(columns: [
            .double("x", x), .double("constant", [Double](repeating: 2.5, count: x.count)),
            .double("y", x.enumerated().map { 1 + 0.5 * $1 + ($0 % 2 == 0 ? 0.3 : -0.2) }),
            .double("z", x.enumerated().map { $1 + ($0 % 3 == 0 ? 1 : -0.5) }),
        ])
    }

    static func object(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test("a constant y: NaN statistics are null, each listed with its JSON pointer and reason")
    func constantDependent() throws {
        let result = try FixedEffectsOLS.fit(FormulaParser.parse("constant ~ x"), data: try Self.data(),
                                             options: EstimationOptions(vcov: .iid))
        #expect(result.fStatistic.isNaN && result.rSquared.isNaN)
        let json = try Self.object(try EstimationJSON.text(results: [result], instrumental: [nil]))
        #expect(json["fStatistic"] is NSNull && json["rSquared"] is NSNull)
        let nonFinite = try #require(json["nonFinite"] as? [[String: String]])
        let byPath = Dictionary(nonFinite.map { ($0["path"] ?? "", $0) }, uniquingKeysWith: { first, _ in first })
        #expect(byPath["/fStatistic"]?["value"] == "NaN")
        #expect(byPath["/fStatistic"]?["reason"]?.contains("perfect fit") == true)
        #expect(byPath["/rSquared"]?["reason"]?.contains("constant") == true)
        #expect(byPath["/tStatistics/1"]?["reason"]?.contains("standard error is 0") == true)
        // Every null in the document is accounted for.
        #expect(nonFinite.allSatisfy { !($0["reason"] ?? "").isEmpty })
    }

    @Test("standard errors, t and p values sit beside the coefficients and equal the result's")
    func inference() throws {
        let result = try FixedEffectsOLS.fit(FormulaParser.parse("y ~ x"), data: try Self.data(),
                                             options: EstimationOptions(vcov: .heteroskedastic))
        let text = try EstimationJSON.text(results: [result], instrumental: [nil])
        // JSONDecoder reads the numbers exactly (Foundation's JSONSerialization rounds the last digit on Linux).
        struct Inference: Decodable { let coefficients, standardErrors, tStatistics, pValues: [Double]; let nonFinite: [String] }
        let json = try JSONDecoder().decode(Inference.self, from: Data(text.utf8))
        #expect(json.standardErrors == result.standardErrors)
        #expect(json.tStatistics == result.tStatistics)
        #expect(json.pValues == result.pValues)
        #expect(json.coefficients == result.coefficients)
        #expect(json.nonFinite.isEmpty)
    }

    @Test("several models give an array; a 2SLS model carries se/t/p in its second and first stages")
    func severalAndInstrumental() throws {
        let data = try Self.data()
        let ols = try FixedEffectsOLS.fit(FormulaParser.parse("constant ~ 1"), data: data, options: EstimationOptions(vcov: .iid))
        let iv = try InstrumentalVariablesEstimator.fit(FormulaParser.parse("y ~ 1 | x ~ z"), data: data,
                                                        options: EstimationOptions(vcov: .iid))
        let text = try EstimationJSON.text(results: [ols, iv.secondStage], instrumental: [nil, iv])
        let array = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
        #expect(array.count == 2)
        #expect((array[0]["nonFinite"] as? [[String: String]])?.contains { $0["path"] == "/fStatistic" } == true)
        let second = try #require(array[1]["secondStage"] as? [String: Any])
        #expect((second["standardErrors"] as? [Double])?.count == iv.standardErrors.count)
        let first = try #require((array[1]["firstStages"] as? [[String: Any]])?.first?["regression"] as? [String: Any])
        #expect((first["pValues"] as? [Double])?.count == iv.firstStages[0].regression.coefficients.count)
    }
}
