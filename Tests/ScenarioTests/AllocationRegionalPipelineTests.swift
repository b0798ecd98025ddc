import Foundation
import Models
import PanelData
@testable import Pipelines
import Scenario
import Testing
import TestSupport

/// The province pipeline's measures and truths: the index scale against an independent two-way
/// regression on the panel, the channel decomposition's limiting cases, missing MET where a province
/// exports nothing, and a scenario run end to end.
@Suite("allocation-regional pipeline", .serialized)
struct AllocationRegionalPipelineTests {
    static func draw(_ overrides: [String: ParameterValue] = [:], seed: UInt64 = 17, replication: Int = 0) throws -> RegionalAssembly.Draw {
        var values = AllocationRegional.descriptor.defaults
        values["regions"] = .integer(10)
        values["years"] = .integer(8)
        values["firms_per_region"] = .integer(20_000)
        for (key, value) in overrides { values[key] = value }
        let parameters = try AllocationRegionalParameters(values)
        let model = AllocationRegionalModel(parameters: parameters)
        let theory = try model.theory(seed: seed)
        let assembly = RegionalAssembly(parameters: parameters, geography: theory.geography, seed: seed)
        return try assembly.assemble(try model.simulate(theory, replication: replication), replication: replication)
    }

    /// The OLS slope of `y` on `x` after sweeping province and year means out of both, by alternating
    /// projections (independent of the pipeline's closed-form balanced demeaning).
    static func twoWaySlope(_ data: Dataset, y: String, x: String) throws -> Double {
        let province = try data.ints("province"), year = try data.ints("year")
        func sweep(_ values: [Double]) -> [Double] {
            var v = values
            for _ in 0..<200 {
                for groups in [province, year] {
                    var sums: [Int: (Double, Int)] = [:]
                    for (value, group) in zip(v, groups) { sums[group, default: (0, 0)].0 += value; sums[group, default: (0, 0)].1 += 1 }
                    v = zip(v, groups).map { value, group in value - sums[group]!.0 / Double(sums[group]!.1) }
                }
            }
            return v
        }
        let dy = sweep(try data.doubles(y)), dx = sweep(try data.doubles(x))
        return zip(dx, dy).reduce(0) { $0 + $1.0 * $1.1 } / dx.reduce(0) { $0 + $1 * $1 }
    }

    @Test("dI_dinter is the two-way within slope of I on INTER in the panel")
    func indexScaleMatchesTheRegression() throws {
        let draw = try Self.draw()
        let slope = try Self.twoWaySlope(draw.dataset, y: "I", x: "INTER")
        let truth = try #require(draw.truth.value(named: "dI_dinter"))
        #expect(abs(truth / slope - 1) < 1e-9, "\(truth) vs \(slope)")
        #expect(draw.dataset.columns.map(\.name) == AllocationRegional.descriptor.panelColumns)
    }

    @Test("without ρ′ every contemporaneous effect runs through θ; without λ and ρ′ there is none")
    func channelDecomposition() throws {
        let thetaOnly = try Self.draw(["rho_internet": .real(0)])
        #expect(abs((thetaOnly.truth.value(named: "allocation_share") ?? 0) - 1) < 1e-12)
        let via = try #require(thetaOnly.truth.value(named: "dlnmet_dinter_via_theta"))
        let total = try #require(thetaOnly.truth.value(named: "dlnmet_dinter"))
        #expect(abs(via - total) <= 1e-12 * abs(total))
        #expect(total > 0, "Internet raises ln MET through the composition of exports")
        let none = try Self.draw(["rho_internet": .real(0), "theta_internet": .real(0)])
        for name in ["dmet_dI", "dlnmet_dI", "dallo_dI", "dlnmet_dinter"] {
            #expect(none.truth.value(named: name) == 0, "\(name)")
        }
        #expect(none.truth.value(named: "rho") == 0.4 && none.truth.value(named: "acceleration") == 1)
    }

    @Test("a province-year whose firms export nothing has a missing MET, not a failed replication")
    func missingMET() throws {
        let draw = try Self.draw(["firms_per_region": .integer(10)])
        let met = try draw.dataset.column(named: "MET")
        let missing = (0..<draw.dataset.rowCount).filter { met.isMissing($0) }.count
        #expect(missing > 0 && missing < draw.dataset.rowCount)
        #expect(try draw.dataset.doubles("MET_expected").allSatisfy { $0 > 0 })
    }

    @Test("the Tables 1–3 scenario runs end to end on a small panel, every block reporting")
    func scenarioRuns() throws {
        let path = Repository.path("scenarios/allocation-regional.toml")
        var text = try String(contentsOfFile: path, encoding: .utf8)
        text = text.replacingOccurrences(of: "replications = 200", with: "replications = 3")
            .replacingOccurrences(of: "firms_per_region = 20000", with: "firms_per_region = 5000")
        let scenario = try ScenarioLoader.parse(text: text, fileName: path)
        let directory = TemporaryDirectory.path()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        _ = try ScenarioRunner.run(scenario, overrides: RunOverrides(outputDirectory: directory, threads: 2))
        let recovery = try String(contentsOfFile: directory + "/recovery.csv", encoding: .utf8)
        for block in ["t1_full:", "t1_full_controls:", "t1_coastal:", "t1_inland:", "t1_pre_crisis:", "t1_post_crisis:", "twoway:",
                      "twoway_pseudo:", "t2_fmols:", "t2_twoway:", "t3_reverse_timing:", "t3_inter_causes_met:", "t3_met_causes_inter:"] {
            #expect(recovery.contains(block), "\(block) missing from recovery.csv")
        }
        let summary = try String(contentsOfFile: directory + "/summary.md", encoding: .utf8)
        #expect(!summary.contains("lost some estimations"))
    }
}
