import Estimation
import Testing

@Suite("formula parser: structure")
struct FormulaParserTests {
    @Test("the brief's gravity formula")
    func gravity() throws {
        let text = "lnexp ~ dlnaffiliate + dlnaffiliate:lndensity + lndensity | plant^year + dest^year + city^dest"
        let formula = try FormulaParser.parse(text)
        #expect(formula.source == text)
        #expect(formula.dependent == .variable("lnexp"))
        #expect(formula.regressors == [
            .variable("dlnaffiliate"),
            .interaction([.variable("dlnaffiliate"), .variable("lndensity")]),
            .variable("lndensity"),
        ])
        #expect(formula.fixedEffects.map(\.variables) == [["plant", "year"], ["dest", "year"], ["city", "dest"]])
        #expect(formula.fixedEffects.map(\.description) == ["plant^year", "dest^year", "city^dest"])
        #expect(formula.instrumentSpecification == nil)
        #expect(!formula.hasIntercept)
        #expect(formula.variables == ["lnexp", "dlnaffiliate", "lndensity", "plant", "year", "dest", "city"])
        #expect(formula.description == text)
    }

    /// (input, canonical description, regressor labels, fixed-effect labels, has intercept)
    static let cases: [(String, String, [String], [String], Bool)] = [
        ("y~x", "y ~ x", ["x"], [], true),
        ("  y  ~  x1 +x2  ", "y ~ x1 + x2", ["x1", "x2"], [], true),
        ("y ~ a*b", "y ~ a + b + a:b", ["a", "b", "a:b"], [], true),
        ("y ~ a*b*c", "y ~ a + b + a:b + c + a:c + b:c + a:b:c",
         ["a", "b", "a:b", "c", "a:c", "b:c", "a:b:c"], [], true),
        ("y ~ a:b*c", "y ~ a:b + c + a:b:c", ["a:b", "c", "a:b:c"], [], true),
        ("y ~ x + x + b:a + a:b", "y ~ x + b:a", ["x", "b:a"], [], true),
        ("y ~ x:x", "y ~ x", ["x"], [], true),
        ("y ~ log(x) + exp(z) + sqrt(w) + abs(v)", "y ~ log(x) + exp(z) + sqrt(w) + abs(v)",
         ["log(x)", "exp(z)", "sqrt(w)", "abs(v)"], [], true),
        ("y ~ I(x^2) + I(x ^ 3) + I(x^-1)", "y ~ I(x^2) + I(x^3) + I(x^-1)", ["I(x^2)", "I(x^3)", "I(x^-1)"], [], true),
        ("log(y) ~ log(x):z", "log(y) ~ log(x):z", ["log(x):z"], [], true),
        ("y ~ 1", "y ~ 1", [], [], true),
        ("y ~ 1 + x", "y ~ x", ["x"], [], true),
        ("y ~ 0 + x", "y ~ 0 + x", ["x"], [], false),
        ("y ~ x - 1", "y ~ 0 + x", ["x"], [], false),
        ("y ~ -1 + x", "y ~ 0 + x", ["x"], [], false),
        ("y ~ x + 0", "y ~ 0 + x", ["x"], [], false),
        ("y ~ 0", "y ~ 0", [], [], false),
        ("y ~ x | fe", "y ~ x | fe", ["x"], ["fe"], false),
        ("y ~ x | 0", "y ~ x", ["x"], [], true),
        ("y ~ x | 1", "y ~ x", ["x"], [], true),
        ("y ~ 1 | fe", "y ~ 1 | fe", [], ["fe"], false),
        ("y ~ x | a^b + b^a + a", "y ~ x | a^b + a", ["x"], ["a^b", "a"], false),
        ("y ~ x.1 + _z + .w | my.fe", "y ~ x.1 + _z + .w | my.fe", ["x.1", "_z", ".w"], ["my.fe"], false),
        ("y ~ `log wage` + `2x` | `the firm`", "y ~ `log wage` + `2x` | `the firm`",
         ["`log wage`", "`2x`"], ["`the firm`"], false),
        ("salário ~ preço + año", "salário ~ preço + año", ["preço", "año"], [], true),
        ("y ~ x\n + z\t| fe", "y ~ x + z | fe", ["x", "z"], ["fe"], false),
    ]

    @Test("formulas parse to the expected terms and canonical text", arguments: cases)
    func structure(_ example: (String, String, [String], [String], Bool)) throws {
        let (text, canonical, regressors, effects, intercept) = example
        let formula = try FormulaParser.parse(text)
        #expect(formula.description == canonical)
        #expect(formula.regressors.map(\.description) == regressors)
        #expect(formula.fixedEffects.map(\.description) == effects)
        #expect(formula.hasIntercept == intercept)
    }

    @Test("canonical text parses back to the same formula", arguments: cases.map(\.0) + [
        "y ~ x | fe | d ~ z", "y ~ x | d1 + d2 ~ z1 + z2 + I(z1^2)", "y ~ 0 + x | d ~ z",
    ])
    func roundTrip(_ text: String) throws {
        let formula = try FormulaParser.parse(text)
        let again = try FormulaParser.parse(formula.description)
        #expect(again.dependent == formula.dependent)
        #expect(again.regressors == formula.regressors)
        #expect(again.fixedEffects == formula.fixedEffects)
        #expect(again.instrumentSpecification == formula.instrumentSpecification)
        #expect(again.hasIntercept == formula.hasIntercept)
        #expect(again.description == formula.description)
    }

    @Test("term structure of functions, powers and backquoted names")
    func termStructure() throws {
        let formula = try FormulaParser.parse("log(y) ~ I(log(x)^2) + `a b`:sqrt(z)")
        #expect(formula.dependent == .function(name: "log", argument: .variable("y")))
        #expect(formula.regressors == [
            .power(.function(name: "log", argument: .variable("x")), 2),
            .interaction([.variable("a b"), .function(name: "sqrt", argument: .variable("z"))]),
        ])
        #expect(formula.regressors[1].variables == ["a b", "z"])
        #expect(formula.variables == ["y", "x", "a b", "z"])
    }

    @Test("IV with fixed effects: y ~ exo | fe | endo ~ inst")
    func instrumentsWithFixedEffects() throws {
        let formula = try FormulaParser.parse("y ~ x1 + x2 | firm + year | d1 + d2 ~ z1 + z2 + z1")
        #expect(formula.regressors == [.variable("x1"), .variable("x2")])
        #expect(formula.fixedEffects == [FixedEffectTerm(variables: ["firm"]), FixedEffectTerm(variables: ["year"])])
        #expect(formula.instrumentSpecification == InstrumentSpecification(
            endogenous: [.variable("d1"), .variable("d2")], instruments: [.variable("z1"), .variable("z2")]))
        #expect(formula.variables == ["y", "x1", "x2", "firm", "year", "d1", "d2", "z1", "z2"])
        #expect(formula.description == "y ~ x1 + x2 | firm + year | d1 + d2 ~ z1 + z2")
    }

    @Test("IV without fixed effects: the last part with '~' is the IV part")
    func instrumentsWithoutFixedEffects() throws {
        let formula = try FormulaParser.parse("y ~ x | d ~ z")
        #expect(formula.fixedEffects.isEmpty)
        #expect(formula.hasIntercept)
        #expect(formula.instrumentSpecification?.endogenous == [.variable("d")])
        #expect(formula.instrumentSpecification?.instruments == [.variable("z")])
        let onlyIV = try FormulaParser.parse("y ~ 1 | d ~ z")
        #expect(onlyIV.regressors.isEmpty)
        #expect(onlyIV.hasIntercept)
    }

    @Test("fixed-effect combinations keep written order and drop repeated names")
    func fixedEffectTerm() {
        #expect(FixedEffectTerm(variables: ["city", "dest", "city"]).variables == ["city", "dest"])
        #expect(FixedEffectTerm(variables: ["city", "dest"]).description == "city^dest")
        #expect(Term.interaction([.variable("x1"), .variable("x2")]).description == "x1:x2")
        #expect(Term.power(.variable("x"), 2).description == "I(x^2)")
    }
}
