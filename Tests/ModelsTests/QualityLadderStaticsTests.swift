import Foundation
import Models
import Testing

@Suite("quality-ladder comparative statics")
struct QualityLadderStaticsTests {
    @Test("consistent variant: analytic = central finite differences (relative 1e-6) in I, θ and ρ")
    func consistentStatics() throws {
        for model in try QualityLadderFixtures.validCases {
            let statics = try model.comparativeStatics()
            #expect(statics.firmLevel.count == 9 && statics.industryLevel.count == 12)
            for check in statics.all {
                #expect(check.relativeDifference < 1e-6, "\(check.name) at \(check.point): \(check.analytic) vs \(check.finiteDifference)")
            }
        }
    }

    @Test("consistent signs with β > μ: own digital input narrows the distance; a common one widens it")
    func consistentSigns() throws {
        let statics = try QualityLadderFixtures.model().comparativeStatics()
        func value(_ prefix: String) throws -> Double {
            try #require(statics.all.first { $0.name.hasPrefix(prefix) }).analytic
        }
        #expect(try value("∂ϕ/∂I") > 0)
        #expect(try value("∂λ_i/∂I_i") > 0)
        #expect(try value("∂Δλ_i/∂I_i") < 0)
        #expect(try value("∂c_D/∂I") < 0)      // tougher selection: Π rises with I
        #expect(try value("∂Δλ_i/∂I (common") > 0)  // Δλ_i = ϕ c_i and the frontier upgrades too
        #expect(try value("∂Δλ_i/∂θ_i") < 0)   // θ = 2 > 1, ρ > 0
        #expect(try value("∂Δλ_i/∂ρ_i") < 0)   // ln θ > 0
    }

    @Test("as-printed: analytic = finite differences for (12), corrected (13)–(14), (4) and (11)")
    func printedStatics() throws {
        let points: [[String: ParameterValue]] = [
            [:],
            ["beta": .real(1), "mu": .real(2), "rho": .real(1), "k": .real(1)],
            ["beta": .real(2), "mu": .real(1), "E": .real(1), "rho": .real(1)],
            ["theta": .real(0.6), "I": .real(3.7)],
        ]
        for overrides in points {
            let checks = try QualityLadderFixtures.printed(overrides).derivativeChecks()
            #expect(checks.count == 5)
            for check in checks {
                #expect(check.relativeDifference < 1e-6, "\(check.name) at \(check.point): \(check.analytic) vs \(check.finiteDifference)")
            }
            let elasticity = try #require(checks.first { $0.name.hasPrefix("(4)") })
            #expect(elasticity.analytic == -0.5)
        }
    }

    @Test("printed (13) and (14) differ from the correct derivatives exactly by γθ^{−2ρ} and ρ")
    func printedFactors() throws {
        for overrides: [String: ParameterValue] in [
            [:], ["gamma": .real(2.5), "theta": .real(3), "rho": .real(0.7)], ["beta": .real(1), "mu": .real(2), "rho": .real(1.4)],
        ] {
            let model = try QualityLadderFixtures.printed(overrides)
            let p = model.parameters
            let factor13 = p.productDifferentiation * pow(p.innovationCapability, -2 * p.spilloverLevel)
            #expect(abs(model.printedSpilloverSlope * factor13 / model.spilloverSlope - 1) < 1e-13)
            #expect(abs(model.printedCapabilitySlope * p.spilloverLevel / model.capabilitySlope - 1) < 1e-13)
            for check in try model.derivativeChecks() where check.name.hasPrefix("(13)") || check.name.hasPrefix("(14)") {
                let printed = try #require(check.printed)
                let factor = check.name.hasPrefix("(13)") ? factor13 : p.spilloverLevel
                #expect(abs(printed * factor / check.analytic - 1) < 1e-13)
            }
        }
    }

    @Test("eq. (4): Δλ = (1 − δ_λ) θ^{−ρ} I^{−1/2} and eq. (5) by hand")
    func distancesFourAndFive() throws {
        // δ_λ = 0.5, θ = 2, ρ = 0.5, I = 4: 0.5 · 2^{−0.5} · 0.5 = 0.1767767…
        let model = try QualityLadderFixtures.printed(["delta_phi": .real(0.2)])
        #expect(abs(model.qualityDistance(digitalInput: 4) - 0.25 / 2.0.squareRoot()) < 1e-15)
        #expect(abs(model.productivityDistance(digitalInput: 4) - 0.4 / 2.0.squareRoot()) < 1e-15)
        #expect(abs(model.qualityDistance(digitalInput: 16) / model.qualityDistance(digitalInput: 4) - 0.5) < 1e-15)
        #expect(abs(model.cost(digitalInput: 4) - (0 - 0.4 / 2.0.squareRoot())) < 1e-15)
    }
}
