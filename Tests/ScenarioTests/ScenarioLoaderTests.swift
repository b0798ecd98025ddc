@testable import Pipelines
import Foundation
import Models
import Testing
@testable import Scenario
import struct Scenario.SourceLocation

let fullScenario = """
    # A complete scenario: every section written.
    [scenario]
    name  = "allocation-baseline"
    model = "allocation-efficiency"
    seed  = 42

    [model]                       # the model's parameters
    sigma = 5                     # an integer literal for a real parameter
    k     = 6.0
    "tau" = 1.25                  # a quoted key
    m_probabilities = [
        0.5,  # comment with ] and = and #
        0.5,
    ]
    regions = 12
    I_low = 0.0
    I_high = 0.5

    [[estimate]]
    name    = "markup"
    formula = "employment ~ domestic_sales | region^year"
    vcov    = { cluster = ["region"] }
    recover = { domestic_sales = "truth.sigma" }

    [[estimate]]
    name    = "tail"
    formula = "domestic_sales ~ 1"
    vcov    = "hetero"

    [montecarlo]
    replications = 500
    threads = 2
    recover = ["sigma", "k"]
    level = 0.9

    [sweep]
    I = { from = 0.0, to = 1.0, count = 5 }
    kappa = [1.0, 1.5]

    [output]
    dir = "out/custom # not a comment"
    panel = true
    gnuplot = false
    format = "svg"
    """

let minimalScenario = """
    [scenario]
    name  = "minimal"
    model = "allocation-efficiency"
    """

@Suite("Scenario loading")
struct ScenarioLoaderTests {
    @Test("a full scenario parses with the expected values")
    func full() throws {
        let scenario = try ScenarioLoader.parse(text: fullScenario, fileName: "full.toml")
        #expect(scenario.name == "allocation-baseline")
        #expect(scenario.model.key == "allocation-efficiency")
        #expect(scenario.seed == 42)
        #expect(scenario.parameters["sigma"] == .real(5))
        #expect(scenario.parameters["k"] == .real(6))
        #expect(scenario.parameters["tau"] == .real(1.25))
        #expect(scenario.parameters["m_probabilities"] == .realList([0.5, 0.5]))
        #expect(scenario.parameters["regions"] == .integer(12))
        #expect(scenario.parameters["I_high"] == .real(0.5))
        #expect(scenario.parameters["f"] == .real(1.0))   // default
        #expect(scenario.montecarlo == MonteCarloSettings(replications: 500, threads: 2, recover: ["sigma", "k"], level: 0.9))
        #expect(scenario.output == OutputSettings(directory: "out/custom # not a comment", writePanel: true,
                                                  gnuplot: false, format: .svg))
        #expect(scenario.estimations == [
            EstimationRequest(name: "markup", formula: "employment ~ domestic_sales | region^year", vcov: .cluster(["region"]),
                              recover: [.init(coefficient: "domestic_sales", truth: .modelTruth("sigma"))]),
            EstimationRequest(name: "tail", formula: "domestic_sales ~ 1", vcov: .hetero),
        ])
        // Sweep axes keep the key order of the file (I before kappa), not TOMLKit's sorted order.
        #expect(scenario.sweep == [SweepAxis(parameter: "I", values: [0, 0.25, 0.5, 0.75, 1.0]),
                                   SweepAxis(parameter: "kappa", values: [1.0, 1.5])])
        #expect(scenario.location(of: "model.tau") == SourceLocation(file: "full.toml", line: 10, column: 1))
        #expect(scenario.location(of: "estimate[0].vcov.cluster") == SourceLocation(file: "full.toml", line: 22, column: 13))
        #expect(scenario.location(of: "model.I_growth") == SourceLocation(file: "full.toml", line: 7, column: 1))
        #expect(scenario.location(of: "output.dir") == SourceLocation(file: "full.toml", line: 41, column: 1))
    }

    @Test("defaults are filled in for every section and every parameter")
    func defaults() throws {
        let scenario = try ScenarioLoader.parse(text: minimalScenario, fileName: "minimal.toml")
        let descriptor = AllocationEfficiency.descriptor
        #expect(scenario.seed == 20_261_121)
        #expect(scenario.parameters.values.count == descriptor.parameters.count)
        for spec in descriptor.parameters {
            switch spec.defaultValue {
            case .real(let value)?: #expect(scenario.parameters[spec.key] == .real(value))
            default: #expect(scenario.parameters[spec.key] == spec.defaultValue)
            }
        }
        #expect(scenario.montecarlo == MonteCarloSettings(replications: 200, threads: 0,
                                                          recover: descriptor.recoverable.map(\.key), level: 0.95))
        #expect(scenario.output == OutputSettings(directory: "out/minimal", writePanel: false, gnuplot: true, format: .png))
        #expect(scenario.sweep.isEmpty)
        #expect(scenario.sweepPoints.isEmpty)
        #expect(scenario.estimations.isEmpty)
    }

    @Test("the resolved TOML parses back to the same scenario", arguments: [fullScenario, minimalScenario])
    func roundTrip(_ text: String) throws {
        let scenario = try ScenarioLoader.parse(text: text, fileName: "in.toml")
        let resolved = ResolvedScenarioWriter.toml(scenario)
        let again = try ScenarioLoader.parse(text: resolved, fileName: "resolved.toml")
        #expect(again.name == scenario.name)
        #expect(again.seed == scenario.seed)
        #expect(again.model.key == scenario.model.key)
        #expect(again.parameters == scenario.parameters)
        #expect(again.montecarlo == scenario.montecarlo)
        #expect(again.sweep == scenario.sweep)
        #expect(again.output == scenario.output)
        #expect(again.estimations == scenario.estimations)
        // Idempotent once resolved (apart from the source line).
        let twice = ResolvedScenarioWriter.toml(again)
        #expect(twice.split(separator: "\n").dropFirst(2) == resolved.split(separator: "\n").dropFirst(2))
    }

    @Test("the resolved TOML comments every model key with symbol, name, meaning and domain")
    func resolvedComments() throws {
        let scenario = try ScenarioLoader.parse(text: minimalScenario, fileName: "minimal.toml")
        let resolved = ResolvedScenarioWriter.toml(scenario)
        #expect(resolved.contains("# σ — elasticityOfSubstitution: CES elasticity of substitution between varieties, eq. (1); domain σ > 1\nsigma = 4.0\n"))
        for section in ["[scenario]", "[model]", "[montecarlo]", "[output]"] { #expect(resolved.contains(section)) }
        for spec in AllocationEfficiency.descriptor.parameters {
            #expect(resolved.contains("# \(spec.symbol) — \(spec.name): "))
        }
        #expect(resolved.contains("recover      = [\"k\", \"sigma\", \"sales_shape\"]"))
        #expect(resolved.contains("dir     = \"out/minimal\""))
    }

    @Test("a real parameter given as an integer literal is stored as a real")
    func integerLiteralForReal() throws {
        let scenario = try ScenarioLoader.parse(text: minimalScenario + "\n[model]\nsigma = 3\nk = 3\n", fileName: "x.toml")
        #expect(scenario.parameters["sigma"] == .real(3))
    }

    @Test("a constraint violation on a default value says the default was used")
    func constraintOnDefault() throws {
        let text = minimalScenario + "\n[model]\nsigma = 6.0\n"
        let error = try #require(throws: ScenarioError.self) { try ScenarioLoader.parse(text: text, fileName: "d.toml") }
        #expect(error.keyPath == "model.k")
        #expect(error.location == SourceLocation(file: "d.toml", line: 4, column: 1))   // the [model] header
        #expect(error.message.contains("its default is used"))
    }

    @Test("the first error in file order is reported")
    func firstInFileOrder() throws {
        let text = """
            [scenario]
            name = "two-errors"
            model = "allocation-efficiency"
            [output]
            format = "gif"
            [model]
            sigma = 0.5
            """
        let error = try #require(throws: ScenarioError.self) { try ScenarioLoader.parse(text: text, fileName: "e.toml") }
        #expect(error.keyPath == "output.format")
        #expect(error.location?.line == 5)
    }

    @Test("ScenarioError.model locates a solver's violation at the key in the file")
    func laterModelFailure() throws {
        let text = minimalScenario + "\n[model]\nsigma = 4.0\n  k = 4.5\n"
        let scenario = try ScenarioLoader.parse(text: text, fileName: "later.toml")
        let violation = DomainViolation(key: "k", message: "no equilibrium: the free-entry condition has no root",
                                        fix: "raise f_e or lower f")
        let error = ScenarioError.model(violation, in: scenario)
        #expect(error.kind == .outOfDomain)
        #expect(error.keyPath == "model.k")
        #expect(error.location == SourceLocation(file: "later.toml", line: 6, column: 3))
        #expect(error.description == """
            later.toml:6:3: error: no equilibrium: the free-entry condition has no root
              key: model.k
              fix: raise f_e or lower f
            """)
        let unset = ScenarioError.model(DomainViolation(key: "f_e", message: "m", fix: "x"), in: scenario)
        #expect(unset.location == SourceLocation(file: "later.toml", line: 4, column: 1))
        #expect(unset.message.contains("default"))
    }

    @Test("a registry without the model rejects it and lists the known ones")
    func customRegistry() throws {
        let error = try #require(throws: ScenarioError.self) {
            try ScenarioLoader.parse(text: minimalScenario, fileName: "r.toml", registry: ModelRegistry([]))
        }
        #expect(error.kind == .unknownModel)
        #expect(ModelRegistry.standard.keys == ["allocation-efficiency", "information-spillover", "quality-ladder", "allocation-regional"])
        #expect(ModelRegistry.standard.descriptor(for: "allocation-efficiency") != nil)
    }
}
