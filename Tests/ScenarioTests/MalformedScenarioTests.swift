import Foundation
import Testing
import TestSupport
@testable import Scenario
import struct Scenario.SourceLocation

/// One malformed scenario file and the error it must produce.
struct MalformedCase: CustomStringConvertible, Sendable {
    let file: String
    let kind: ScenarioError.Kind
    let line: Int
    let column: Int
    let keyPath: String
    let message: String
    var fix: String? = nil

    var description: String { file }
}

let malformedDirectory = Repository.path("Tests/ScenarioTests/Malformed")

let malformedCases: [MalformedCase] = [
    .init(file: "02-malformed-toml.toml", kind: .malformedTOML, line: 7, column: 5, keyPath: "",
          message: "malformed TOML"),
    .init(file: "03-unknown-model.toml", kind: .unknownModel, line: 3, column: 1, keyPath: "scenario.model",
          message: "unknown model 'allocation-efficency'", fix: "did you mean \"allocation-efficiency\"?"),
    .init(file: "04-unknown-section.toml", kind: .unknownSection, line: 5, column: 1, keyPath: "modle",
          message: "unknown section [modle]", fix: "did you mean [model]?"),
    .init(file: "05-unknown-key.toml", kind: .unknownKey, line: 7, column: 3, keyPath: "model.sigmaa",
          message: "unknown key 'sigmaa' in [model]", fix: "did you mean 'sigma'?"),
    .init(file: "06-wrong-type-string.toml", kind: .wrongType, line: 7, column: 1, keyPath: "model.sigma",
          message: "sigma must be a number, not a string \"high\""),
    .init(file: "07-wrong-type-float-for-integer.toml", kind: .wrongType, line: 6, column: 1,
          keyPath: "model.regions", message: "regions must be an integer, not a float 10.5"),
    .init(file: "08-missing-name.toml", kind: .missingKey, line: 2, column: 1, keyPath: "scenario.name",
          message: "missing key 'name' in [scenario]"),
    .init(file: "09-sigma-not-above-one.toml", kind: .outOfDomain, line: 6, column: 1, keyPath: "model.sigma",
          message: "sigma = 0.8 is outside its domain σ > 1"),
    .init(file: "10-k-not-above-sigma-minus-one.toml", kind: .outOfDomain, line: 7, column: 1, keyPath: "model.k",
          message: "k = 2.5 must exceed σ − 1 = 3.0"),
    .init(file: "11-tau-below-one.toml", kind: .outOfDomain, line: 6, column: 1, keyPath: "model.tau",
          message: "tau = 0.9 is outside its domain τ ≥ 1"),
    .init(file: "12-negative-fixed-cost.toml", kind: .outOfDomain, line: 6, column: 1, keyPath: "model.f",
          message: "f = -1 is outside its domain f > 0"),
    .init(file: "13-probabilities-do-not-sum-to-one.toml", kind: .outOfDomain, line: 7, column: 1,
          keyPath: "model.m_probabilities", message: "probabilities of m sum to 0.9, not 1"),
    .init(file: "14-negative-probability.toml", kind: .outOfDomain, line: 6, column: 25,
          keyPath: "model.m_probabilities[1]", message: "m_probabilities[1] = -0.1 is outside its domain 0 ≤ P(m) ≤ 1"),
    .init(file: "15-empty-sweep-array.toml", kind: .emptySweep, line: 6, column: 1, keyPath: "sweep.sigma",
          message: "empty sweep"),
    .init(file: "16-empty-sweep-count.toml", kind: .emptySweep, line: 6, column: 33, keyPath: "sweep.sigma.count",
          message: "empty sweep: sigma has count = 1"),
    .init(file: "17-sweep-unknown-parameter.toml", kind: .unknownKey, line: 7, column: 1, keyPath: "sweep.kappaa",
          message: "cannot sweep 'kappaa'", fix: "did you mean 'kappa'?"),
    .init(file: "18-sweep-value-out-of-domain.toml", kind: .outOfDomain, line: 6, column: 15,
          keyPath: "sweep.sigma[1]", message: "sweep value sigma[1] = 0.5 is outside its domain σ > 1"),
    .init(file: "19-zero-replications.toml", kind: .outOfDomain, line: 6, column: 1,
          keyPath: "montecarlo.replications", message: "replications = 0 is outside 1…1000000"),
    .init(file: "20-unknown-recover-target.toml", kind: .outOfDomain, line: 6, column: 17,
          keyPath: "montecarlo.recover[1]", message: "'sigmaa' is not a recoverable parameter",
          fix: "did you mean \"sigma\"?"),
    .init(file: "21-bad-output-format.toml", kind: .outOfDomain, line: 6, column: 1, keyPath: "output.format",
          message: "format = \"jpg\" is not \"png\" or \"svg\""),
    .init(file: "22-sweep-point-violates-constraint.toml", kind: .outOfDomain, line: 9, column: 20,
          keyPath: "sweep.sigma[2]", message: "sweep point 2 (sigma[2] = 6.0) violates allocation-efficiency: k = 4.5 must exceed σ − 1 = 5.0"),
    .init(file: "23-multiline-array-element.toml", kind: .outOfDomain, line: 9, column: 5,
          keyPath: "model.m_probabilities[2]", message: "m_probabilities[2] = 1.2 is outside its domain"),
    .init(file: "24-estimate-inline-table-key.toml", kind: .unknownKey, line: 12, column: 13,
          keyPath: "estimate[1].vcov.clustr", message: "unknown key 'clustr' in vcov", fix: "did you mean 'cluster'?"),
    .init(file: "25-key-outside-section.toml", kind: .unknownSection, line: 1, column: 1, keyPath: "sigma",
          message: "key 'sigma' is outside any section", fix: "move it under [model]"),
    .init(file: "26-level-out-of-range.toml", kind: .outOfDomain, line: 6, column: 1, keyPath: "montecarlo.level",
          message: "level = 1.0 is outside (0, 1)"),
    .init(file: "27-dotted-key-wrong-type.toml", kind: .wrongType, line: 1, column: 1, keyPath: "output.panel",
          message: "panel must be a boolean, not a string \"yes\"", fix: "write panel = true or panel = false"),
]

@Suite("Malformed scenario files")
struct MalformedScenarioTests {
    @Test("each malformed file reports the expected located error", arguments: malformedCases)
    func malformed(_ expected: MalformedCase) throws {
        let path = malformedDirectory + "/" + expected.file
        let error = try #require(throws: ScenarioError.self) { try ScenarioLoader.load(path: path) }
        #expect(error.kind == expected.kind, "\(error)")
        #expect(error.location == SourceLocation(file: path, line: expected.line, column: expected.column), "\(error)")
        #expect(error.keyPath == expected.keyPath, "\(error)")
        #expect(error.message.contains(expected.message), "\(error)")
        if let fix = expected.fix { #expect(error.fix.contains(fix), "\(error)") }
        #expect(!error.fix.isEmpty)
    }

    @Test("every file in Malformed/ has an expectation, and there are at least 16")
    func everyFileCovered() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: malformedDirectory)
            .filter { $0.hasSuffix(".toml") }.sorted()
        #expect(files.count >= 16)
        #expect(Set(files) == Set(malformedCases.map(\.file)))
    }

    @Test("a missing file is fileNotFound, without a location")
    func missingFile() throws {
        let path = malformedDirectory + "/01-does-not-exist.toml"
        let error = try #require(throws: ScenarioError.self) { try ScenarioLoader.load(path: path) }
        #expect(error.kind == .fileNotFound)
        #expect(error.location == nil)
        #expect(error.keyPath == "")
        #expect(error.message.contains("01-does-not-exist.toml"))
        #expect(error.description.hasPrefix("error: no scenario file at"))
    }

    @Test("a directory is unreadable")
    func directory() throws {
        let error = try #require(throws: ScenarioError.self) { try ScenarioLoader.load(path: malformedDirectory) }
        #expect(error.kind == .unreadable)
    }

    @Test("the description is compiler style, three lines")
    func description() throws {
        let path = malformedDirectory + "/05-unknown-key.toml"
        let error = try #require(throws: ScenarioError.self) { try ScenarioLoader.load(path: path) }
        #expect(error.description == """
            \(path):7:3: error: unknown key 'sigmaa' in [model]
              key: model.sigmaa
              fix: did you mean 'sigma'?
            """)
    }
}
