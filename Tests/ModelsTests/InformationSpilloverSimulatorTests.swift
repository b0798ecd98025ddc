import Foundation
import Models
import Numerical
import PanelData
import Testing

/// The `information-spillover` simulator: reproducibility, the firm network, the truth columns,
/// and the parameter domain.
@Suite("InformationSpillover simulator")
struct InformationSpilloverSimulatorTests {
    static func panel(_ overrides: [String: ParameterValue] = [:], seed: UInt64 = 20261121, replication: Int = 0) throws -> SpilloverPanel {
        let parameters = try InformationSpilloverParameters.defaults(overrides)
        return try InformationSpilloverModel(parameters: parameters).simulate(seed: seed, replication: replication)
    }

    @Test("a fixed seed gives the same panel twice, another replication a different one")
    func reproducible() throws {
        let first = try Self.panel(), second = try Self.panel()
        #expect(first.rows == second.rows)
        #expect(first.products == second.products)
        #expect(first.sourceCount == second.sourceCount && first.sourceGrowthSum == second.sourceGrowthSum)
        #expect(first.plantCity == second.plantCity && first.plantProductivity == second.plantProductivity)
        #expect(first.firmGrossOutput == second.firmGrossOutput)
        #expect(first.truth == second.truth && first.summary == second.summary)
        let other = try Self.panel(replication: 1)
        #expect(other.rows != first.rows)
        #expect(first.rows.rowCount > 1_000 && first.rows.rowCount < 100_000)
        #expect(first.rows.columnNames == InformationSpillover.simulatedColumns)
    }

    @Test("without keeping the products, every other output is the same and the product rows are still counted")
    func productsNotKept() throws {
        let parameters = try InformationSpilloverParameters.defaults([:])
        let model = InformationSpilloverModel(parameters: parameters)
        let kept = try model.simulate(seed: 20261121, replication: 2)
        let dropped = try model.simulate(seed: 20261121, replication: 2, keepingProducts: false)
        #expect(dropped.rows == kept.rows)
        #expect(dropped.firmGrossOutput == kept.firmGrossOutput)
        #expect(dropped.truth == kept.truth && dropped.summary == kept.summary)
        #expect(kept.products.rowCount > kept.rows.rowCount)
        #expect(dropped.products.rowCount == 0 && dropped.summary.productRowCount == kept.products.rowCount)
    }

    @Test("the plants of a firm sit in distinct cities and the sister sets only grow")
    func firmNetwork() throws {
        let panel = try Self.panel()
        let firms = panel.plantFirm.map(Int.init)
        var citiesOfFirm: [Int: [Int32]] = [:], establishedOfFirm: [Int: [Int32]] = [:]
        for plant in firms.indices {
            citiesOfFirm[firms[plant], default: []].append(panel.plantCity[plant])
            establishedOfFirm[firms[plant], default: []].append(panel.plantEstablishmentYear[plant])
        }
        var growing = 0
        for (firm, cities) in citiesOfFirm {
            #expect(Set(cities).count == cities.count, "firm \(firm) has two plants in one city")
            #expect(cities.count >= 2)
            let established = establishedOfFirm[firm] ?? []
            #expect(established.first.map { $0 < 0 } == true, "the first plant exists before the panel")
            let sizes = (0..<panel.yearCount).map { t in established.filter { Int($0) <= t }.count }
            #expect(zip(sizes, sizes.dropFirst()).allSatisfy { $0 <= $1 })
            if sizes.first != sizes.last { growing += 1 }
        }
        #expect(growing > 0, "some firm opens a plant during the panel")
        let plants = try panel.rows.ints("plant"), years = try panel.rows.ints("year"), dests = try panel.rows.ints("dest")
        let unsorted = plants.indices.dropFirst().filter { row in
            !((years[row - 1], plants[row - 1], dests[row - 1]) < (years[row], plants[row], dests[row]))
        }
        #expect(unsorted.isEmpty, "rows are sorted by (year, plant, dest)")
        #expect(plants.indices.allSatisfy { Int(panel.plantEstablishmentYear[plants[$0]]) <= years[$0] }, "only existing plants export")
    }

    @Test("row signal counts are the source counts of the own city and of the sister cities established by t")
    func signalCounts() throws {
        let panel = try Self.panel()
        let p = try InformationSpilloverParameters.defaults()
        let plants = try panel.rows.ints("plant"), years = try panel.rows.ints("year"), dests = try panel.rows.ints("dest")
        let local = try panel.rows.doubles("n_nb"), other = try panel.rows.doubles("n_oth")
        func sources(_ city: Int32, _ m: Int, _ t: Int) -> Int {
            Int(panel.sourceCount[(Int(city) * p.destinationCount + m) * p.yearCount + t])
        }
        for row in stride(from: 0, to: plants.count, by: 7) {
            let plant = plants[row], t = years[row], m = dests[row], firm = panel.plantFirm[plant]
            #expect(Int(local[row]) == sources(panel.plantCity[plant], m, t))
            let sisters = panel.plantFirm.indices.filter {
                $0 != plant && panel.plantFirm[$0] == firm && Int(panel.plantEstablishmentYear[$0]) <= t
            }
            #expect(Int(other[row]) == sisters.reduce(0) { $0 + sources(panel.plantCity[$1], m, t) })
        }
    }

    @Test("truth columns: δ of eq. (9), slope_oth = δ n^oth/n (consistent) or δ (as-printed)", arguments: ["consistent", "as-printed"])
    func truthColumns(variant: String) throws {
        let p = try InformationSpilloverParameters.defaults()
        for revelation in ["annual", "none"] {
            let panel = try Self.panel(["variant": .choice(variant), "revelation": .choice(revelation)])
            let delta = try panel.rows.doubles("delta"), local = try panel.rows.doubles("n_nb"), other = try panel.rows.doubles("n_oth")
            let slopeOther = try panel.rows.doubles("slope_oth"), slopeLocal = try panel.rows.doubles("slope_nb")
            #expect(panel.rows.rowCount > 0)
            var wrongDelta = 0, wrongSlopes = 0
            for row in delta.indices {
                let n = local[row] + other[row]
                let weight = BayesianSignalUpdate.signalWeight(signalCount: n, demandVariance: p.demandVariance,
                                                               signalNoiseVariance: p.signalNoiseVariance)
                if abs(delta[row] - weight) > 1e-12 { wrongDelta += 1 }
                let expectedOther: Double, expectedLocal: Double
                if variant == "consistent" {
                    expectedOther = n > 0 ? weight * other[row] / n : 0
                    expectedLocal = n > 0 ? weight * local[row] / n : 0
                } else {
                    expectedOther = other[row] > 0 ? delta[row] : 0
                    expectedLocal = local[row] > 0 ? delta[row] : 0
                }
                if abs(slopeOther[row] - expectedOther) > 1e-12 || abs(slopeLocal[row] - expectedLocal) > 1e-12 { wrongSlopes += 1 }
            }
            #expect(wrongDelta == 0, "\(variant), \(revelation)")
            #expect(wrongSlopes == 0, "\(variant), \(revelation)")
            #expect(panel.truth.noiseRatio == p.signalNoiseVariance / p.demandVariance)
            #expect(panel.truth.rowCount == other.filter { $0 > 0 }.count)
            let withSisters = other.indices.filter { other[$0] > 0 }
            let meanDelta = withSisters.reduce(0.0) { $0 + delta[$1] } / Double(withSisters.count)
            #expect(abs(panel.truth.deltaMean - meanDelta) < 1e-9)
            #expect(panel.truth.beta2.isFinite)
        }
    }

    @Test("lnexp is ln exports, lnimp is ln(1 + imports), products add up to the row")
    func salesColumns() throws {
        let panel = try Self.panel()
        let exports = try panel.rows.doubles("exports"), logExports = try panel.rows.doubles("lnexp")
        let imports = try panel.rows.doubles("imports"), logImports = try panel.rows.doubles("lnimp")
        let badLogs = exports.indices.filter {
            abs(log(exports[$0]) - logExports[$0]) > 1e-9 || abs(log1p(imports[$0]) - logImports[$0]) > 1e-12
        }
        #expect(badLogs.isEmpty)
        let productExports = try panel.products.doubles("exports")
        let productTotal: Double = productExports.reduce(0, +), rowTotal: Double = exports.reduce(0, +)
        #expect(abs(productTotal / rowTotal - 1) < 1e-9)
        #expect(panel.products.rowCount >= panel.rows.rowCount)
        #expect(panel.summary.meanLargestPlantShare > 0.3 && panel.summary.meanLargestPlantShare <= 1)
        let firmCount = Int(panel.plantFirm.max() ?? -1) + 1
        #expect(panel.firmGrossOutput.count == firmCount * panel.yearCount)
    }

    @Test("values out of the domain are rejected with the offending key",
          arguments: [("v_d", ParameterValue.real(0)), ("v_d", .real(-0.1)), ("v_z", .real(0)), ("v_z", .real(-1)),
                      ("years", .integer(1)), ("sigma", .real(1)), ("max_plants", .integer(41)), ("provinces", .integer(41)),
                      ("k", .real(2.5)), ("variant", .choice("printed"))])
    func domain(key: String, value: ParameterValue) throws {
        var values = InformationSpillover.descriptor.defaults
        values[key] = value
        let single = InformationSpillover.descriptor.parameter(key).map { spec in value.realValue.map { !spec.domain.contains($0) } ?? false } ?? false
        let crossViolations = InformationSpillover.descriptor.violations(of: values)
        #expect(single || crossViolations.contains { $0.key == key } || key == "variant")
        do {
            _ = try InformationSpilloverParameters(values)
            Issue.record("\(key) = \(value) was accepted")
        } catch let violation as DomainViolation {
            #expect(violation.key == key)
            if key == "max_plants" { #expect(violation.message.contains("distinct cities")) }
        }
    }

    @Test("the descriptor lists every parameter of the design note with a default")
    func descriptor() throws {
        let keys = ["sigma", "k", "v_d", "v_z", "drift", "demand_log_mean", "demand_log_sd", "f", "fixed_cost_sd", "cities",
                    "provinces", "destinations", "years", "products", "rauch_share", "area_log_mean", "area_log_sd",
                    "density_log_mean", "density_city_sd", "density_destination_sd", "firms", "plants_extra_mean",
                    "plants_dispersion", "max_plants", "establishment_lead", "sales_noise", "import_share", "extra_products",
                    "variant", "revelation", "own_variance", "xi"]
        let descriptor = InformationSpillover.descriptor
        #expect(descriptor.key == "information-spillover")
        #expect(Set(descriptor.parameters.map(\.key)) == Set(keys) && descriptor.parameters.count == keys.count)
        #expect(descriptor.parameters.allSatisfy { $0.defaultValue != nil })
        #expect(descriptor.violations(of: descriptor.defaults).isEmpty)
        #expect(descriptor.truths.map(\.name) == ["delta_mean", "slope_oth_mean", "slope_oth_weighted", "beta1", "beta2", "noise_ratio"])
        for column in ["dlnaffiliate", "lndensity", "dlnaffiliate_x_lndensity", "income_group", "lnexp", "plant"] {
            #expect(descriptor.panelColumns.contains(column))
        }
        let truth = try Self.panel().truth
        for (name, _) in descriptor.truths { #expect(truth.value(named: name) != nil) }
    }
}
