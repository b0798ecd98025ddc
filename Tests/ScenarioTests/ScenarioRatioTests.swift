import Estimation
import Foundation
import MonteCarlo
import PanelData
@testable import Pipelines
import Spatial
import Testing
import TestSupport
@testable import Scenario

/// `[[estimate]] ratio = { name, numerator, denominator }`: β_num/β_den with its delta-method standard
/// error (paper 000's α3/α1, eq. 26) in the OLS/IV, FMOLS and spatial blocks: decoding and the resolved
/// scenario, located errors, and for each block kind the ratio of the same fit's coefficients with √(g′Vg)
/// computed here from the fit's covariance.
@Suite("scenario [[estimate]] ratio", .serialized)
struct ScenarioRatioTests {
    // ScenarioFMOLSTests.scenario puts [[estimate]] on line 11; this block's keys are on lines 12–16.
    static let block = """
        name = "emp"
        formula = "log(employment) ~ log(phi0) + I"
        vcov = "hetero"
        ratio = { name = "accel", numerator = "I", denominator = "log(phi0)" }
        recover = { "log(phi0)" = "truth.sigma_minus_one", accel = "0.5" }
        """

    static let fmolsBlock = """
        name = "fm"
        method = "fmols"
        formula = "log(employment) ~ log(phi0) + I"
        panel = ["firm", "year"]
        ratio = { name = "accel", numerator = "I", denominator = "log(phi0)" }
        recover = { accel = "0.5" }
        """

    /// √(g′Vg), g = (1/β_den, −β_num/β_den²), written out from the 2 × 2 covariance.
    static func deltaMethod(_ numerator: Double, _ denominator: Double, _ vNumerator: Double, _ vDenominator: Double,
                            _ covariance: Double) -> Double {
        let gNumerator = 1 / denominator, gDenominator = -numerator / (denominator * denominator)
        return (gNumerator * gNumerator * vNumerator + 2 * gNumerator * gDenominator * covariance
                + gDenominator * gDenominator * vDenominator).squareRoot()
    }

    static func relative(_ a: Double, _ b: Double) -> Double { abs(a - b) / max(abs(b), 1e-300) }

    @Test("the key decodes to a CoefficientRatio, and the resolved scenario writes it back (OLS and FMOLS blocks)")
    func decodingAndRoundTrip() throws {
        for block in [Self.block, Self.fmolsBlock] {
            let scenario = try ScenarioLoader.parse(text: ScenarioFMOLSTests.scenario(block), fileName: "ratio.toml")
            let request = try #require(scenario.estimations.first)
            #expect(request.ratio == CoefficientRatio(name: "accel", numerator: "I", denominator: "log(phi0)"))
            #expect(request.ratioRecovery?.truth == .value(0.5, written: "0.5"))
            let resolved = ResolvedScenarioWriter.toml(scenario)
            #expect(resolved.contains("ratio = { name = \"accel\", numerator = \"I\", denominator = \"log(phi0)\" }"), "\(resolved)")
            // Read back (under the same file name, which the header records), it is the same request and the same text.
            let again = try ScenarioLoader.parse(text: resolved, fileName: "ratio.toml")
            #expect(again.estimations == scenario.estimations)
            #expect(ResolvedScenarioWriter.toml(again) == resolved)
        }
    }

    @Test("mistakes in a ratio are located errors before anything runs")
    func locatedErrors() throws {
        let cases: [(String, String, String, String, Int)] = [
            ("numerator = \"I\"", "numerator = \"log(phi)\"", "estimate[0].ratio.numerator", "did you mean 'log(phi0)'?", 15),
            ("denominator = \"log(phi0)\"", "denominator = \"I\"", "estimate[0].ratio.denominator", "divides 'I' by itself", 15),
            (", denominator = \"log(phi0)\"", "", "estimate[0].ratio", "ratio needs 'denominator'", 15),
            ("name = \"accel\", ", "", "estimate[0].ratio", "ratio needs 'name'", 15),
            ("numerator = \"I\"", "numerator = 1", "estimate[0].ratio.numerator", "must be a string", 15),
            ("name = \"accel\"", "name = \"\"", "estimate[0].ratio.name", "ratio's name is empty", 15),
            ("ratio = { name = \"accel\", numerator = \"I\", denominator = \"log(phi0)\" }", "ratio = \"I/log(phi0)\"",
             "estimate[0].ratio", "must be an inline table", 15),
            (", accel = \"0.5\"", "", "estimate[0].ratio", "recover does not name it", 15),
            ("name = \"accel\"", "name = \"I\"", "estimate[0].ratio.name", "already the name of a coefficient", 15),
            ("accel = \"0.5\"", "accel = \"pseudo-true\"", "estimate[0].recover.accel", "not defined for the ratio", 16),
            ("accel = \"0.5\"", "accel = \"truth.nope\"", "estimate[0].recover.accel", "nope", 16),
            ("vcov = \"hetero\"", "method = \"gmm\"\npanel = [\"firm\", \"year\"]", "estimate[0].ratio",
             "ratio does not apply to method = \"gmm\"", 16),
        ]
        for (old, new, keyPath, message, line) in cases {
            let text = ScenarioFMOLSTests.scenario(Self.block.replacingOccurrences(of: old, with: new))
            do {
                _ = try ScenarioLoader.parse(text: text, fileName: "ratio.toml")
                Issue.record("accepted: \(new)")
            } catch {
                #expect(error.keyPath == keyPath, "\(new): \(error.description)")
                #expect(error.description.contains(message), "\(new): \(error.description)")
                #expect(error.location?.line == line, "\(new): \(error.description)")
            }
        }
        // FMOLS: the ratio's coefficients are slopes (the unit intercepts are not pooled).
        let fmols = ScenarioFMOLSTests.scenario(Self.fmolsBlock.replacingOccurrences(of: "numerator = \"I\"", with: "numerator = \"(Intercept)\""))
        let fmolsError = try #require(throws: ScenarioError.self) { try ScenarioLoader.parse(text: fmols, fileName: "ratio.toml") }
        #expect(fmolsError.keyPath == "estimate[0].ratio.numerator", "\(fmolsError.description)")
        #expect(fmolsError.message.contains("'(Intercept)' is not a coefficient"), "\(fmolsError.description)")
    }

    @Test("a spatial block's ratio names coefficients as recover does (regressors, W*x, rho), not impacts")
    func spatialErrors() throws {
        let folder = try ScenarioSpatialTests.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        func parse(_ ratio: String, recover: String = "r = \"1\"") throws -> Scenario {
            try ScenarioLoader.parse(text: ScenarioSpatialTests.scenario(ScenarioSpatialTests.block.replacingOccurrences(
                of: "recover = { rho = \"0\" }", with: "ratio = \(ratio)\nrecover = { rho = \"0\", \(recover) }")),
                fileName: folder + "/spatial.toml")
        }
        let accepted = try parse("{ name = \"r\", numerator = \"W*log(phi0)\", denominator = \"rho\" }")
        #expect(accepted.estimations.first?.ratio == CoefficientRatio(name: "r", numerator: "W*log(phi0)", denominator: "rho"))
        let impact = try #require(throws: ScenarioError.self) {
            try parse("{ name = \"r\", numerator = \"total(log(phi0))\", denominator = \"rho\" }")
        }
        #expect(impact.keyPath == "estimate[0].ratio.numerator", "\(impact.description)")
        #expect(impact.location?.line == 21, "\(impact.description)")
        let collision = try #require(throws: ScenarioError.self) {
            try parse("{ name = \"direct(log(phi0))\", numerator = \"W*log(phi0)\", denominator = \"rho\" }",
                      recover: "\"direct(log(phi0))\" = \"1\"")
        }
        #expect(collision.keyPath == "estimate[0].ratio.name", "\(collision.description)")
    }

    /// y = 0.8 x1 − 0.3 x1·x2 + 0.1 x3 + heteroskedastic noise, 300 rows of a fixed LCG.
    static func regressionData() throws -> Dataset {
        var state: UInt64 = 11
        func uniform() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) / 9007199254740992
        }
        var x1 = [Double](), x2 = [Double](), x3 = [Double](), y = [Double]()
        for _ in 0..<300 {
            let a = uniform() * 2, b = uniform() + 0.5 * a, c = uniform()
            x1.append(a)
            x2.append(b)
            x3.append(c)
            y.append(0.8 * a - 0.3 * a * b + 0.1 * c + (0.2 + a) * (uniform() - 0.5))
        }
        return try Dataset(columns: [.double("x1", x1), .double("x2", x2), .double("x3", x3), .double("y", y)])
    }

    @Test("OLS: every model with both coefficients reports β_num/β_den and √(g′Vg) from its covariance under the block's vcov")
    func olsBlock() throws {
        let data = try Self.regressionData()
        let request = EstimationRequest(name: "g", formula: "y ~ x1 + x1:x2 + sw(x2, x3)", vcov: .hetero,
                                        recover: [.init(coefficient: "acceleration", truth: .value(-0.4, written: "-0.4"))],
                                        ratio: CoefficientRatio(name: "acceleration", numerator: "x1:x2", denominator: "x1"))
        let block = try PreparedEstimation(request)
        // Only the ratio is recovered: the models are still fitted (onlyRecovered with keepFits = false).
        let outcome = try block.run(on: data, replication: 1, truth: { _ in nil }, keepFits: false)
        #expect(outcome.estimates.map(\.parameter) == ["g[1]: acceleration", "g[2]: acceleration"])
        for (index, second) in ["x2", "x3"].enumerated() {
            let result = try FixedEffectsOLS.fit(FormulaParser.parse("y ~ x1 + x1:x2 + \(second)"), data: data,
                                                 options: EstimationOptions(vcov: .heteroskedastic))
            let top = try #require(result.coefficientNames.firstIndex(of: "x1:x2"))
            let bottom = try #require(result.coefficientNames.firstIndex(of: "x1"))
            let v = result.covariance.matrix
            let estimate = outcome.estimates[index]
            #expect(estimate.estimate == result.coefficients[top] / result.coefficients[bottom])
            let expected = Self.deltaMethod(result.coefficients[top], result.coefficients[bottom], v[top, top], v[bottom, bottom], v[top, bottom])
            #expect(Self.relative(estimate.standardError, expected) < 1e-13, "\(estimate.standardError) vs \(expected)")
            #expect(estimate.truth == -0.4)
        }
        // Another vcov, another covariance: the ratio is the same, its standard error is not.
        let iid = try PreparedEstimation(EstimationRequest(name: "g", formula: request.formula, vcov: .iid, recover: request.recover,
                                                           ratio: request.ratio))
        let iidOutcome = try iid.run(on: data, replication: 1, truth: { _ in nil }, keepFits: false)
        #expect(iidOutcome.estimates[0].estimate == outcome.estimates[0].estimate)
        #expect(iidOutcome.estimates[0].standardError != outcome.estimates[0].standardError)
    }

    @Test("IV: the ratio of an exogenous and an endogenous coefficient uses the second stage's covariance")
    func ivBlock() throws {
        let data = try Self.regressionData()
        let request = EstimationRequest(name: "iv", method: .iv, formula: "y ~ x3 | x1 ~ x2", vcov: .hetero,
                                        recover: [.init(coefficient: "r", truth: .value(0.1, written: "0.1"))],
                                        ratio: CoefficientRatio(name: "r", numerator: "x3", denominator: "x1"))
        let outcome = try PreparedEstimation(request).run(on: data, replication: 0, truth: { _ in nil }, keepFits: false)
        let iv = try InstrumentalVariablesEstimator.fit(FormulaParser.parse(request.formula), data: data,
                                                        options: EstimationOptions(vcov: .heteroskedastic))
        let result = iv.secondStage
        let top = try #require(result.coefficientNames.firstIndex(of: "x3"))
        let bottom = try #require(result.coefficientNames.firstIndex(of: "x1"))
        let v = result.covariance.matrix
        let estimate = try #require(outcome.estimates.first { $0.parameter == "iv: r" })
        #expect(estimate.estimate == result.coefficients[top] / result.coefficients[bottom])
        let expected = Self.deltaMethod(result.coefficients[top], result.coefficients[bottom], v[top, top], v[bottom, bottom], v[top, bottom])
        #expect(Self.relative(estimate.standardError, expected) < 1e-13, "\(estimate.standardError) vs \(expected)")
    }

    /// Replications after the first fit only the models with a recovered estimate; a derived estimate (the ratio,
    /// a convergence speed) counts for the model it comes from.
    @Test("a block recovering only a derived estimate (convergence speed) fits its model in every replication")
    func derivedOnly() throws {
        let request = EstimationRequest(name: "g", formula: "y ~ x1 + x1:x2 + x2",
                                        recover: [.init(coefficient: ConvergenceSpecification.speedName, truth: .value(0.3, written: "0.3"))],
                                        convergence: ConvergenceSpecification(coefficient: "x1:x2"))
        let outcome = try PreparedEstimation(request).run(on: try Self.regressionData(), replication: 1, truth: { _ in nil }, keepFits: false)
        #expect(outcome.estimates.map(\.parameter) == ["g: speed"])
    }

    @Test("OLS: a denominator of 0 fails the block with a message, not an infinite ratio")
    func zeroDenominator() throws {
        // x1 = ∓1 within pairs whose y and x2 are equal: x1 is orthogonal to 1, x2 and y, so β̂_x1 = 0.
        var x1 = [Double](), x2 = [Double](), y = [Double]()
        for pair in 0..<20 {
            let level = Double(pair)
            for sign in [-1.0, 1.0] {
                x1.append(sign)
                x2.append(level)
                y.append(0.5 * level + (pair % 3 == 0 ? 1 : -0.5))
            }
        }
        let data = try Dataset(columns: [.double("x1", x1), .double("x2", x2), .double("y", y)])
        let request = EstimationRequest(name: "z", formula: "y ~ x1 + x2",
                                        recover: [.init(coefficient: "r", truth: .value(1, written: "1"))],
                                        ratio: CoefficientRatio(name: "r", numerator: "x2", denominator: "x1"))
        do {
            let outcome = try PreparedEstimation(request).run(on: data, replication: 0, truth: { _ in nil }, keepFits: false)
            Issue.record("reported \(outcome.estimates)")
        } catch {
            #expect("\(error)".contains("ratio 'r' = x2/x1 is undefined: the denominator's estimate"), "\(error)")
        }
    }

    @Test("FMOLS: the ratio of the variant's slopes with √(g′Vg) from its covariance, and its t", arguments: FMOLSMethod.allCases)
    func fmolsBlock(_ variant: FMOLSMethod) throws {
        let fixture = try OracleFixture(oracle: "arch", name: "fmols_balanced")
        let data = try CSVReader.read(path: fixture.csvPath())
        let settings = FMOLSSettings(variant: variant, kernel: .bartlett, bandwidth: .fixed(4))
        let request = EstimationRequest(name: "fm", method: .fmols, formula: "y ~ x1 + x2",
                                        recover: [.init(coefficient: "x1", truth: .value(1, written: "1")),
                                                  .init(coefficient: "ratio", truth: .modelTruth("acceleration"))],
                                        panel: PanelDeclaration(unit: "id", time: "year"),
                                        ratio: CoefficientRatio(name: "ratio", numerator: "x2", denominator: "x1"), fmols: settings)
        let outcome = try PreparedFMOLS(request).run(on: data, replication: 0, truth: { $0 == "acceleration" ? -0.45 : nil }, keepFits: false)
        #expect(outcome.estimates.map(\.parameter) == ["fm: x1", "fm: ratio"])
        let reported = try PanelFMOLS.estimate(data, dependent: .variable("y"), regressors: [.variable("x1"), .variable("x2")],
                                               panel: try PanelStructure(data, unit: "id", time: "year"), options: settings.options).reported
        let ratio = outcome.estimates[1]
        #expect(ratio.truth == -0.45)
        #expect(ratio.estimate == reported.coefficients[1] / reported.coefficients[0])
        let v = reported.covariance
        let expected = Self.deltaMethod(reported.coefficients[1], reported.coefficients[0], v[1, 1], v[0, 0], v[0, 1])
        #expect(Self.relative(ratio.standardError, expected) < 1e-13, "\(ratio.standardError) vs \(expected)")
        // The covariance term matters: without it the standard error would differ.
        let independent = Self.deltaMethod(reported.coefficients[1], reported.coefficients[0], v[1, 1], v[0, 0], 0)
        #expect(Self.relative(ratio.standardError, independent) > 1e-6)
        #expect(outcome.statistics.contains(BlockStatistic(subject: "fm: ratio", statistic: "t", value: ratio.estimate / ratio.standardError)))
    }

    @Test("spatial: the ratio of two coefficients of the fit (regressors, W*x, rho) with √(g′Vg) from the information-matrix covariance")
    func spatialBlock() throws {
        let folder = try TemporaryDirectory.create("spatial-ratio")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let files = try DataSpatialTests.columbusFiles(in: folder)
        let data = try CSVReader.read(path: files.csv)
        let withYear = try Dataset(columns: data.columns + [.int("year", [Int](repeating: 1, count: data.rowCount))])
        for (model, numerator, denominator) in [(SpatialModelKind.sar, "HOVAL", "INC"), (.sdm, "W*INC", "rho")] {
            let request = EstimationRequest(name: "col", method: .spatial, formula: "CRIME ~ INC + HOVAL",
                                            recover: [.init(coefficient: "rho", truth: .value(0.4, written: "0.4")),
                                                      .init(coefficient: "q", truth: .value(0, written: "0"))],
                                            panel: PanelDeclaration(unit: "POLYID", time: "year"),
                                            ratio: CoefficientRatio(name: "q", numerator: numerator, denominator: denominator),
                                            spatial: SpatialSettings(weightsFile: "columbus.gal", weightsPath: files.gal, model: model))
            let block = try PreparedSpatial(request)
            let outcome = try block.run(on: withYear, replication: 0, truth: { _ in nil }, keepFits: false)
            #expect(outcome.estimates.map(\.parameter) == ["col: rho", "col: q"])
            let fit = try block.fit(on: withYear).fit
            let top = try #require(fit.coefficientNames.firstIndex(of: numerator))
            let bottom = try #require(fit.coefficientNames.firstIndex(of: denominator))
            let ratio = outcome.estimates[1]
            #expect(ratio.estimate == fit.coefficients[top] / fit.coefficients[bottom], "\(model)")
            let v = fit.covariance
            let expected = Self.deltaMethod(fit.coefficients[top], fit.coefficients[bottom], v[top, top], v[bottom, bottom], v[top, bottom])
            #expect(Self.relative(ratio.standardError, expected) < 1e-13, "\(model): \(ratio.standardError) vs \(expected)")
            #expect(outcome.statistics.contains { $0.subject == "col: q" && $0.statistic == "z" })
        }
    }

    @Test("inside a model's Monte Carlo the block reports 'NAME: RATIO' in every replication")
    func monteCarloRun() throws {
        let result = try AllocationEfficiencyPipelineTests.run(ScenarioFMOLSTests.scenario(Self.block), threads: 2)
        defer { try? FileManager.default.removeItem(atPath: result.directory) }
        let replications = try AllocationEfficiencyPipelineTests.read(result.directory, "replications.csv")
        #expect(replications.split(separator: "\n").filter { $0.contains(",emp: accel,") }.count == 3)
        let resolved = try AllocationEfficiencyPipelineTests.read(result.directory, "scenario.toml")
        #expect(resolved.contains("ratio = { name = \"accel\", numerator = \"I\", denominator = \"log(phi0)\" }"))
    }
}
