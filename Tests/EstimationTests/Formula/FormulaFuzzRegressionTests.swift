import Estimation
import Foundation
import Testing
import TestSupport

/// Replays the minimized inputs the formula fuzz target found (`Tests/Fuzz/formula/regressions`,
/// docs/fuzzing.md) through its entry point, `FormulaParser.expand`: every formula must be
/// answered, with models or a `FormulaError`, promptly and without crashing.
@Suite("formula parser: fuzz regressions")
struct FormulaFuzzRegressionTests {
    /// The files of `Tests/Fuzz/formula/regressions`, by name, with their text.
    static func regressions() throws -> [(name: String, text: String)] {
        let folder = Repository.url("Tests/Fuzz/formula/regressions")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasPrefix(".") }.sorted()
        return try names.map { name in
            (name, String(decoding: try Data(contentsOf: folder.appendingPathComponent(name)), as: UTF8.self))
        }
    }

    @Test("formulas that hung the parser are refused: a*b*… may cross at most 10 factors")
    func formulaRegressions() throws {
        let inputs = try Self.regressions()
        #expect(inputs.map(\.name) == ["star-interaction-blowup", "stepwise-model-blowup"])
        for input in inputs {
            #expect(throws: FormulaError.self, "\(input.name)") { try FormulaParser.expand(input.text) }
        }
        let ten = (1...10).map { "x\($0)" }.joined(separator: "*")
        #expect(try FormulaParser.expand("y ~ " + ten).first?.regressors.count == 1023)
        do {
            _ = try FormulaParser.expand("y ~ " + ten + "*x11")
            Issue.record("11 crossed factors were expanded")
        } catch let error as FormulaError {
            #expect(error.description.contains("more than 10 factors"))
        }
        // Stepwise functions multiply: 10 × 10 × 10 = 1,000 models is the limit, 11 × 10 × 10 is refused.
        let ten2 = (1...10).map { "a\($0)" }.joined(separator: ", "), eleven = (1...11).map { "b\($0)" }.joined(separator: ", ")
        #expect(try FormulaParser.expandedSources("c(\(ten2)) ~ sw(\(ten2)) | sw(\(ten2))").count == 1_000)
        #expect(throws: FormulaError.self) { try FormulaParser.expandedSources("c(\(ten2)) ~ sw(\(eleven)) | sw(\(ten2))") }
    }
}
