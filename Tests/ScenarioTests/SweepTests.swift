@testable import Pipelines
import Models
import Testing
@testable import Scenario
import struct Scenario.SourceLocation

@Suite("Sweep expansion")
struct SweepTests {
    func scenario(_ sweep: String, model: String = "") throws -> Scenario {
        try ScenarioLoader.parse(text: minimalScenario + "\n[model]\n" + model + "\n[sweep]\n" + sweep, fileName: "s.toml")
    }

    @Test("an array sweep is taken as written, applied to the parameters")
    func array() throws {
        let s = try scenario("sigma = [2.0, 3, 4.5]")
        #expect(s.sweep == [SweepAxis(parameter: "sigma", values: [2.0, 3.0, 4.5])])
        #expect(s.sweepPoints.map { $0.real("sigma") } == [2.0, 3.0, 4.5])
        #expect(s.sweepPoints.allSatisfy { $0.real("k") == 4.5 })
    }

    @Test("from/to/count is an evenly spaced grid with exact endpoints")
    func range() throws {
        let s = try scenario("tau = { from = 1.1, to = 1.7, count = 7 }")
        let values = try #require(s.sweep.first?.values)
        #expect(values.count == 7)
        #expect(values.first == 1.1)
        #expect(values.last == 1.7)
        for (index, value) in values.enumerated() { #expect(abs(value - (1.1 + 0.1 * Double(index))) < 1e-12) }
        #expect(SweepAxis.grid(from: 0.1, to: 0.7, count: 3) == [0.1, 0.4, 0.7].enumerated().map { $0.offset == 1 ? 0.1 + 0.6 * 0.5 : $0.element })
    }

    @Test("a range may be written as a sub-table")
    func rangeSubTable() throws {
        let text = minimalScenario + "\n[sweep.I]\nfrom = 0.0\nto = 0.4\ncount = 3\n"
        let s = try ScenarioLoader.parse(text: text, fileName: "t.toml")
        #expect(s.sweep == [SweepAxis(parameter: "I", values: [0.0, 0.2, 0.4])])
    }

    @Test("two axes give the cartesian product, first key of the file slowest")
    func twoAxes() throws {
        let s = try scenario("tau = [1.1, 1.2]\nf = [0.5, 1.0, 2.0]")
        #expect(s.sweep.map(\.parameter) == ["tau", "f"])
        let points = s.sweepPoints
        #expect(points.count == 6)
        #expect(points.map { [$0.real("tau") ?? .nan, $0.real("f") ?? .nan] } == [
            [1.1, 0.5], [1.1, 1.0], [1.1, 2.0], [1.2, 0.5], [1.2, 1.0], [1.2, 2.0],
        ])
        #expect(s.sweepIndices(4) == [1, 1])
        // The rest of the parameters stay at the base point.
        #expect(points.allSatisfy { $0.real("sigma") == 4.0 && $0.list("m_probabilities") == [0.30, 0.25, 0.20, 0.15, 0.10] })
    }

    @Test("integer parameters cannot be swept")
    func integerAxis() throws {
        let error = try #require(throws: ScenarioError.self) { try scenario("regions = [5, 10]") }
        #expect(error.kind == .wrongType)
        #expect(error.keyPath == "sweep.regions")
    }

    @Test("a sweep point that violates a constraint through the swept key is blamed on that key")
    func blameSweptKey() throws {
        let error = try #require(throws: ScenarioError.self) { try scenario("sigma = [2.0, 3.0]\nk = [4.0, 0.5]") }
        #expect(error.keyPath == "sweep.k[1]")
        #expect(error.message.contains("sweep point 1 (sigma[0] = 2.0, k[1] = 0.5)"))
        #expect(error.location == SourceLocation(file: "s.toml", line: 8, column: 11))
    }

    @Test("a range with an endpoint out of domain is located at the endpoint")
    func rangeOutOfDomain() throws {
        let error = try #require(throws: ScenarioError.self) { try scenario("kappa = { from = 0.5, to = 2.0, count = 3 }") }
        #expect(error.kind == .outOfDomain)
        #expect(error.keyPath == "sweep.kappa.from")
        #expect(error.location == SourceLocation(file: "s.toml", line: 7, column: 11))
    }

    @Test("too many points are refused instead of exhausting memory")
    func tooLarge() throws {
        let error = try #require(throws: ScenarioError.self) {
            try scenario("tau = { from = 1, to = 2, count = 2000 }\nf = { from = 1, to = 2, count = 2000 }")
        }
        #expect(error.keyPath == "sweep")
        let huge = try #require(throws: ScenarioError.self) { try scenario("tau = { from = 1, to = 2, count = 9223372036854775807 }") }
        #expect(huge.keyPath == "sweep.tau.count")
    }
}
