import Foundation
import Models
import Numerical
import Testing

@Suite("quality-ladder consistent equilibrium")
struct QualityLadderEquilibriumTests {
    @Test("the defaults give a valid consistent equilibrium, checked by hand")
    func defaults() throws {
        let equilibrium = try QualityLadderFixtures.model().solve()
        // ψ = ψ0/(θ^{2ρ} δ_λ² I) = 1/(2 · 0.25 · 1) = 2; S = 4γψ − E(β−μ)² = 8 − 10 · 0.25 = 5.5;
        // ϕ = E(β−μ)/S = 5/5.5 = 10/11; Π = Eψ/S = 20/5.5 = 40/11; Ω = 1 + 0.8² + 0.8⁴ = 2.0496;
        // c_D⁴ = (k+1)(k+2) c_M^k f_E / (2ΠΩ) = 12 · 0.04 / (2 · 40/11 · 2.0496) = 0.0322013…
        #expect(abs(equilibrium.qualityCostCoefficient - 2) < 1e-14)
        #expect(abs(equilibrium.secondOrderMargin - 5.5) < 1e-14)
        #expect(abs(equilibrium.qualityCoefficient - 10.0 / 11) < 1e-14)
        #expect(abs(equilibrium.profitCoefficient - 40.0 / 11) < 1e-13)
        #expect(abs(equilibrium.ladderWeight - 2.0496) < 1e-14)
        let cutoff = pow(12 * 0.04 / (2 * 40.0 / 11 * 2.0496), 0.25)
        #expect(abs(equilibrium.costCutoff / cutoff - 1) < 1e-10)
        #expect(equilibrium.costCutoff < 1 && equilibrium.costCutoff < 2)
        #expect(abs(equilibrium.aggregateConsumption - (2 - cutoff)) < 1e-9)
        #expect(abs(equilibrium.frontierQuality - 10.0 / 11 * cutoff) < 1e-9)
        #expect(equilibrium.freeEntryResidual < 1e-9)
        #expect(equilibrium.entrantMass > 0 && equilibrium.producerMass < equilibrium.entrantMass)
    }

    @Test("closed-form cutoff = quadrature + Brent cutoff to 1e-8 relative")
    func closedFormEqualsNumerical() throws {
        for model in try QualityLadderFixtures.validCases {
            let closed = try model.solve(method: .closedForm)
            let numerical = try model.solve(method: .numerical)
            #expect(abs(numerical.costCutoff / closed.costCutoff - 1) < 1e-8,
                    "\(closed.costCutoff) vs \(numerical.costCutoff)")
            #expect(numerical.freeEntryResidual < 1e-8)
            let expected = try model.expectedProfitByQuadrature(cutoff: closed.costCutoff)
            #expect(abs(expected / model.parameters.entryCost - 1) < 1e-9)
        }
    }

    @Test("Q^c = N_E Σ_n ∫ q_n^c dG: the entrant mass makes demand and supply agree")
    func aggregateConsumptionAdds() throws {
        for model in try QualityLadderFixtures.validCases {
            let e = try model.solve()
            let p = model.parameters, k = p.paretoShape, scale = p.costUpperBound
            var supplied = 0.0
            for n in 0..<p.maximumProducts {
                let factor = pow(p.ladderCostFactor, Double(n))
                supplied += try Quadrature.integrate(from: 0, to: factor * e.costCutoff) { c in
                    e.quantity(cost: c / factor) / p.marketSize * k * pow(c / scale, k - 1) / scale
                }.value
            }
            #expect(abs(e.entrantMass * supplied / e.aggregateConsumption - 1) < 1e-9)
        }
    }

    @Test("firm quantities: price, quantity and profit are consistent with the quality choice")
    func firmQuantities() throws {
        let e = try QualityLadderFixtures.model().solve()
        let p = e.parameters, c = 0.1, lambda = e.quality(cost: c)
        let price = e.price(cost: c), quantity = e.quantity(cost: c)
        // π = (p − c − μλ) q − ψλ² must equal Π (c_D − c)².
        let profit = (price - c - p.qualityMarginalCost * lambda) * quantity - e.qualityCostCoefficient * lambda * lambda
        #expect(abs(profit / e.profit(cost: c) - 1) < 1e-12)
        #expect(abs(e.distance(cost: c) - e.qualityCoefficient * c) < 1e-14)
        #expect(e.quantity(cost: e.costCutoff * 1.01) == 0 && e.quality(cost: e.costCutoff * 1.01) == 0)
    }

    @Test("Melitz–Ottaviano nesting: as θ^{2ρ}δ_λ² I/ψ0 → 0, c_D → (2(k+1)(k+2)γ c_M^k f_E/E)^{1/(k+2)}")
    func nestsMelitzOttaviano() throws {
        let p = try QualityLadderFixtures.parameters(["products": .integer(1)])
        let k = p.paretoShape
        let mo = pow(2 * (k + 1) * (k + 2) * p.productDifferentiation * pow(p.costUpperBound, k) * p.entryCost / p.marketSize,
                     1 / (k + 2))
        var previous = Double.infinity
        for scale in [1.0, 1e2, 1e4, 1e6, 1e8] {
            let cutoff = try QualityLadderFixtures.model(["products": .integer(1), "psi0": .real(scale)])
                .solve(method: .numerical).costCutoff
            let gap = abs(cutoff / mo - 1)
            #expect(gap < previous)
            previous = gap
        }
        #expect(previous < 1e-8)
        let tinyInput = try QualityLadderFixtures.model(["products": .integer(1), "I": .real(1e-9)]).solve()
        #expect(abs(tinyInput.costCutoff / mo - 1) < 1e-8)
        #expect(tinyInput.frontierQuality < 1e-8)
    }

    @Test("the reviewer's corrected eq. (11) equals the consistent c_D at ψ0 = I = 1, one product")
    func correctedElevenIsConsistentCutoff() throws {
        for overrides: [String: ParameterValue] in [[:], ["k": .real(5.0), "c_M": .real(2.0)], ["theta": .real(0.7)]] {
            var all = overrides
            all["products"] = .integer(1)
            let consistent = try QualityLadderFixtures.model(all).solve()
            let printed = try QualityLadderFixtures.printed(all)
            #expect(abs(try printed.correctedEntryThreshold() / consistent.costCutoff - 1) < 1e-12)
            #expect(abs(printed.distanceCoefficient / consistent.qualityCoefficient - 1) < 1e-12)
        }
    }
}
