import Foundation
import Models
import Testing

@Suite("quality-ladder: regime table and product ladder")
struct QualityLadderPropositionTests {
    static func holds(_ table: QualityPropositionTable) -> [Bool] { table.rows.map(\.holds) }

    @Test("the paper's signs at a profit minimum: β = 1, μ = 2, E = 10")
    func paperRegime() throws {
        // γ = 1, θ = 2, ρ = 1, δ_λ = 0.5: c = θ^{−2ρ}δ_λ^{−2} = 0.25 · 4 = 1.
        // D = E(β−μ)² − 4γc = 10 − 4 = 6 > 0, so the SOC fails (a minimum).
        // ϕ = E(μ−β)/D = 10/6 > 0: (12) holds.
        // ∂ϕ/∂ρ = 8Eγ lnθ c (β−μ)/D² = −80 ln2/36 < 0: (13) holds.
        // ∂ϕ/∂θ = 8Eγρ θ^{−1} c (β−μ)/D² = −40/36 < 0: (14) holds.
        // Proposition 5: −ϕ ln ω = (10/6) · 0.2231 > 0: fails.
        // (11) with k = 1: (μ−β)(6 − 2k²) = 4 > 0 and the bracket 6 + (10/6)(4) > 0: holds.
        let table = try QualityLadderFixtures.printed(["beta": .real(1), "mu": .real(2), "rho": .real(1), "k": .real(1)]).propositionTable
        #expect(abs(table.secondOrderValue - 6) < 1e-12)
        #expect(abs(table.distanceCoefficient - 10.0 / 6) < 1e-12)
        #expect(!table.isProfitMaximum && table.rows.allSatisfy { !$0.soc })
        #expect(Self.holds(table) == [true, true, true, false, true])
        #expect(abs(table.rows[1].value - (-80 * log(2.0) / 36)) < 1e-12)
        #expect(abs(table.rows[2].value - (-40.0 / 36)) < 1e-12)
        #expect(abs(table.rows[3].value - (10.0 / 6) * -log(0.8)) < 1e-12)
    }

    @Test("the standard regime at a profit maximum: β = 2, μ = 1, E = 1")
    func standardRegime() throws {
        // c = 1; D = 1 − 4 = −3 < 0: a maximum. ϕ = 1 · (−1)/(−3) = 1/3 > 0: (12) holds.
        // ∂ϕ/∂ρ = 8 ln2/9 > 0 and ∂ϕ/∂θ = 8 · 0.5/9 = 4/9 > 0: (13) and (14) fail.
        // Proposition 5: −(1/3) ln 0.8 > 0: fails.
        // (11) with k = 2: (μ−β)(6 − 8) = 2 > 0: holds; with k = 1: (−1)(4) < 0: fails.
        let base: [String: ParameterValue] = ["beta": .real(2), "mu": .real(1), "E": .real(1), "rho": .real(1)]
        let table = try QualityLadderFixtures.printed(base).propositionTable
        #expect(abs(table.secondOrderValue + 3) < 1e-12)
        #expect(abs(table.distanceCoefficient - 1.0 / 3) < 1e-12)
        #expect(table.isProfitMaximum && table.rows.allSatisfy(\.soc))
        #expect(Self.holds(table) == [true, false, false, false, true])
        #expect(abs(table.rows[1].value - 8 * log(2.0) / 9) < 1e-12)
        #expect(abs(table.rows[2].value - 4.0 / 9) < 1e-12)
        let shapeOne = try QualityLadderFixtures.printed(base.merging(["k": .real(1)]) { _, b in b }).propositionTable
        #expect(Self.holds(shapeOne) == [true, false, false, false, false])
    }

    @Test("μ > β at a maximum: (12) fails, (13), (14) and Proposition 5 hold")
    func negativeCoefficientRegime() throws {
        // β = 1, μ = 1.5, E = 1, c = 1: D = 0.25 − 4 = −3.75 < 0; ϕ = 0.5/(−3.75) = −2/15 < 0.
        // (β−μ) ln θ < 0 and ρ(β−μ) < 0: (13), (14) hold; −ϕ ln ω = (2/15) ln 0.8 < 0: Prop. 5 holds.
        // (11) with k = 2: (μ−β)(6 − 8) = −1 < 0: fails.
        let table = try QualityLadderFixtures.printed(["beta": .real(1), "mu": .real(1.5), "E": .real(1), "rho": .real(1)]).propositionTable
        #expect(abs(table.secondOrderValue + 3.75) < 1e-12)
        #expect(abs(table.distanceCoefficient + 2.0 / 15) < 1e-12)
        #expect(table.isProfitMaximum)
        #expect(Self.holds(table) == [false, true, true, true, false])
    }

    @Test("with ρ = 0 the corrected (14) is zero, so the claim fails although the printed form is negative")
    func zeroSpillover() throws {
        let model = try QualityLadderFixtures.printed(["beta": .real(1), "mu": .real(2), "rho": .real(0)])
        #expect(model.capabilitySlope == 0 && model.printedCapabilitySlope < 0)
        #expect(model.propositionTable.rows[2].holds == false)
    }

    @Test("product ladder: products made while c/ω^{n−1} < c_D, distance rises in n (Proposition 5 reversed)")
    func productLadder() throws {
        let equilibrium = try QualityLadderFixtures.model(["products": .integer(10)]).solve()
        let cD = equilibrium.costCutoff, phi = equilibrium.qualityCoefficient
        let ladder = equilibrium.productLadder(cost: 0.2)
        // ω = 0.8: costs 0.2, 0.25, 0.3125, 0.390625, 0.48828125; c_D ≈ 0.39 to 0.43 for products = 10.
        let expectedCount = 1 + Int((log(cD / 0.2) / log(1 / 0.8)).rounded(.down))
        #expect(ladder.productCount == expectedCount)
        #expect(ladder.productCount >= 3)
        for (index, rung) in ladder.rungs.enumerated() {
            let cost = 0.2 / pow(0.8, Double(index))
            #expect(abs(rung.cost / cost - 1) < 1e-14)
            #expect(abs(rung.quality - phi * (cD - cost)) < 1e-14)
            #expect(abs(rung.distance - phi * cost) < 1e-14)
        }
        for (lower, higher) in zip(ladder.rungs, ladder.rungs.dropFirst()) {
            #expect(higher.distance > lower.distance)
            #expect(higher.quality < lower.quality)
        }
        #expect(equilibrium.productLadder(cost: cD * 1.001).productCount == 0)
        #expect(try QualityLadderFixtures.model(["products": .integer(2)]).solve().productLadder(cost: 0.01).productCount == 2)
    }
}
