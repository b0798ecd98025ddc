import Covariance
import Estimation
import Foundation
import PanelData
import Testing
import TestSupport

/// Bad IV input ends in a typed error with a clear message, never a crash.
@Suite("2SLS bad input")
struct IVBadInputTests {
    func data(_ name: String) throws -> Dataset {
        try CSVReader.read(path: Repository.fixtureData("linearmodels", "\(name).csv"))
    }

    @Test("fewer instruments than endogenous regressors")
    func underidentified() throws {
        // The parser accepts the formula; the estimator checks the order condition before reading any data.
        let data = try data("iv_no_fe")
        do {
            _ = try InstrumentalVariablesEstimator.fit(FormulaParser.parse("y ~ x1 | d1 + d2 ~ z1"), data: data)
            Issue.record("expected an error")
        } catch let error as IVError {
            #expect(error == .underidentified(endogenous: ["d1", "d2"], instruments: ["z1"]))
            #expect(error.description.contains("underidentified"))
        }
    }

    @Test("an instrument collinear with the controls")
    func instrumentCollinearWithControls() throws {
        var data = try data("iv_no_fe")
        try data.add(.double("twice_x1", try data.doubles("x1").map { 2 * $0 - 1 }))
        #expect {
            _ = try InstrumentalVariablesEstimator.fit(FormulaParser.parse("y ~ x1 | d1 ~ z1 + twice_x1"), data: data)
        } throws: { error in
            guard case IVError.instrumentCollinear(let name, let reason)? = error as? IVError else { return false }
            return name == "twice_x1" && reason.contains("x1") && "\(error)".contains("instrument")
        }
    }

    @Test("an instrument collinear with the fixed effects")
    func instrumentCollinearWithFixedEffects() throws {
        var data = try data("iv_fe")
        try data.add(.double("trend", try data.doubles("year").map { 0.5 * $0 }))
        #expect {
            _ = try InstrumentalVariablesEstimator.fit(FormulaParser.parse("y ~ x | unit + year | d ~ z1 + trend"), data: data)
        } throws: { error in
            guard case IVError.instrumentCollinear(let name, let reason)? = error as? IVError else { return false }
            return name == "trend" && reason.contains("fixed effects")
        }
    }

    @Test("an endogenous regressor that is also exogenous is rejected")
    func endogenousAlsoExogenous() throws {
        #expect(throws: (any Error).self) { _ = try FormulaParser.parse("y ~ d1 + x1 | d1 ~ z1") }
        let formula = try FormulaParser.parse("y ~ x1 + x2")
        #expect(throws: IVError.notInstrumental(formula: "y ~ x1 + x2")) {
            _ = try InstrumentalVariablesEstimator.fit(formula, data: try data("iv_no_fe"))
        }
    }

    @Test("exact identification: no overidentification test, β equals the indirect least squares ratio")
    func exactlyIdentified() throws {
        let result = try InstrumentalVariablesEstimator.fit(
            FormulaParser.parse("y ~ x1 | d1 ~ z1"), data: try data("iv_no_fe"), options: .init(vcov: .heteroskedastic))
        #expect(result.diagnostics.sargan == nil && result.diagnostics.hansenJ == nil)
        #expect(result.secondStage.coefficientNames == ["(Intercept)", "x1", "d1"])
        #expect(result.firstStages.first?.instrumentNames == ["z1"])
    }
}

/// Issue 10: a singular diagnostic must not cost the estimate.
@Suite("2SLS with a singular diagnostic")
struct IVSingularDiagnosticTests {
    @Test("fewer clusters than instruments: the first-stage F and Hansen J are undefined, the estimate is kept with warnings")
    func singularWaldKeepsEstimate() throws {
        var data = try CSVReader.read(
            path: Repository.fixtureData("linearmodels", "iv_no_fe.csv"))
        // Two clusters: a clustered covariance has rank G − 1 = 1, so the 2 × 2 block of the instruments is singular.
        try data.add(.int("half", (0..<data.rowCount).map { $0 < data.rowCount / 2 ? 1 : 2 }))
        let formula = try FormulaParser.parse("y ~ x1 | d1 ~ z1 + z2")
        let clustered = try InstrumentalVariablesEstimator.fit(formula, data: data, options: EstimationOptions(vcov: .cluster(["half"])))
        let iid = try InstrumentalVariablesEstimator.fit(formula, data: data, options: EstimationOptions(vcov: .iid))
        // The point estimate does not depend on the covariance.
        for (a, b) in zip(clustered.coefficients, iid.coefficients) { #expect(abs(a - b) <= 1e-12 * max(1, abs(b))) }
        #expect(clustered.firstStages[0].fStatistic.statistic.isNaN)
        #expect(clustered.diagnostics.hansenJ == nil)
        // Kleibergen–Paap's Ω (2 × 2 here) has the same rank problem: left out rather than a huge number.
        #expect(clustered.diagnostics.kleibergenPaapWaldF == nil)
        let warnings = clustered.secondStage.warnings
        #expect(warnings.contains { $0.contains("first-stage F of d1 is undefined") && $0.contains("2 clusters") })
        #expect(warnings.contains { $0.contains("Hansen's J is undefined") })
        #expect(iid.secondStage.warnings.isEmpty && iid.firstStages[0].fStatistic.statistic.isFinite)
    }
}
