@testable import Pipelines
import Estimation
import Foundation
import PanelData
import Scenario
import Testing
import TestSupport

@Suite("hetfirm estimate: multiple estimation and split samples")
struct MultipleEstimationTests {
    static let dataPath = Repository.fixtureData("pyfixest", "unbalanced.csv")

    static func run(_ formulas: [String], split: SampleSplit? = nil, output: EstimationOutput = .markdown) throws -> EstimationReport {
        try DataEstimation.run(dataPath: dataPath, formulas: formulas, vcov: "hc1", fixedEffects: false, output: output, split: split)
    }

    @Test("csw0 on the right-hand side and sw0 in the fixed effects give one table, in fixest's order")
    func stepwise() throws {
        let report = try Self.run(["y ~ x1 + csw0(x2, year) | sw0(unit)"])
        #expect(report.results.count == 6)
        #expect(report.results.map { $0.fixedEffects.map(\.name) } == [[], [], [], ["unit"], ["unit"], ["unit"]])
        #expect(report.results.map(\.coefficientNames) == [
            ["(Intercept)", "x1"], ["(Intercept)", "x1", "x2"], ["(Intercept)", "x1", "x2", "year"],
            ["x1"], ["x1", "x2"], ["x1", "x2", "year"],
        ])
        #expect(report.text.split(separator: "\n").first?.contains("(6)") == true)
        #expect(report.samples.isEmpty)
        let data = try CSVReader.read(path: Self.dataPath)
        let direct = try FixedEffectsOLS.fit(FormulaParser.parse("y ~ x1 + x2 + year | unit"), data: data,
                                             options: EstimationOptions(vcov: .heteroskedastic))
        #expect(report.results[5].coefficients == direct.coefficients)
    }

    @Test("several dependent variables title the columns by dependent variable")
    func dependentVariables() throws {
        let report = try Self.run(["c(y, x2) ~ x1"])
        #expect(report.results.map(\.dependent) == ["y", "x2"])
        #expect(DataEstimation.table(report.results, samples: []).titles == ["y", "x2"])
        let same = try Self.run(["y + x2 ~ x1"])
        #expect(same.results.map(\.coefficients) == report.results.map(\.coefficients))
        let repeated = try Self.run(["c(y, x2) ~ sw(x1, year)"])
        #expect(DataEstimation.table(repeated.results, samples: []).titles == ["y (1)", "y (2)", "x2 (3)", "x2 (4)"])
    }

    @Test("a split estimation equals fitting each subset of the data separately")
    func splitEqualsSubsets() throws {
        let report = try Self.run(["y ~ x1 + x2 | year"], split: SampleSplit(column: "region"))
        let data = try CSVReader.read(path: Self.dataPath)
        let regions = Array(Set(try data.ints("region"))).sorted()
        #expect(report.results.count == regions.count)
        #expect(report.samples == regions.map { "region = \($0)" })
        let options = EstimationOptions(vcov: .heteroskedastic)
        let formula = try FormulaParser.parse("y ~ x1 + x2 | year")
        for (region, result) in zip(regions, report.results) {
            let values = try data.ints("region")
            let subset = data.filter { values[$0] == region }
            let direct = try FixedEffectsOLS.fit(formula, data: subset, options: options)
            #expect(result.coefficients == direct.coefficients, "region \(region)")
            #expect(result.standardErrors == direct.standardErrors, "region \(region)")
            #expect(result.observationCount == direct.observationCount)
        }
        let sampleRow = report.text.split(separator: "\n").first { $0.hasPrefix("| Sample") }.map(String.init) ?? ""
        #expect(sampleRow.contains("region = 1") && sampleRow.contains("region = 20"), "\(sampleRow)")
    }

    @Test("fsplit puts the full sample first; stepwise models repeat within each sample")
    func fullSampleFirst() throws {
        let report = try Self.run(["y ~ sw(x1, x2)"], split: SampleSplit(column: "region", includesFullSample: true))
        #expect(report.results.count == 2 * 21)
        #expect(Array(report.samples.prefix(4)) == ["Full sample", "Full sample", "region = 1", "region = 1"])
        #expect(report.results[0].observationCount == 1327)
        #expect(report.results.map(\.coefficientNames)[2...3] == [["(Intercept)", "x1"], ["(Intercept)", "x2"]])
        let latex = try Self.run(["y ~ x1"], split: SampleSplit(column: "region", includesFullSample: true), output: .latex)
        #expect(latex.text.contains("Sample & Full sample & region = 1"))
    }

    @Test("rows with a missing split value are in no split sample; text values sort by label")
    func missingAndTextValues() throws {
        let data = try Dataset(columns: [
            .double("y", [1, 2, 3, 5, 4, 7, 9]), .double("x", [0, 1, 2, 4, 1, 3, 2]),
            .factor("g", labels: ["b", "a", "b", "a", "", "b", "a"], missing: [false, false, false, false, true, false, false]),
        ])
        let samples = try SampleSplit(column: "g").samples(of: data)
        #expect(samples.map(\.label) == ["g = a", "g = b"])
        #expect(samples.map(\.rows) == [[1, 3, 6], [0, 2, 5]])
        #expect(throws: PanelDataError.self) { try SampleSplit(column: "gg").samples(of: data) }
    }

    @Test("input mistakes are InvalidInput with the formula caret or a did-you-mean")
    func errors() throws {
        #expect(throws: InvalidInput.self) { try Self.run(["y ~ sw(x1, x2) + sw(unit)"]) }
        do {
            _ = try Self.run(["y ~ x1"], split: SampleSplit(column: "regio"))
            Issue.record("unknown split column accepted")
        } catch let error as InvalidInput {
            #expect(error.description.contains("region"), "\(error.description)")
        }
    }
}
