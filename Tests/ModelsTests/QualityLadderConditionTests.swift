import Foundation
import Models
import Testing

@Suite("quality-ladder: conditions with no equilibrium")
struct QualityLadderConditionTests {
    static func keys(_ overrides: [String: ParameterValue], method: SolutionMethod) throws -> (String, [String])? {
        do {
            _ = try QualityLadderFixtures.model(overrides).solve(method: method)
            return nil
        } catch ModelError.noEquilibrium(let reason, let keys) {
            return (reason, keys)
        }
    }

    @Test("each violated condition throws noEquilibrium naming it, by both methods", arguments: [
        (["beta": ParameterValue.real(0.5)], "β > μ", "beta"),
        (["beta": .real(0.3)], "β > μ", "beta"),
        // ψ = 1/(2 · 0.25 · 10) = 0.2: 4γψ = 0.8 < E(β−μ)² = 2.5.
        (["I": .real(10)], "4γψ > E(β−μ)²", "I"),
        // c_D⁴ = 12 · 10 / (2 · 40/11 · 2.0496) ≈ 8.05, c_D ≈ 1.68 > c_M = 1.
        (["f_E": .real(10)], "c_D < c_M", "f_E"),
        // c_D ≈ 0.424 > α = 0.3.
        (["alpha": .real(0.3)], "c_D < α", "alpha"),
    ])
    func throwsWithKeys(overrides: [String: ParameterValue], condition: String, key: String) throws {
        for method in [SolutionMethod.closedForm, .numerical] {
            let failure = try #require(try Self.keys(overrides, method: method))
            #expect(failure.0.hasPrefix(condition), "\(failure.0)")
            #expect(failure.1.first == key)
        }
        let violations = QualityLadder.descriptor.violations(of: QualityLadderFixtures.values(overrides))
        #expect(violations.count == 1)
        #expect(violations.first?.key == key)
        // The as-printed variant reports its regime instead of rejecting the parameters.
        var printed = overrides
        printed["variant"] = .choice("as-printed")
        #expect(QualityLadder.descriptor.violations(of: QualityLadderFixtures.values(printed)).isEmpty)
    }

    @Test("the defaults violate no constraint and every parameter has a default in its domain")
    func defaultsAreValid() {
        let descriptor = QualityLadder.descriptor
        #expect(descriptor.key == "quality-ladder")
        #expect(descriptor.violations(of: descriptor.defaults).isEmpty)
        for spec in descriptor.parameters {
            #expect(spec.defaultValue != nil, "\(spec.key) has no default")
            if let number = spec.defaultValue?.realValue { #expect(spec.domain.contains(number), "\(spec.key)") }
        }
        #expect(descriptor.parameter("omega")?.domain.contains(1) == false)
        #expect(descriptor.parameter("I")?.domain.contains(0) == false)
    }

    @Test("an unknown variant is a missing parameter")
    func unknownVariant() {
        #expect(throws: ModelError.missingParameter("variant")) {
            try QualityLadderFixtures.parameters(["variant": .choice("printed")])
        }
    }

    @Test("as-printed: φ_D of (11) is undefined when its bracket is not positive")
    func printedBracket() throws {
        // β = 1, μ = 2, E = 10, γ = 1, θ = 2, ρ = 1, δ_λ = 0.5: c = 1, D = 10 − 4 = 6, ϕ = 10/6.
        // k = 3: (k+1)(k+2) + (μ−β)ϕ(6 − 2k²) = 20 + (5/3)(−12) = 0.
        // k = 3.2: 4.2 · 5.2 + (5/3)(6 − 20.48) = 21.84 − 24.13 < 0.
        let model = try QualityLadderFixtures.printed(["beta": .real(1), "mu": .real(2), "rho": .real(1), "k": .real(3.2)])
        #expect(model.thresholdBracket < 0)
        #expect(throws: ModelError.self) { try model.entryThreshold() }
        #expect(model.propositionTable.rows[4].holds == false)
    }
}
