import Foundation
import Models
import Testing

@Suite("allocation-efficiency comparative statics")
struct AllocationEfficiencyStaticsTests {
    @Test("eqs. (10) and (11): analytic equals finite differences at every m")
    func firmLevel() throws {
        for parameters in try Fixtures.interiorCases {
            let statics = try AllocationEfficiencyModel(parameters: parameters).comparativeStatics()
            #expect(statics.firmLevel.count == 2 * parameters.maximumComplexity)
            for check in statics.firmLevel {
                let tolerance = check.name.contains("∂²") ? 1e-5 : 1e-7
                #expect(check.relativeDifference < tolerance, "\(check.name) at \(check.point): \(check.analytic) vs \(check.finiteDifference)")
            }
        }
    }

    @Test("general-equilibrium derivatives in I: analytic equals finite differences of the numerical equilibrium")
    func equilibriumLevel() throws {
        for parameters in try Fixtures.interiorCases {
            let statics = try AllocationEfficiencyModel(parameters: parameters).comparativeStatics()
            #expect(statics.equilibrium.count >= 5)
            for check in statics.equilibrium {
                #expect(check.relativeDifference < 1e-5, "\(check.name): \(check.analytic) vs \(check.finiteDifference)")
            }
        }
    }

    @Test("the printed eq. (11) is not the derivative of eq. (10)")
    func printedCrossPartialDiffers() throws {
        let statics = try AllocationEfficiencyModel(parameters: Fixtures.parameters(["I": .real(0.3)])).comparativeStatics()
        for check in statics.firmLevel where check.name.contains("∂²") {
            let printed = try #require(check.printed)
            #expect(abs(printed / check.analytic - 1) > 1e-3)
        }
    }

    @Test("with κ > θ the corrected cross-partial turns negative at high m, and eq. (10) fails")
    func dilutionReversesSigns() throws {
        let parameters = try Fixtures.parameters(["kappa": .real(2.0), "I": .real(0.1), "f_e": .real(2.0)])
        let statics = try AllocationEfficiencyModel(parameters: parameters).comparativeStatics()
        let eq10 = statics.firmLevel.filter { $0.name.contains("(10)") }
        #expect(eq10.allSatisfy { $0.analytic < 0 })
        let claims = Dictionary(uniqueKeysWithValues: statics.propositions.map { ($0.claim, $0.holds) })
        #expect(claims.first { $0.key.hasPrefix("eq. (10)") }?.value == false)
        let cross = statics.firmLevel.filter { $0.name.contains("(11)") }.map(\.analytic)
        // 1 + (σ−1) m ln(θ/κ) with σ = 4, ln(θ/κ) = 0.1 − ln 2 ≈ −0.593: positive at no m ≥ 1.
        #expect(cross.allSatisfy { $0 < 0 })
    }

    @Test("mean exporter complexity rises with I in the closed-form regime, even when θ < κ")
    func exporterComplexityClaim() throws {
        let parameters = try Fixtures.parameters(["kappa": .real(1.5)])
        let model = AllocationEfficiencyModel(parameters: parameters)
        var previous = -Double.infinity
        for level in stride(from: 0.0, through: 0.3, by: 0.05) {
            let equilibrium = try model.solve(internetLevel: level)
            #expect(equilibrium.meanExporterComplexity > previous)
            previous = equilibrium.meanExporterComplexity
        }
    }
}
