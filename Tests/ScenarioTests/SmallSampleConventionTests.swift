import Foundation
import Scenario
import Testing
import TestSupport

/// `hetfirm estimate --ssc asymptotic`: the convention reaches the estimator and is printed.
@Suite("hetfirm estimate --ssc")
struct SmallSampleConventionTests {
    static let dataPath = Repository.fixtureData("linearmodels", "iv_no_fe.csv")

    static func run(_ ssc: String, output: EstimationOutput = .text) throws -> EstimationReport {
        try DataEstimation.run(dataPath: dataPath, formulas: ["y ~ x1 + x2 | d1 ~ z1 + z2"], vcov: "hc1", fixedEffects: false,
                               output: output, smallSample: ssc)
    }

    @Test("asymptotic: HC0 standard errors, z inference, and the convention named in summary and table")
    func asymptoticIsPrinted() throws {
        let asymptotic = try Self.run("asymptotic"), finite = try Self.run("finite-sample")
        let a = try #require(asymptotic.results.first), f = try #require(finite.results.first)
        let n = Double(a.observationCount), k = Double(a.coefficients.count)
        #expect(a.coefficients == f.coefficients)
        for (x, y) in zip(a.standardErrors, f.standardErrors) {
            #expect(abs(x / y - ((n - k) / n).squareRoot()) < 1e-12, "HC0 = HC1 · √((n − K)/n)")
        }
        #expect(asymptotic.text.contains("Small-sample convention: asymptotic (no small-sample factors, z inference)"))
        #expect(asymptotic.text.contains("Pr(>|z|)") && asymptotic.text.contains("normal (z) inference"))
        #expect(finite.text.contains("Small-sample convention: finite-sample") && finite.text.contains("Pr(>|t|)"))
        let table = try Self.run("asymptotic", output: .markdown).text
        #expect(table.contains("| Small-sample") && table.contains("asymptotic"), "\(table)")
        #expect(!(try Self.run("finite-sample", output: .markdown).text.contains("Small-sample")))
    }

    @Test("an unknown convention is bad input naming the choices")
    func unknownConvention() {
        #expect(throws: InvalidInput.self) { try Self.run("small") }
        do { _ = try Self.run("small") } catch {
            #expect("\(error)".contains("finite-sample or asymptotic"))
        }
    }
}
