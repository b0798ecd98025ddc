import Foundation
import Models
import Testing

@Suite("allocation-efficiency equilibrium")
struct EquilibriumTests {
    @Test("closed-form A_d equals the numerical (quadrature + Brent) solution to 1e-8")
    func closedFormMatchesNumerical() throws {
        for parameters in try Fixtures.interiorCases {
            let model = AllocationEfficiencyModel(parameters: parameters)
            let closed = try model.solve(method: .closedForm)
            let numeric = try model.solve(method: .numerical)
            #expect(closed.regime.closedFormApplies)
            #expect(abs(closed.domesticDemand / numeric.domesticDemand - 1) < 1e-8, "I = \(parameters.internetLevel)")
            #expect(abs(closed.exporterShare / numeric.exporterShare - 1) < 1e-8)
            #expect(abs(closed.meanExporterComplexity - numeric.meanExporterComplexity) < 1e-8)
            #expect(abs(closed.welfarePerWorker / numeric.welfarePerWorker - 1) < 1e-8)
            #expect(closed.freeEntryResidual < 1e-12)
            #expect(numeric.freeEntryResidual < 1e-10)
        }
    }

    @Test("the numerical solver works where the closed form does not, and the closed form refuses")
    func numericalOutsideTheClosedFormRegime() throws {
        // Cheap exporting: the break-even export productivity is below the domestic cutoff.
        let parameters = try Fixtures.parameters(["A_x": .real(0.02), "I": .real(0.3)])
        let model = AllocationEfficiencyModel(parameters: parameters)
        let numeric = try model.solve()
        #expect(!numeric.regime.partitioned)
        #expect(numeric.freeEntryResidual < 1e-10)
        #expect(abs(numeric.exporterShare - 1) < 1e-12, "every producer exports when not partitioned")
        #expect(throws: ModelError.self) { try model.solve(method: .closedForm) }
    }

    @Test("interior cutoffs: aggregate productivity is (k/(k−σ+1))^{1/(σ−1)} φ*_d and exporter share is (φ*_d/φ*_x)^k")
    func interiorClosedForms() throws {
        let parameters = try Fixtures.parameters()
        let equilibrium = try AllocationEfficiencyModel(parameters: parameters).solve()
        let sigma = parameters.elasticityOfSubstitution, k = parameters.paretoShape
        let expected = pow(k / (k - sigma + 1), 1 / (sigma - 1)) * equilibrium.effectiveDomesticCutoff
        #expect(abs(equilibrium.aggregateProductivity / expected - 1) < 1e-12)
        let share = pow(equilibrium.effectiveDomesticCutoff / equilibrium.effectiveExportCutoff, k)
        #expect(abs(equilibrium.exporterShare / share - 1) < 1e-12)
        for cutoff in equilibrium.cutoffs {
            #expect(cutoff.domesticCutoff >= parameters.paretoScale)
            #expect(cutoff.exportCutoff > cutoff.domesticCutoff)
        }
    }

    @Test("outside the closed form's regime, Brent with the exact integrals equals Brent with quadrature to 1e-9")
    func exactIntegralsAgreeWithQuadrature() throws {
        for overrides: [String: ParameterValue] in [["A_x": .real(0.02), "I": .real(0.3)], ["f_e": .real(5.0), "I": .real(0.1)]] {
            let model = AllocationEfficiencyModel(parameters: try Fixtures.parameters(overrides))
            let quadrature = try model.solve()
            let exact = try model.solveWithExactIntegrals(internetLevel: model.parameters.internetLevel)
            #expect(!quadrature.regime.closedFormApplies && exact.method == .numerical)
            #expect(abs(exact.domesticDemand / quadrature.domesticDemand - 1) < 1e-9, "\(overrides)")
            #expect(abs(exact.welfarePerWorker / quadrature.welfarePerWorker - 1) < 1e-9)
            #expect(exact.freeEntryResidual < 1e-12)
        }
        let interior = AllocationEfficiencyModel(parameters: try Fixtures.parameters())
        #expect(try interior.solveWithExactIntegrals(internetLevel: 0.2).method == .closedForm)
    }

    @Test("truncated cutoffs (φ*_d(m) < φ_min) still satisfy free entry in the numerical solution")
    func truncatedCutoffs() throws {
        let parameters = try Fixtures.parameters(["f_e": .real(5.0), "I": .real(0.1)])
        let equilibrium = try AllocationEfficiencyModel(parameters: parameters).solve()
        #expect(!equilibrium.regime.interiorCutoffs)
        #expect(equilibrium.freeEntryResidual < 1e-10)
        #expect(equilibrium.cutoffs.contains { $0.activeShare == 1 })
    }

    @Test("export cutoff complexity m*_x(φ0, I) = ln(φ*_x/φ0)/ln(θ/κ), infinite when θ ≤ κ")
    func exportCutoffComplexity() throws {
        let parameters = try Fixtures.parameters(["I": .real(0.3)])
        let equilibrium = try AllocationEfficiencyModel(parameters: parameters).solve()
        let expected = log(equilibrium.effectiveExportCutoff / parameters.referenceProductivity) / 0.3
        #expect(abs(equilibrium.referenceExportCutoffComplexity / expected - 1) < 1e-12)
        let flat = try AllocationEfficiencyModel(parameters: Fixtures.parameters(["I": .real(0.1), "kappa": .real(1.2)])).solve()
        #expect(flat.referenceExportCutoffComplexity == .infinity)
    }
}
