import Covariance
import Estimation
import Foundation
import PanelData
import Testing
import TestSupport

/// Every case of the pyfixest fixtures (validation/pyfixest_feols.py): coefficients to 1e-8 and standard
/// errors to 1e-6 relative, plus N, singletons, fit statistics, t degrees of freedom and the FE sums.
@Suite("OLS against pyfixest")
struct PyfixestOracleTests {
    static let fixtures = ["balanced", "unbalanced", "poorly_connected", "nested", "three_fe", "no_fe", "missing"]

    /// pyfixest's names → ours ("Intercept" → "(Intercept)", "I(x1 ** 2)" → "I(x1^2)").
    static func ourName(_ name: String) -> String {
        if name == "Intercept" { return "(Intercept)" }
        return name.replacingOccurrences(of: " ** ", with: "^")
    }

    static func relative(_ a: Double, _ b: Double) -> Double { abs(a - b) / max(abs(b), 1e-300) }

    @Test("pyfixest fixture cases", arguments: fixtures)
    func fixture(_ name: String) throws {
        let fixture = try OracleFixture(oracle: "pyfixest", name: name)
        let data = try CSVReader.read(path: fixture.csvPath())
        let cases = try fixture.cases()
        #expect(!cases.isEmpty)
        for entry in cases { try check(entry, data: data, fixture: name) }
    }

    func check(_ entry: [String: Any], data: Dataset, fixture: String) throws {
        let formulaText = try #require(entry["formula"] as? String).replacingOccurrences(of: "**", with: "^")
        let vcov = try PyfixestCaseOptions.vcov(entry)
        var options = try PyfixestCaseOptions.options(entry)
        options.removeSingletons = (entry["fixef_rm"] as? String) != "none"
        options.recoverFixedEffects = entry["fixef"] != nil
        let label = "\(fixture): \(formulaText) [\(vcov)]"
        let result = try FixedEffectsOLS.fit(FormulaParser.parse(formulaText), data: data, options: options)

        let names = try #require(entry["coefficient_names"] as? [String]).map(Self.ourName)
        #expect(result.coefficientNames == names, "\(label)")
        let coefficients = try #require(entry["coefficients"] as? [String: Double])
        let errors = try #require(entry["standard_errors"] as? [String: Double])
        for (theirs, value) in coefficients {
            let ours = try #require(result.coefficient(Self.ourName(theirs)), "\(label): \(theirs)")
            #expect(Self.relative(ours, value) < 1e-8, "\(label): β \(theirs) \(ours) vs \(value)")
            let se = try #require(result.standardError(Self.ourName(theirs)))
            #expect(Self.relative(se, try #require(errors[theirs])) < 1e-6, "\(label): SE \(theirs) \(se) vs \(errors[theirs] ?? .nan)")
        }
        #expect(result.observationCount == entry["nobs"] as? Int, "\(label): N")
        if let singletons = entry["singletons_removed"] as? Int { #expect(result.droppedSingletons == singletons, "\(label): singletons") }
        if let dfT = entry["df_t"] as? Double { #expect(Double(result.covariance.tDegreesOfFreedom) == dfT, "\(label): t df") }
        for (key, ours) in [("r2", result.rSquared), ("adj_r2", result.adjustedRSquared), ("rss", result.residualSumOfSquares)] {
            if let value = entry[key] as? Double { #expect(Self.relative(ours, value) < 1e-8, "\(label): \(key) \(ours) vs \(value)") }
        }
        if let within = entry["within_r2"] as? Double, let ours = result.withinRSquared {
            #expect(Self.relative(ours, within) < 1e-8, "\(label): within R² \(ours) vs \(within)")
        }
        if let sizes = entry["fe_sizes"] as? [String: Int] {
            for effect in result.fixedEffects { #expect(sizes[effect.name] == effect.levels, "\(label): levels of \(effect.name)") }
        }
        if let fixef = entry["fixef"] as? [String: [String: Double]] { try checkFixedEffectSums(result, fixef, data: data, label: label) }
    }

    /// The sum of the fixed effects on each observation is identified even where single levels are not.
    func checkFixedEffectSums(_ result: RegressionResult, _ theirs: [String: [String: Double]], data: Dataset, label: String) throws {
        var ours: [String: [String: Double]] = [:]
        for effect in result.fixedEffects {
            let labels = try #require(effect.labels), values = try #require(effect.coefficients)
            ours[effect.name] = Dictionary(zip(labels, values), uniquingKeysWith: { first, _ in first })
        }
        let columns = try result.fixedEffects.map { try data.column(named: $0.name) }
        var compared = 0
        for row in 0..<data.rowCount {
            var mine = 0.0, pyfixest = 0.0, present = true
            for (effect, column) in zip(result.fixedEffects, columns) {
                let level: String
                switch column.storage {
                case .int(let values): level = String(values[row])
                case .factor(let codes, let labels): level = labels[Int(codes[row])]
                case .double(let values): level = String(Int(values[row]))
                }
                guard let value = ours[effect.name]?[level] else { present = false; break }
                mine += value
                pyfixest += theirs[effect.name]?[level] ?? 0
            }
            guard present else { continue }
            compared += 1
            #expect(abs(mine - pyfixest) < 1e-7 * max(1, abs(pyfixest)), "\(label): FE sum on row \(row)")
        }
        #expect(compared > 0)
    }
}

/// The one-way within estimator against R's plm (validation/plm_within.R).
@Suite("OLS against plm")
struct PlmOracleTests {
    @Test("plm within: coefficients to 1e-8 and default SEs to 1e-6", arguments: ["balanced", "unbalanced"])
    func within(_ name: String) throws {
        let fixture = try OracleFixture(oracle: "plm", name: name)
        let data = try CSVReader.read(path: fixture.csvPath())
        var options = EstimationOptions(vcov: .iid)
        options.demeaning.tolerance = 1e-13
        let result = try FixedEffectsOLS.fit(FormulaParser.parse("y ~ x1 + x2 | unit"), data: data, options: options)
        let coefficients = try #require(fixture["coefficients"] as? [String: Double])
        let errors = try #require(fixture["standard_errors"] as? [String: Double])
        for (variable, value) in coefficients {
            #expect(PyfixestOracleTests.relative(try #require(result.coefficient(variable)), value) < 1e-8, "\(name): \(variable)")
            #expect(PyfixestOracleTests.relative(try #require(result.standardError(variable)), try #require(errors[variable])) < 1e-6,
                    "\(name): SE \(variable)")
        }
    }
}
