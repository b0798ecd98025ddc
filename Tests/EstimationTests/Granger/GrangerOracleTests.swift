import Estimation
import Foundation
import PanelData
import Testing
import TestSupport

/// The Dumitrescu–Hurlin test against R's plm::pgrangertest (validation/plm_granger.R): W̄, Z̄, Z̃ and
/// every unit's Wald statistic to 1e-8 relative, p-values to 1e-8 relative, the units kept and dropped.
@Suite("Granger against plm")
struct GrangerOracleTests {
    static func relative(_ a: Double, _ b: Double) -> Double { abs(a - b) / max(abs(b), 1e-300) }

    @Test("pgrangertest cases (K = 1, 2, 3; causal and non-causal)", arguments: ["balanced", "unbalanced", "irregular"])
    func fixture(_ name: String) throws {
        let fixture = try OracleFixture(oracle: "plm", name: "granger_\(name)")
        let data = try CSVReader.read(path: fixture.csvPath())
        let cases = try fixture.cases()
        #expect(cases.count == 6)
        for entry in cases {
            let effect = try #require(entry["effect"] as? String), lags = try #require(entry["lags"] as? Int)
            let label = "\(name) \(effect) K=\(lags)"
            let result = try DumitrescuHurlin.test(data, unit: "firm", time: "year", effect: effect, cause: "x",
                                                   options: GrangerOptions(lags: lags))
            #expect(result.lags == lags)
            #expect(result.units.map(\.unit) == (try #require(entry["unit_names"] as? [String])), "\(label)")
            #expect(result.droppedUnits.map(\.unit) == (try #require(entry["dropped_units"] as? [String])), "\(label)")
            #expect(result.units.map(\.observations) == (try #require(entry["unit_observations"] as? [Int])), "\(label)")
            let wald = try #require(entry["unit_wald"] as? [Double]), pValues = try #require(entry["unit_p_values"] as? [Double])
            for (unit, (expected, expectedP)) in zip(result.units, zip(wald, pValues)) {
                #expect(Self.relative(unit.wald, expected) < 1e-8, "\(label) W_i \(unit.unit): \(unit.wald) vs \(expected)")
                #expect(Self.relative(unit.pValue, expectedP) < 1e-8, "\(label) p_i \(unit.unit)")
            }
            #expect(Self.relative(result.averageWald, try #require(entry["wbar"] as? Double)) < 1e-8, "\(label) W-bar")
            let zBar = try #require(entry["zbar"] as? [String: Any])
            #expect(Self.relative(result.zBar, try #require(zBar["value"] as? Double)) < 1e-8, "\(label) Z-bar")
            #expect(Self.relative(result.zBarPValue, try #require(zBar["p_value"] as? Double)) < 1e-8, "\(label) Z-bar p")
            if let zTilde = entry["ztilde"] as? [String: Any] {
                let value = try #require(result.zTilde, "\(label): \(result.zTildeUnavailable ?? "")")
                #expect(Self.relative(value, try #require(zTilde["value"] as? Double)) < 1e-8, "\(label) Z-tilde")
                #expect(Self.relative(try #require(result.zTildePValue), try #require(zTilde["p_value"] as? Double)) < 1e-8,
                        "\(label) Z-tilde p")
            } else {
                #expect(result.zTilde == nil && result.zTildePValue == nil, "\(label): plm has no Z-tilde")
                #expect(result.zTildeUnavailable?.contains("'R09' with \(12 - lags)") == true, "\(label)")
            }
        }
    }

    @Test("Across a missing year the lags differ from plm's positional ones, which the fixture records")
    func positionalLagsDiffer() throws {
        let fixture = try OracleFixture(oracle: "plm", name: "granger_irregular")
        let data = try CSVReader.read(path: fixture.csvPath())
        let entry = try #require(try fixture.cases().first)
        let result = try DumitrescuHurlin.test(data, unit: "firm", time: "year", effect: "y_cause", cause: "x",
                                               options: GrangerOptions(lags: 1))
        let positional = try #require(entry["plm_positional"] as? [String: Any])
        let plmWald = try #require(positional["unit_wald"] as? [Double])
        let names = try #require(entry["unit_names"] as? [String])
        for (index, unit) in result.units.enumerated() {
            let same = Self.relative(unit.wald, plmWald[index]) < 1e-8
            // R06 (a missing year) and R11 (a missing y) are the only series plm lags across a hole.
            #expect(same == !["R06", "R11"].contains(names[index]), "\(unit.unit)")
        }
        let r06 = try #require(result.units.first { $0.unit == "R06" })
        #expect(r06.gaps == 1 && r06.periods == 19 && r06.observations == 17)
        #expect(result.droppedUnits.map(\.reason) == [.tooFewObservations, .collinearRegressors])
    }

    @Test("Lag selection by AIC and BIC: R's mean criteria and the chosen order")
    func lagSelection() throws {
        let fixture = try OracleFixture(oracle: "plm", name: "granger_balanced")
        let data = try CSVReader.read(path: fixture.csvPath())
        let cases = try #require(fixture["lag_selection"] as? [[String: Any]])
        #expect(cases.count == 4)
        var chosen = Set<Int>()
        for entry in cases {
            let effect = try #require(entry["effect"] as? String)
            let criterionName = try #require(entry["criterion"] as? String)
            let criterion = try #require(InformationCriterion(rawValue: criterionName))
            let maximum = try #require(entry["maximum_lags"] as? Int)
            let options = GrangerOptions(lags: 1, lagSelection: .informationCriterion(criterion, maximumLags: maximum))
            let result = try DumitrescuHurlin.test(data, unit: "firm", time: "year", effect: effect, cause: "x", options: options)
            let report = try #require(result.lagSelection)
            let expected = try #require(entry["mean_criterion"] as? [Double])
            #expect(report.meanCriterion.count == expected.count)
            for (value, reference) in zip(report.meanCriterion, expected) {
                #expect(Self.relative(value, reference) < 1e-10, "\(effect) \(criterion): \(value) vs \(reference)")
            }
            #expect(result.lags == (try #require(entry["chosen_lags"] as? Int)), "\(effect) \(criterion)")
            #expect(report.unitCount == 40 && report.observations == 40 * (25 - maximum))
            // The test then runs with the chosen order exactly as with lags = K.
            let fixed = try DumitrescuHurlin.test(data, unit: "firm", time: "year", effect: effect, cause: "x",
                                                  options: GrangerOptions(lags: result.lags))
            #expect(fixed.averageWald == result.averageWald && fixed.units == result.units)
            chosen.insert(result.lags)
        }
        #expect(chosen == [1, 2], "the fixture exercises a choice other than K = 1")
    }
}
