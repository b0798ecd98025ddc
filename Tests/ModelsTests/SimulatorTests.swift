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
        var firms = PhiloxStream(masterSeed: seed, replication: replication, purpose: "firms")
        var errors = PhiloxStream(masterSeed: seed, replication: replication, purpose: "measurement")
        return try model.simulate(panel, firmDraws: &firms, measurementErrors: &errors)
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

    /// A one-pass reference of the documented draw order, with no entry bound: every entrant takes
    /// U₁, U₂; every producing firm-year takes one normal.
    func referencePanel(_ parameters: AllocationEfficiencyParameters, seed: UInt64) throws -> [(firm: Int, year: Int, sales: Double, employment: Double)] {
        let model = AllocationEfficiencyModel(parameters: parameters)
        let panel = try model.solvePanel()
        var firms = PhiloxStream(masterSeed: seed, replication: 0, purpose: "firms")
        var errors = PhiloxStream(masterSeed: seed, replication: 0, purpose: "measurement")
        let p = parameters, sigma = p.elasticityOfSubstitution
        var cumulative: [Double] = []
        for probability in p.complexityProbabilities { cumulative.append((cumulative.last ?? 0) + probability) }
        var rows: [(firm: Int, year: Int, sales: Double, employment: Double)] = []
        for region in 0..<p.regionCount {
            for entrant in 0..<p.entrantsPerRegion {
                let u = firms.nextUniform(), v = firms.nextUniform()
                let m = (cumulative.dropLast().firstIndex { v < $0 } ?? cumulative.count - 1) + 1
                let phi0 = p.paretoScale * pow(u, -1 / p.paretoShape)
                for year in 0..<p.yearCount {
                    let equilibrium = panel.byRegionYear[region][year]
                    let phi = exp((equilibrium.internetLevel - log(p.complexityDilution)) * Double(m)) * phi0
                    guard phi >= equilibrium.effectiveDomesticCutoff else { continue }
                    let scaled = pow(phi, sigma - 1)
                    let domestic = sigma * equilibrium.domesticDemand * scaled
                    let exported = phi >= equilibrium.effectiveExportCutoff
                        ? sigma * p.foreignDemand * pow(p.icebergCost, 1 - sigma) * scaled : 0
                    let error = p.employmentErrorScale * NormalZiggurat.standard.sample(&errors)
                    rows.append((region * p.entrantsPerRegion + entrant, year + 1, domestic,
                                 p.inverseMarkup * (domestic + exported) * exp(error)))
                }
            }
        }
        return rows
    }

    @Test("the two-pass simulator (entry bound, exact-length columns) equals a naive one-pass reference")
    func equalsReference() throws {
        for overrides: [String: ParameterValue] in [
            ["regions": .integer(3), "years": .integer(5), "firms_per_region": .integer(3000)],
            // κ > θ: (θ/κ)^m < 1, so the most complex products are the least productive.
            ["regions": .integer(2), "years": .integer(4), "firms_per_region": .integer(2000), "kappa": .real(1.3)],
            // Truncated cutoffs (some φ*_d(m) < φ_min: every such entrant produces) and a single year.
            ["regions": .integer(2), "years": .integer(1), "firms_per_region": .integer(500), "f_e": .real(5.0)],
        ] {
            let parameters = try Fixtures.parameters(overrides)
            let data = try simulate(seed: 5, replication: 0, parameters).dataset
            let reference = try referencePanel(parameters, seed: 5)
            #expect(data.rowCount == reference.count, "\(overrides)")
            guard data.rowCount == reference.count else { continue }
            let firms = try data.ints("firm"), years = try data.ints("year")
            let sales = try data.doubles("domestic_sales"), employment = try data.doubles("employment")
            #expect(firms == reference.map(\.firm))
            #expect(years == reference.map(\.year))
            for row in 0..<data.rowCount {
                #expect(abs(sales[row] / reference[row].sales - 1) < 1e-12)
                #expect(abs(employment[row] / reference[row].employment - 1) < 1e-12)
            }
        }
    }

    @Test("region-year equilibria: the closed form where it applies (equal to the numerical solution), numerical elsewhere")
    func panelPrefersClosedForm() throws {
        let interior = AllocationEfficiencyModel(parameters: try Fixtures.parameters())
        let closed = try interior.solvePreferringClosedForm(internetLevel: 0.2)
        let numerical = try interior.solve(internetLevel: 0.2)
        #expect(closed.method == .closedForm)
        #expect(abs(closed.domesticDemand / numerical.domesticDemand - 1) < 1e-13)
        // f_e = 5: cutoffs below φ_min, outside the closed form's regime.
        let truncated = AllocationEfficiencyModel(parameters: try Fixtures.parameters(["f_e": .real(5.0)]))
        let fallback = try truncated.solvePreferringClosedForm(internetLevel: 0.1)
        #expect(fallback.method == .numerical)
        #expect(!fallback.regime.closedFormApplies)
        #expect(fallback.domesticDemand == (try truncated.solve(internetLevel: 0.1)).domesticDemand)
    }
}
