import Estimation
import PanelData
import Testing

@Suite("formula terms: evaluation on a dataset")
struct TermEvaluationTests {
    static func dataset() throws -> Dataset {
        try Dataset(columns: [
            .double("x", [1, -2, 0, 4]),
            .double("z", [2, 3, 5, 0.5], missing: [false, false, true, false]),
            .int("count", [1, 2, 3, 4]),
            .factor("city", labels: ["a", "b", "a", "c"]),
        ])
    }

    /// Equal as doubles, with NaN equal to NaN.
    static func same(_ left: [Double], _ right: [Double]) -> Bool {
        left.count == right.count && zip(left, right).allSatisfy { $0 == $1 || ($0.isNaN && $1.isNaN) }
    }

    @Test("variables, Int widening and missing values")
    func variables() throws {
        let data = try Self.dataset()
        #expect(try Term.variable("x").evaluate(in: data) == [1, -2, 0, 4])
        #expect(try Term.variable("count").evaluate(in: data) == [1, 2, 3, 4])
        #expect(Self.same(try Term.variable("z").evaluate(in: data), [2, 3, .nan, 0.5]))
    }

    @Test("interactions multiply; a missing factor makes the row missing")
    func interactions() throws {
        let data = try Self.dataset()
        let formula = try FormulaParser.parse("y ~ x:count + x:z")
        #expect(try formula.regressors[0].evaluate(in: data) == [1, -4, 0, 16])
        #expect(Self.same(try formula.regressors[1].evaluate(in: data), [2, -6, .nan, 2]))
    }

    @Test("log, sqrt of values outside their domain are NaN; exp and abs are elementwise")
    func functions() throws {
        let data = try Self.dataset()
        let log = try Term.function(name: "log", argument: .variable("x")).evaluate(in: data)
        #expect(Self.same(log, [0, .nan, .nan, 1.3862943611198906]))
        let sqrt = try Term.function(name: "sqrt", argument: .variable("x")).evaluate(in: data)
        #expect(Self.same(sqrt, [1, .nan, 0, 2]))
        #expect(try Term.function(name: "abs", argument: .variable("x")).evaluate(in: data) == [1, 2, 0, 4])
        let exp = try Term.function(name: "exp", argument: .variable("count")).evaluate(in: data)
        #expect(abs(exp[0] - 2.718281828459045) < 1e-15)
        let overflow = try Dataset(columns: [.double("big", [1000])])
        #expect(try Term.function(name: "exp", argument: .variable("big")).evaluate(in: overflow)[0].isNaN)
    }

    @Test("I(x^n): integer powers, negative powers at 0 are NaN")
    func powers() throws {
        let data = try Self.dataset()
        let formula = try FormulaParser.parse("y ~ I(x^2) + I(count^3) + I(x^-1)")
        #expect(try formula.regressors[0].evaluate(in: data) == [1, 4, 0, 16])
        #expect(try formula.regressors[1].evaluate(in: data) == [1, 8, 27, 64])
        #expect(Self.same(try formula.regressors[2].evaluate(in: data), [1, -0.5, .nan, 0.25]))
    }

    @Test("an unknown column throws PanelDataError.unknownColumn with a suggestion")
    func unknownColumn() throws {
        let data = try Self.dataset()
        #expect(throws: PanelDataError.unknownColumn(name: "cuont", suggestion: "count")) {
            try Term.function(name: "log", argument: .variable("cuont")).evaluate(in: data)
        }
        #expect(throws: PanelDataError.unknownColumn(name: "qqqqqq", suggestion: nil)) {
            try Term.variable("qqqqqq").evaluate(in: data)
        }
    }

    @Test("a factor column throws a typed error pointing to '|' or i()")
    func factorColumn() throws {
        let data = try Self.dataset()
        let term = Term.interaction([.variable("x"), .variable("city")])
        let error = try #require(throws: TermEvaluationError.self) { try term.evaluate(in: data) }
        #expect(error == .factorColumn(name: "city", term: "x:city"))
        #expect(error.description.contains("after '|'"))
        #expect(error.description.contains("i()"))
    }
}
