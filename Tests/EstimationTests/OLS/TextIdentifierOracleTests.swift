import Covariance
import Estimation
import Foundation
import PanelData
import Testing
import TestSupport

/// Text identifiers (state names, ISO codes, industry codes) as fixed effects, interactions, cluster
/// variables and split samples, against pyfixest (validation/pyfixest_text_ids.py): coefficients to
/// 1e-8 and standard errors to 1e-6 relative; and the same estimates with the ids coded as integers.
@Suite("text identifiers against pyfixest")
struct TextIdentifierOracleTests {
    static let textColumns = ["firm", "state", "industry", "country", "code"]

    static func fixture() throws -> [String: Any] {
        try OracleFixture(oracle: "pyfixest", name: "text_ids").object
    }

    static func data(_ fixture: [String: Any]) throws -> Dataset {
        try CSVReader.read(path: Repository.path(try #require(fixture["csv"] as? String)))
    }

    /// The options of a fixture case: its covariance, tight demeaning, fixed effects when it has `fixef`.
    static func options(_ entry: [String: Any]) throws -> EstimationOptions {
        var options = try PyfixestCaseOptions.options(entry)
        options.recoverFixedEffects = entry["fixef"] != nil
        return options
    }

    /// The rows of `data` whose `column` has the label `value`.
    static func sample(_ data: Dataset, column: String, value: String) throws -> Dataset {
        let (codes, labels) = try data.factorCodes(column)
        let code = try #require(labels.firstIndex(of: value))
        return data.selectingRows(codes.indices.filter { codes[$0] == Int32(code) })
    }

    @Test("the text columns are factors, the numeric-looking code column too")
    func columnKinds() throws {
        let data = try Self.data(Self.fixture())
        for name in Self.textColumns { #expect(try data.column(named: name).kind == .factor, "\(name)") }
        #expect(try data.column(named: "year").kind == .int)
        let code = try data.factorCodes("code")
        #expect(code.labels.first == "0101" && code.labels.contains("X09"))
        #expect(try data.column(named: "state").missingCount == 3)
    }

    @Test("every pyfixest case")
    func cases() throws {
        let fixture = try Self.fixture()
        let data = try Self.data(fixture)
        let cases = try #require(fixture["cases"] as? [[String: Any]])
        #expect(cases.count == 21)
        for entry in cases {
            let formula = try #require(entry["formula"] as? String)
            var subset = data
            var label = "\(formula) [\(entry["vcov"] ?? "")]"
            if let split = entry["split"] as? [String: String] {
                subset = try Self.sample(data, column: try #require(split["column"]), value: try #require(split["value"]))
                label += " \(split["value"] ?? "")"
            }
            let result = try FixedEffectsOLS.fit(FormulaParser.parse(formula), data: subset, options: Self.options(entry))
            let coefficients = try #require(entry["coefficients"] as? [String: Double])
            let errors = try #require(entry["standard_errors"] as? [String: Double])
            for (name, value) in coefficients {
                let ours = try #require(result.coefficient(name), "\(label): \(name)")
                #expect(PyfixestOracleTests.relative(ours, value) < 1e-8, "\(label): β \(name) \(ours) vs \(value)")
                let se = try #require(result.standardError(name))
                #expect(PyfixestOracleTests.relative(se, try #require(errors[name])) < 1e-6, "\(label): SE \(name) \(se)")
            }
            #expect(result.observationCount == entry["nobs"] as? Int, "\(label): N")
            if let sizes = entry["fe_sizes"] as? [String: Int] {
                for effect in result.fixedEffects { #expect(sizes[effect.name] == effect.levels, "\(label): \(effect.name)") }
            }
            if let fixef = entry["fixef"] as? [String: [String: Double]] { try checkLabels(result, fixef, label: label) }
        }
    }

    /// The firm effects are labelled with the firm's text, and differences between firms (which do not
    /// depend on the normalization) equal pyfixest's.
    func checkLabels(_ result: RegressionResult, _ theirs: [String: [String: Double]], label: String) throws {
        let firm = try #require(result.fixedEffects.first { $0.name == "firm" })
        let ours = Dictionary(zip(try #require(firm.labels), try #require(firm.coefficients)), uniquingKeysWith: { a, _ in a })
        let pyfixest = try #require(theirs["firm"])
        #expect(Set(ours.keys) == Set(pyfixest.keys), "\(label): firm labels")
        let base = try #require(ours["F-001"]), theirBase = try #require(pyfixest["F-001"])
        for (name, value) in pyfixest {
            let mine = try #require(ours[name]) - base
            #expect(abs(mine - (value - theirBase)) < 1e-7 * max(1, abs(value - theirBase)), "\(label): firm \(name)")
        }
    }

    /// The dataset with every text column replaced by integers (a one-to-one recoding, not in label
    /// order), missing cells kept.
    static func integerCoded(_ data: Dataset) throws -> Dataset {
        var columns: [Column] = []
        for column in data.columns {
            guard case .factor(let codes, let labels) = column.storage else { columns.append(column); continue }
            // A scrambled but one-to-one id per label.
            let ids = labels.indices.map { 7_919 * ($0 + 1) % 100_003 + 10 }
            columns.append(.int(column.name, codes.map { $0 < 0 ? 0 : ids[Int($0)] }, missing: column.missing))
        }
        return try Dataset(columns: columns)
    }

    @Test("text ids and the same ids coded as integers give the same estimates")
    func textEqualsIntegers() throws {
        let fixture = try Self.fixture()
        let text = try Self.data(fixture)
        let integers = try Self.integerCoded(text)
        for name in Self.textColumns { #expect(try integers.column(named: name).kind == .int) }
        let cases = try #require(fixture["cases"] as? [[String: Any]])
        for entry in cases where entry["split"] == nil {
            let formula = try FormulaParser.parse(try #require(entry["formula"] as? String))
            let options = try Self.options(entry)
            let a = try FixedEffectsOLS.fit(formula, data: text, options: options)
            let b = try FixedEffectsOLS.fit(formula, data: integers, options: options)
            #expect(a.coefficientNames == b.coefficientNames)
            #expect(a.observationCount == b.observationCount)
            for name in a.coefficientNames {
                let (ca, cb) = (try #require(a.coefficient(name)), try #require(b.coefficient(name)))
                let (sa, sb) = (try #require(a.standardError(name)), try #require(b.standardError(name)))
                #expect(PyfixestOracleTests.relative(ca, cb) < 1e-10, "\(formula.source): \(name)")
                #expect(PyfixestOracleTests.relative(sa, sb) < 1e-10, "\(formula.source): SE \(name)")
            }
            #expect(a.fixedEffects.map(\.levels) == b.fixedEffects.map(\.levels))
        }
    }
}
