import Covariance
import Estimation
import Foundation
import Numerical
import PanelData
import Testing

/// The asymptotic small-sample convention (ivreg2 without `small`, linearmodels `debiased=False`) against the
/// linearmodels cases with `debiased: false` in `iv_no_fe.json`: coefficients to 1e-8, standard errors to 1e-6
/// (relative), directly, without rescaling; p-values from the normal distribution.
@Suite("2SLS asymptotic convention against linearmodels debiased=False")
struct AsymptoticConventionTests {
    static func fit(_ formula: String, _ data: Dataset, _ vcov: VcovType,
                    convention: SmallSampleConvention) throws -> IVResult {
        var options = EstimationOptions(vcov: vcov)
        options.smallSample.convention = convention
        return try InstrumentalVariablesEstimator.fit(FormulaParser.parse(formula), data: data, options: options)
    }

    @Test("every linearmodels case: debiased=False with asymptotic, debiased=True with finite-sample")
    func linearmodelsCases() throws {
        let (fixture, data) = try IVOracleTests.load("linearmodels", "iv_no_fe")
        let cases = try #require(fixture["cases"] as? [[String: Any]])
        #expect(cases.filter { $0["debiased"] as? Bool == false }.count == 6)
        for entry in cases {
            let label = try #require(entry["label"] as? String)
            let debiased = try #require(entry["debiased"] as? Bool)
            let vcov = IVOracleTests.vcov(try #require(entry["vcov"] as? String))
            let result = try Self.fit(try #require(entry["formula"] as? String), data, vcov,
                                      convention: debiased ? .finiteSample : .asymptotic)
            let coefficients = try #require(entry["coefficients"] as? [String: Double])
            let errors = try #require(entry["standard_errors"] as? [String: Double])
            for (name, value) in coefficients {
                let ours = name == "const" ? "(Intercept)" : name
                #expect(IVOracleTests.close(try #require(result.coefficient(ours)), value, 1e-8), "\(label): β \(name)")
                let se = try #require(result.standardError(ours))
                #expect(IVOracleTests.close(se, try #require(errors[name]), 1e-6), "\(label): SE \(name) \(se) vs \(errors[name] ?? .nan)")
            }
            #expect(result.secondStage.covariance.usesNormalInference == !debiased, "\(label): inference")
        }
    }

    @Test("asymptotic p-values are normal: 2Φ(−|z|)")
    func normalPValues() throws {
        let (_, data) = try IVOracleTests.load("linearmodels", "iv_no_fe")
        let normal = try NormalDistribution(mean: 0, standardDeviation: 1)
        for vcov in [VcovType.iid, .heteroskedastic, .cluster(["g"])] {
            let result = try Self.fit("y ~ x1 + x2 | d1 ~ z1 + z2", data, vcov, convention: .asymptotic).secondStage
            for (z, p) in zip(result.tStatistics, result.pValues) {
                #expect(abs(p - 2 * normal.cumulative(-abs(z))) < 1e-12, "\(vcov): p")
            }
            #expect(result.covariance.smallSampleFactor == (vcov == .iid
                ? Double(result.observationCount - 1) / Double(result.observationCount) : 1))
        }
    }

    @Test("asymptotic multi-way clusters: no factor on any term (= finite-sample with every switch off)")
    func multiwayWithoutFactors() throws {
        var (_, data) = try IVOracleTests.load("linearmodels", "iv_no_fe")
        try data.add(.int("h", (0..<data.rowCount).map { $0 % 7 }))
        let formula = try FormulaParser.parse("y ~ x1 + x2 | d1 ~ z1 + z2")
        var asymptotic = EstimationOptions(vcov: .cluster(["g", "h"]))
        asymptotic.smallSample.convention = .asymptotic
        var switchedOff = asymptotic
        switchedOff.smallSample = SmallSampleOptions()
        switchedOff.smallSample.adjustForParameters = false
        switchedOff.smallSample.clusterAdjustment = false
        let a = try InstrumentalVariablesEstimator.fit(formula, data: data, options: asymptotic).standardErrors
        let b = try InstrumentalVariablesEstimator.fit(formula, data: data, options: switchedOff).standardErrors
        for (x, y) in zip(a, b) { #expect(IVOracleTests.close(x, y, 1e-12)) }
    }

    @Test("the convention survives encoding; older files decode as finite-sample")
    func coding() throws {
        var options = SmallSampleOptions()
        options.convention = .asymptotic
        let decoded = try JSONDecoder().decode(SmallSampleOptions.self, from: JSONEncoder().encode(options))
        #expect(decoded.convention == .asymptotic)
        let old = try JSONDecoder().decode(SmallSampleOptions.self, from: Data("{}".utf8))
        #expect(old.convention == .finiteSample)
    }
}
