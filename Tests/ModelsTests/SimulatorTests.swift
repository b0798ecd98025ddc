import Foundation
import Models
import Numerical
import PanelData
import Testing

@Suite("allocation-efficiency simulator")
struct SimulatorTests {
    func simulate(seed: UInt64, replication: Int, _ parameters: AllocationEfficiencyParameters) throws -> AllocationEfficiencyPanel {
        let model = AllocationEfficiencyModel(parameters: parameters)
        let panel = try model.solvePanel()
        return try model.simulate(panel,
                                  firmDraws: RandomStream(masterSeed: seed, replication: replication, purpose: "firms"),
                                  measurementErrors: RandomStream(masterSeed: seed, replication: replication, purpose: "measurement"))
    }

    @Test("same seed and replication give the same panel; another replication differs")
    func reproducible() throws {
        let parameters = try Fixtures.parameters(["regions": .integer(3), "years": .integer(2), "firms_per_region": .integer(500)])
        let first = try simulate(seed: 7, replication: 0, parameters)
        let again = try simulate(seed: 7, replication: 0, parameters)
        let other = try simulate(seed: 7, replication: 1, parameters)
        #expect(first.dataset == again.dataset)
        #expect(first.dataset != other.dataset)
    }

    @Test("rows obey the equilibrium: sales ≥ σf, exporters have export sales, variable labour is ρ × revenue")
    func rowsObeyEquilibrium() throws {
        let parameters = try Fixtures.parameters(["regions": .integer(4), "years": .integer(3), "firms_per_region": .integer(2000),
                                                  "employment_error": .real(0)])
        let panel = try simulate(seed: 11, replication: 3, parameters)
        let data = panel.dataset
        #expect(data.columnNames == ["firm", "region", "year", "I", "phi0", "m", "exporter", "domestic_sales",
                                     "export_sales", "employment"])
        let domestic = try data.doubles("domestic_sales"), exports = try data.doubles("export_sales")
        let exporter = try data.ints("exporter"), employment = try data.doubles("employment")
        let scale = parameters.elasticityOfSubstitution * parameters.fixedCost
        for row in 0..<data.rowCount {
            #expect(domestic[row] >= scale * (1 - 1e-12))
            #expect((exporter[row] == 1) == (exports[row] > 0))
            let expected = parameters.inverseMarkup * (domestic[row] + exports[row])
            #expect(abs(employment[row] / expected - 1) < 1e-12)
        }
        // About N · Σ P(m) activeShare(m) producers per region-year.
        let model = AllocationEfficiencyModel(parameters: parameters)
        let equilibria = try model.solvePanel().byRegionYear.flatMap { $0 }
        let expectedRows = equilibria.reduce(0.0) { total, equilibrium in
            total + Double(parameters.entrantsPerRegion) * equilibrium.cutoffs.reduce(0) { $0 + $1.probability * $1.activeShare }
        }
        #expect(abs(Double(data.rowCount) - expectedRows) < 5 * expectedRows.squareRoot() + 20)
    }
}
