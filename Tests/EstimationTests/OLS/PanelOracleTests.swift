import Covariance
import Estimation
import Foundation
import PanelData
import Testing
import TestSupport

/// validation/pyfixest_panel.py: panel operators (pyfixest fitted on lag columns built by exact
/// (firm, year − k) matching), analytic weights and panel Newey–West / Driscoll–Kraay, on an unbalanced
/// panel without gaps and on one with gaps. Coefficients to 1e-8, standard errors to 1e-6 relative.
@Suite("Panel operators, weights and panel HAC against pyfixest")
struct PanelOracleTests {
    static let fixtures = ["panel_unbalanced", "panel_gaps"]

    static func relative(_ a: Double, _ b: Double) -> Double { abs(a - b) / max(abs(b), 1e-300) }

    /// The fixture's `vcov` text: iid, hc1, cluster=NAME, nw[=L], dk[=L].
    static func vcov(_ text: String) throws -> VcovType {
        let parts = text.split(separator: "=").map(String.init)
        switch parts[0] {
        case "iid": return .iid
        case "hc1": return .heteroskedastic
        case "cluster": return .cluster([parts[1]])
        case "nw": return .neweyWest(lags: parts.count > 1 ? Int(parts[1]) : nil)
        case "dk": return .driscollKraay(lags: parts.count > 1 ? Int(parts[1]) : nil)
        default: throw FixtureError("unknown vcov \(text)")
        }
    }

    @Test("every case", arguments: fixtures)
    func fixture(_ name: String) throws {
        let fixture = try OracleFixture(oracle: "pyfixest", name: name)
        let data = try CSVReader.read(path: fixture.csvPath())
        let cases = try fixture.cases()
        #expect(cases.count == 52)
        for entry in cases { try check(entry, data: data, fixture: name) }
    }

    func check(_ entry: [String: Any], data: Dataset, fixture: String) throws {
        let formula = try #require(entry["formula"] as? String)
        let vcovText = try #require(entry["vcov"] as? String)
        let kind = try #require(entry["kind"] as? String)
        var options = EstimationOptions(vcov: try Self.vcov(vcovText))
        options.demeaning.tolerance = 1e-13
        options.removeSingletons = false
        options.panel = PanelDeclaration(unit: "firm", time: "year")
        options.weights = entry["weights"] as? String
        let label = "\(fixture) \(kind): \(formula) [\(vcovText)]"
        let parsed = try FormulaParser.parse(formula)
        let result = parsed.instrumentSpecification == nil
            ? try FixedEffectsOLS.fit(parsed, data: data, options: options)
            : try InstrumentalVariablesEstimator.fit(parsed, data: data, options: options).secondStage

        let theirNames = try #require(entry["coefficient_names"] as? [String])
        let coefficients = try #require(entry["coefficients"] as? [String: Double])
        let pyfixestErrors = try #require(entry["standard_errors"] as? [String: Double])
        let matchesReference = entry["pyfixest_matches_reference"] as? Bool ?? true
        let errors = kind == "hac" ? try #require(entry["reference_standard_errors"] as? [String: Double]) : pyfixestErrors
        // Same regressors in the same order; pyfixest's names are those of the built columns.
        #expect(result.coefficientNames.count == theirNames.count, "\(label): \(result.coefficientNames) vs \(theirNames)")
        for (position, theirs) in theirNames.enumerated() where position < result.coefficients.count {
            let beta = result.coefficients[position], se = result.standardErrors[position]
            let expected = try #require(coefficients[theirs])
            #expect(Self.relative(beta, expected) < 1e-8, "\(label): β \(theirs) \(beta) vs \(expected)")
            let expectedSE = try #require(errors[theirs])
            #expect(Self.relative(se, expectedSE) < 1e-6, "\(label): SE \(theirs) \(se) vs \(expectedSE)")
            if matchesReference, let pyfixest = pyfixestErrors[theirs] {
                #expect(Self.relative(se, pyfixest) < 1e-6, "\(label): SE \(theirs) \(se) vs pyfixest \(pyfixest)")
            }
        }
        #expect(result.observationCount == entry["nobs"] as? Int, "\(label): N")
        if let dfT = entry["df_t"] as? Double { #expect(Double(result.covariance.tDegreesOfFreedom) == dfT, "\(label): t df") }
        if kind == "hac", let lags = entry["lags_used"] as? Int {
            let reported = result.covariance.type
            #expect(reported == .neweyWest(lags: lags) || reported == .driscollKraay(lags: lags), "\(label): \(reported)")
        }
    }

    /// The coefficient names hetfirm gives the panel operators.
    @Test func operatorNames() throws {
        let fixture = try OracleFixture(oracle: "pyfixest", name: "panel_unbalanced")
        let data = try CSVReader.read(path: fixture.csvPath())
        var options = EstimationOptions(vcov: .iid)
        options.panel = PanelDeclaration(unit: "firm", time: "year")
        let result = try FixedEffectsOLS.fit(FormulaParser.parse("d(y) ~ l(x1, 0:2) + f(x2) + l(log(ypos), 1) + d(x2, 2)"),
                                             data: data, options: options)
        #expect(result.coefficientNames == ["(Intercept)", "l(x1, 0)", "l(x1, 1)", "l(x1, 2)", "f(x2, 1)", "l(log(ypos), 1)", "d(x2, 2)"])
        #expect(result.dependent == "d(y)")
    }
}
