import Estimation
import Foundation
import Numerical
import PanelData
import Testing
import TestSupport

/// Every case of validation/plm_gmm.R (plm pgmm, mtest, sargan on the Arellano–Bond EmplUK data): difference and
/// system GMM, one and two steps, individual and two-way effects, collapsed instruments, a truncated lag range and
/// explicit standard instruments. Coefficients to 1e-8, standard errors and statistics to 1e-6 relative.
@Suite("dynamic panel GMM against plm pgmm")
struct PlmGMMOracleTests {
    static func relative(_ a: Double, _ b: Double) -> Double { abs(a - b) / max(abs(b), 1e-300) }

    @Test(arguments: [("gmm_empluk", 17), ("gmm_empluk_gaps", 5)])
    func everyCase(_ name: String, _ count: Int) throws {
        let fixture = try OracleFixture(oracle: "plm", name: name)
        let data = try CSVReader.read(path: fixture.csvPath())
        let cases = try fixture.cases()
        #expect(cases.count == count)
        for entry in cases { try check(entry, data: data) }
    }

    func check(_ entry: [String: Any], data: Dataset) throws {
        let id = try #require(entry["id"] as? String)
        let text = try #require(entry["formula"] as? String)
            .replacingOccurrences(of: "log(emp)", with: "log_emp").replacingOccurrences(of: "log(wage)", with: "log_wage")
            .replacingOccurrences(of: "log(capital)", with: "log_capital").replacingOccurrences(of: "log(output)", with: "log_output")
        var options = DynamicPanelOptions()
        options.transformation = (entry["transformation"] as? String) == "ld" ? .system : .difference
        options.twoSteps = (entry["model"] as? String) == "twosteps"
        options.effect = (entry["effect"] as? String) == "twoways" ? .twoways : .individual
        options.collapse = entry["collapse"] as? Bool ?? false
        let result = try DynamicPanelGMM.estimate(DynamicPanelFormula.parse(text), data: data,
                                                  panel: PanelDeclaration(unit: "firm", time: "year"), options: options)
        let names = try #require(entry["coefficient_names"] as? [String])
        let coefficients = try #require(entry["coefficients"] as? [String: Double])
        let robust = try #require(entry["standard_errors_robust"] as? [String: Double])
        let nonRobust = try #require(entry["standard_errors_nonrobust"] as? [String: Double])
        #expect(result.coefficients.count == names.count, "\(id): \(result.coefficientNames) vs \(names)")
        for (position, name) in names.enumerated() where position < result.coefficients.count {
            #expect(Self.relative(result.coefficients[position], try #require(coefficients[name])) < 1e-8,
                    "\(id): β \(name) \(result.coefficients[position]) vs \(coefficients[name] ?? .nan)")
            #expect(Self.relative(result.standardErrors[position], try #require(robust[name])) < 1e-6,
                    "\(id): robust SE \(name) \(result.standardErrors[position]) vs \(robust[name] ?? .nan)")
            #expect(Self.relative(result.nonRobustStandardErrors[position], try #require(nonRobust[name])) < 1e-6,
                    "\(id): SE \(name) \(result.nonRobustStandardErrors[position]) vs \(nonRobust[name] ?? .nan)")
        }
        func statistic(_ key: String) throws -> Double {
            try #require((entry[key] as? [String: Any])?["statistic"] as? Double, "\(id): \(key)")
        }
        #expect(Self.relative(result.arTests[0].statistic, try statistic("ar1")) < 1e-6, "\(id): AR(1) \(result.arTests[0].statistic)")
        #expect(Self.relative(result.arTests[1].statistic, try statistic("ar2")) < 1e-6, "\(id): AR(2) \(result.arTests[1].statistic)")
        #expect(Self.relative(result.hansen.statistic, try statistic("sargan")) < 1e-6, "\(id): Hansen \(result.hansen.statistic)")
        #expect(Self.relative(result.sargan.statistic, try statistic("sargan_onestep_weights")) < 1e-6, "\(id): Sargan \(result.sargan.statistic)")
        #expect(result.hansen.degreesOfFreedom == (entry["sargan"] as? [String: Any])?["df"] as? Int, "\(id): df")
        #expect(Self.relative(result.waldCoefficients.statistic, try statistic("wald_coef")) < 1e-6, "\(id): Wald")
        if let time = result.waldTimeEffects, entry["wald_time"] is [String: Any] {
            #expect(Self.relative(time.statistic, try statistic("wald_time")) < 1e-6, "\(id): Wald time")
        }
        #expect(result.instrumentCount == entry["n_instruments"] as? Int, "\(id): instruments \(result.instrumentCount)")
        #expect(result.groupCount == entry["n_groups"] as? Int, "\(id): groups")
        #expect(result.observationCount == entry["nobs"] as? Int, "\(id): nobs \(result.observationCount)")
    }
}

/// Difference-in-Hansen for the level instruments of two-step system GMM. No peer computes it (plm and pydynpd do
/// not), so the values come from validation/gmm_reference.py's "submatrix" definition (the restricted two-step
/// estimate weighted by the full model's Ω restricted to the kept columns), printed by its `difference_in_hansen`.
@Suite("difference-in-Hansen against the numpy reference")
struct DifferenceInHansenTests {
    @Test(arguments: [
        ("log_emp ~ l(log_emp, 1:2) + l(log_wage, 0:1) + log_capital + l(log_output, 0:1) | l(log_emp, 2:99)", 12.630520545208128, 7),
        ("log_emp ~ l(log_emp, 1) + l(log_wage, 0:1) + l(log_capital, 0:1) | l(log_emp, 2:99) + l(log_wage, 2:99) + l(log_capital, 2:99)",
         26.370496333934383, 21),
    ])
    func systemTwoStep(_ formula: String, _ expected: Double, _ degrees: Int) throws {
        let data = try CSVReader.read(path: Repository.path("Tests/Fixtures/plm/data/empluk.csv"))
        var options = DynamicPanelOptions()
        options.transformation = .system
        let result = try DynamicPanelGMM.estimate(DynamicPanelFormula.parse(formula), data: data,
                                                  panel: PanelDeclaration(unit: "firm", time: "year"), options: options)
        let difference = try #require(result.differenceInHansen)
        #expect(abs(difference.statistic - expected) <= 1e-6 * expected, "\(difference.statistic) vs \(expected)")
        #expect(difference.degreesOfFreedom == degrees)
        options.transformation = .difference
        #expect(try DynamicPanelGMM.estimate(DynamicPanelFormula.parse(formula), data: data,
                                             panel: PanelDeclaration(unit: "firm", time: "year"), options: options).differenceInHansen == nil)
    }
}
