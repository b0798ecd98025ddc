import Foundation
import Models
import PanelData
import Testing

@Suite("Quality-ladder simulator")
struct QualityLadderSimulatorTests {
    static func panel(_ overrides: [String: ParameterValue] = [:], seed: UInt64 = 20261121,
                      replication: Int = 0) throws -> (QualityLadderPanel, QualityLadderModel, QualityLadderEquilibrium) {
        let model = try QualityLadderFixtures.model(overrides)
        let equilibrium = try model.solve(method: .closedForm)
        return (try QualityLadderSimulator.simulate(equilibrium, masterSeed: seed, replication: replication), model, equilibrium)
    }

    @Test("a fixed seed gives an identical panel; another replication a different one")
    func reproducible() throws {
        let (first, _, _) = try Self.panel()
        let (second, _, _) = try Self.panel()
        #expect(first.dataset == second.dataset)
        #expect(first.truth == second.truth)
        let (other, _, _) = try Self.panel(replication: 1)
        #expect(other.dataset != first.dataset)
    }

    @Test("the defaults give a small panel with every documented column, and the filters hold")
    func filtersAndShape() throws {
        let (panel, _, _) = try Self.panel()
        let data = panel.dataset
        #expect(data.rowCount > 1000 && data.rowCount <= 50_000)
        #expect(data.columnNames == QualityLadderSimulator.panelColumns)
        #expect(try data.doubles("value").allSatisfy { $0 >= 50 })
        #expect(try data.doubles("quantity").allSatisfy { $0 >= 1 })
        #expect(panel.truth.keptRecords == data.rowCount && panel.truth.generatedRecords >= data.rowCount)
        // A stricter filter drops records, and only those below it.
        let (strict, _, _) = try Self.panel(["min_value": .real(2000), "min_quantity": .real(100)])
        #expect(strict.truth.generatedRecords == panel.truth.generatedRecords)
        #expect(strict.dataset.rowCount < data.rowCount)
        #expect(try strict.dataset.doubles("value").allSatisfy { $0 >= 2000 })
        #expect(try strict.dataset.doubles("quantity").allSatisfy { $0 >= 100 })
        let groups = Set(try data.ints("dest_group")), modes = Set(try data.ints("trade_mode"))
        #expect(groups.isSubset(of: [1, 2, 3]) && modes == [1, 2])
    }

    @Test("truth columns follow the theory: λ = ϕ(I_it)(c_D − c), Δλ = λ_F − λ, I_it from Eco, d Δλ/d Eco by FD")
    func truthIsTheory() throws {
        let (panel, model, equilibrium) = try Self.panel()
        let p = model.parameters, s = p.simulation, data = panel.dataset
        let cost = try data.doubles("cost"), input = try data.doubles("digital_input"), phi = try data.doubles("quality_coefficient")
        let quality = try data.doubles("true_quality"), frontier = try data.doubles("true_frontier")
        let distance = try data.doubles("true_distance"), effect = try data.doubles("true_eco_effect")
        let eco = try data.doubles("eco"), patents = try data.doubles("patents"), rank = try data.ints("ladder_rank")
        let cD = equilibrium.costCutoff
        func inputOf(_ e: Double) -> Double { p.digitalInput + (s.maximumDigitalInput - p.digitalInput) * (1 - exp(-s.digitalResponse * e)) }
        for row in stride(from: 0, to: data.rowCount, by: 7) {
            #expect(cost[row] < cD)
            #expect(abs(eco[row] - log(1 + patents[row])) < 1e-12)
            #expect(abs(input[row] - inputOf(eco[row])) < 1e-12)
            #expect(abs(phi[row] - model.qualityCoefficient(digitalInput: input[row])) < 1e-9 * phi[row])
            #expect(abs(quality[row] - phi[row] * (cD - cost[row])) < 1e-12)
            #expect(abs(distance[row] - (frontier[row] - quality[row])) < 1e-12 && distance[row] >= 0)
            // Central finite difference of −ϕ(I(Eco)) (c_D − c) in Eco.
            let h = 1e-5
            let fd = -(model.qualityCoefficient(digitalInput: inputOf(eco[row] + h))
                - model.qualityCoefficient(digitalInput: inputOf(eco[row] - h))) / (2 * h) * (cD - cost[row])
            #expect(abs(effect[row] - fd) < 1e-6 * max(1, abs(fd)))
            #expect(effect[row] < 0)
        }
        // With the base input (no patents) ϕ is the equilibrium's; ladder products cost c/ω^{n−1}.
        #expect(abs(model.qualityCoefficient(digitalInput: inputOf(0)) - equilibrium.qualityCoefficient) < 1e-12)
        #expect(Set(rank).isSubset(of: Set(1...p.maximumProducts)))
        // The frontier is the industry-year maximum of λ, so no record's quality exceeds it.
        #expect(zip(quality, frontier).allSatisfy { $0 <= $1 })
        #expect(panel.truth.meanDistanceEffect < 0)
    }

    @Test("zero noise CES layer: ln q + σ ln p − (σ−1) ln λ is constant within product × destination × year")
    func cesLayerExact() throws {
        let (panel, _, _) = try Self.panel(["quantity_noise_sd": .real(0), "min_value": .real(0), "min_quantity": .real(0)])
        let data = panel.dataset, sigma = 4.0
        let cells = try data.groupIndex(by: ["product", "dest", "year"])
        let q = try data.doubles("quantity"), price = try data.doubles("price"), lnLambda = try data.doubles("true_log_quality")
        var shifter = [Double?](repeating: nil, count: cells.groupCount)
        for row in 0..<data.rowCount {
            let chi = log(q[row]) + sigma * log(price[row]) - (sigma - 1) * lnLambda[row]
            let cell = Int(cells.groupOfRow[row])
            if let known = shifter[cell] { #expect(abs(chi - known) < 1e-9) } else { shifter[cell] = chi }
        }
        #expect(panel.truth.generatedRecords == panel.truth.keptRecords)
    }

    @Test("the linear layer runs; the instruments move patents; a bad I_max is rejected by the descriptor")
    func linearAndConstraints() throws {
        let (linear, _, _) = try Self.panel(["demand": .choice("linear")])
        #expect(linear.truth.demandLayer == .linear && linear.dataset.rowCount > 0)
        let (weak, _, _) = try Self.panel(["pi_phone": .real(0), "pi_post": .real(0), "pi_patent": .real(0)])
        let (strong, _, _) = try Self.panel()
        #expect(try weak.dataset.doubles("patents") != strong.dataset.doubles("patents"))
        let violations = QualityLadder.descriptor.violations(of: QualityLadderFixtures.values(["I_max": .real(5)]))
        #expect(violations.map(\.key) == ["I_max"])
        let ladder = QualityLadder.descriptor.violations(of: QualityLadderFixtures.values(["products_per_industry": .integer(2)]))
        #expect(ladder.map(\.key) == ["products_per_industry"])
    }
}
