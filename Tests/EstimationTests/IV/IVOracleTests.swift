import Covariance
import Estimation
import Foundation
import PanelData
import Testing
import TestSupport

/// 2SLS against linearmodels (no FE; FE diagnostics via explicit dummies) and pyfixest (FE), fixtures written by
/// validation/iv_oracles.py: coefficients to 1e-8, standard errors to 1e-6, diagnostics to 1e-6 (relative).
@Suite("2SLS against linearmodels and pyfixest")
struct IVOracleTests {
    /// The fixture `Tests/Fixtures/<oracle>/<name>.json` and the data set its `csv` key names.
    static func load(_ oracle: String, _ name: String) throws -> ([String: Any], Dataset) {
        let fixture = try OracleFixture(oracle: oracle, name: name)
        return (fixture.object, try CSVReader.read(path: fixture.csvPath()))
    }

    static func vcov(_ text: String) -> VcovType {
        if text == "iid" { return .iid }
        if text == "hetero" { return .heteroskedastic }
        return .cluster([String(text.dropFirst("CRV1:".count))])
    }

    static func fit(_ formula: String, _ data: Dataset, _ vcov: VcovType) throws -> IVResult {
        var options = EstimationOptions(vcov: vcov)
        options.demeaning.tolerance = 1e-13
        return try InstrumentalVariablesEstimator.fit(FormulaParser.parse(formula), data: data, options: options)
    }

    static func close(_ a: Double, _ b: Double, _ tolerance: Double) -> Bool {
        PyfixestOracleTests.relative(a, b) < tolerance
    }

    @Test("linearmodels IV2SLS without FE: every cov_type, debiased and not")
    func linearmodelsNoFixedEffects() throws {
        let (fixture, data) = try Self.load("linearmodels", "iv_no_fe")
        let cases = try #require(fixture["cases"] as? [[String: Any]])
        #expect(cases.count == 12)
        for entry in cases {
            let label = try #require(entry["label"] as? String)
            let vcov = Self.vcov(try #require(entry["vcov"] as? String))
            let result = try Self.fit(try #require(entry["formula"] as? String), data, vcov)
            let debiased = try #require(entry["debiased"] as? Bool)
            let covariance = result.secondStage.covariance
            let n = Double(result.secondStage.observationCount), k = Double(covariance.parameterCount)
            // linearmodels without debiasing: s² = RSS/n (iid), HC0, clustered without factor.
            let scale = debiased ? 1 : (vcov == .iid ? ((n - k) / n).squareRoot() : 1 / covariance.smallSampleFactor.squareRoot())
            let coefficients = try #require(entry["coefficients"] as? [String: Double])
            let errors = try #require(entry["standard_errors"] as? [String: Double])
            for (name, value) in coefficients {
                let ours = name == "const" ? "(Intercept)" : name
                #expect(Self.close(try #require(result.coefficient(ours)), value, 1e-8), "\(label): β \(name)")
                let se = try #require(result.standardError(ours)) * scale
                #expect(Self.close(se, try #require(errors[name]), 1e-6), "\(label): SE \(name) \(se) vs \(errors[name] ?? .nan)")
            }
            #expect(result.secondStage.observationCount == entry["nobs"] as? Int)
        }
    }

    @Test("pyfixest feols IV with unit + year FE: β, SE, first-stage F and coefficients")
    func pyfixestFixedEffects() throws {
        let (fixture, data) = try Self.load("pyfixest", "iv_fe")
        let cases = try #require(fixture["cases"] as? [[String: Any]])
        #expect(cases.count == 3)
        for entry in cases {
            let vcovText = try #require(entry["vcov"] as? String)
            let result = try Self.fit(try #require(entry["formula"] as? String), data, Self.vcov(vcovText))
            let label = "iv_fe [\(vcovText)]"
            #expect(result.secondStage.coefficientNames == (entry["coefficient_names"] as? [String]), "\(label)")
            let coefficients = try #require(entry["coefficients"] as? [String: Double])
            let errors = try #require(entry["standard_errors"] as? [String: Double])
            for (name, value) in coefficients {
                #expect(Self.close(try #require(result.coefficient(name)), value, 1e-8), "\(label): β \(name)")
                #expect(Self.close(try #require(result.standardError(name)), try #require(errors[name]), 1e-6), "\(label): SE \(name)")
            }
            #expect(result.secondStage.observationCount == entry["nobs"] as? Int, "\(label): N")
            #expect(result.secondStage.droppedSingletons == 1 && result.secondStage.droppedMissing == 3, "\(label): sample")
            #expect(result.secondStage.covariance.parameterCount == entry["df_k"] as? Int, "\(label): K")
            #expect(Double(result.secondStage.covariance.tDegreesOfFreedom) == entry["df_t"] as? Double, "\(label): t df")
            let first = try #require(result.firstStages.first)
            #expect(Self.close(first.fStatistic.statistic, try #require(entry["first_stage_f"] as? Double), 1e-6), "\(label): F1")
            for (name, value) in try #require(entry["first_stage_coefficients"] as? [String: Double]) {
                #expect(Self.close(try #require(first.regression.coefficient(name)), value, 1e-8), "\(label): π \(name)")
            }
        }
    }

    /// Diagnostics of one formula against a linearmodels diagnostics block.
    func checkDiagnostics(_ formula: String, _ expected: [String: Any], data: Dataset, cluster: String) throws {
        let iid = try Self.fit(formula, data, .iid)
        let stat = { (key: String) throws -> Double in
            let block = try #require(expected[key] as? [String: Any])
            return try #require(block["stat"] as? Double)
        }
        let d = iid.diagnostics
        #expect(Self.close(try #require(d.sargan).statistic, try stat("sargan"), 1e-6), "\(formula): Sargan")
        #expect(Self.close(d.durbin.statistic, try stat("durbin"), 1e-6), "\(formula): Durbin")
        #expect(Self.close(d.wuHausman.statistic, try stat("wu_hausman"), 1e-6), "\(formula): Wu–Hausman")
        #expect(Self.close(d.controlFunctionF.statistic, d.wuHausman.statistic, 1e-8), "\(formula): iid control function = Wu–Hausman")
        #expect(Self.close(d.craggDonaldF, try #require(expected["cragg_donald_f"] as? Double), 1e-6), "\(formula): Cragg–Donald")
        #expect(d.hansenJ == nil)
        let robust = try Self.fit(formula, data, .heteroskedastic)
        #expect(Self.close(try #require(robust.diagnostics.hansenJ).statistic, try stat("hansen_j_robust"), 1e-6), "\(formula): J robust")
        let clustered = try Self.fit(formula, data, .cluster([cluster]))
        #expect(Self.close(try #require(clustered.diagnostics.hansenJ).statistic, try stat("hansen_j_cluster"), 1e-6), "\(formula): J cluster")
        let firstStages = try #require(expected["first_stage"] as? [String: [String: Any]])
        for first in iid.firstStages {
            let theirs = try #require(firstStages[first.endogenous])
            #expect(Self.close(first.partialRSquared, try #require(theirs["partial_rsquared"] as? Double), 1e-6), "\(formula): partial R²")
            for (name, value) in try #require(theirs["coefficients"] as? [String: Double]) {
                #expect(Self.close(try #require(first.regression.coefficient(name)), value, 1e-8), "\(formula): π \(name)")
            }
        }
        if iid.firstStages.count == 1, let first = iid.firstStages.first {
            #expect(Self.close(d.craggDonaldF, first.fStatistic.statistic, 1e-8), "\(formula): CD = iid first-stage F")
        }
        guard let fStatistics = expected["first_stage_f"] as? [String: [String: Double]] else { return }
        for (vcov, result) in [("iid", iid), ("hetero", robust), ("CRV1:\(cluster)", clustered)] {
            for first in result.firstStages {
                let value = try #require(fStatistics[first.endogenous]?[vcov])
                #expect(Self.close(first.fStatistic.statistic, value, 1e-6), "\(formula): first-stage F \(vcov)")
            }
        }
        // With one endogenous regressor, the Kleibergen–Paap rk Wald F equals the robust first-stage F.
        if robust.firstStages.count == 1, let kp = expected["kleibergen_paap_f_robust"] as? Double, let first = robust.firstStages.first {
            #expect(Self.close(first.fStatistic.statistic, kp, 1e-6), "\(formula): KP rk Wald F = robust first-stage F")
        }
    }

    @Test("diagnostics without FE against linearmodels")
    func diagnosticsNoFixedEffects() throws {
        let (fixture, data) = try Self.load("linearmodels", "iv_no_fe")
        let diagnostics = try #require(fixture["diagnostics"] as? [String: [String: Any]])
        #expect(diagnostics.count == 2)
        for (formula, expected) in diagnostics { try checkDiagnostics(formula, expected, data: data, cluster: "g") }
    }

    @Test("diagnostics with unit + year FE against linearmodels on dummies")
    func diagnosticsFixedEffects() throws {
        let (fixture, data) = try Self.load("linearmodels", "iv_fe_dummies")
        let formula = try #require(fixture["formula"] as? String)
        let result = try Self.fit(formula, data, .iid)
        #expect(result.secondStage.observationCount == fixture["nobs"] as? Int)
        for (name, value) in try #require(fixture["coefficients"] as? [String: Double]) {
            #expect(Self.close(try #require(result.coefficient(name)), value, 1e-8), "β \(name)")
        }
        try checkDiagnostics(formula, try #require(fixture["diagnostics"] as? [String: Any]), data: data, cluster: "unit")
    }
}
