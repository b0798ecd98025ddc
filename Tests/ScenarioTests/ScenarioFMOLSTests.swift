import Estimation
import Foundation
import MonteCarlo
import PanelData
@testable import Pipelines
@testable import Scenario
import Testing
import TestSupport

/// `[[estimate]] method = "fmols"`: decoding and the resolved scenario, located errors, a run of the
/// block inside a model's Monte Carlo, and the recovery of a cointegrating slope by the block.
@Suite("scenario [[estimate]] method = \"fmols\"", .serialized)
struct ScenarioFMOLSTests {
    static func scenario(_ block: String, replications: Int = 3) -> String {
        """
        [scenario]
        name = "fmols"
        model = "allocation-efficiency"
        seed = 7

        [model]
        regions = 3
        years = 8
        firms_per_region = 200

        [[estimate]]
        \(block)

        [montecarlo]
        replications = \(replications)
        recover = []
        """
    }

    // The block starts on line 11 ([[estimate]]); its keys on lines 12–19.
    static let block = """
        name = "fm"
        method = "fmols"
        formula = "log(employment) ~ I"
        panel = ["firm", "year"]
        fmols = "pooled"
        kernel = "parzen"
        bandwidth = 2
        recover = { I = "1" }
        """

    @Test("the keys decode to FMOLSSettings, the block is PreparedFMOLS, and the resolved scenario reparses to the same request")
    func decoding() throws {
        let scenario = try ScenarioLoader.parse(text: Self.scenario(Self.block), fileName: "fmols.toml")
        let request = try #require(scenario.estimations.first)
        #expect(request.method == .fmols)
        #expect(request.fmols == FMOLSSettings(variant: .pooled, kernel: .parzen, bandwidth: .fixed(2)))
        #expect(try EstimatorBlockKinds.block(for: request, noiselessOutcomes: [:]) is PreparedFMOLS)
        let resolved = ResolvedScenarioWriter.toml(scenario)
        #expect(resolved.contains("fmols   = \"pooled\"\nkernel  = \"parzen\"\nbandwidth = 2.0"))
        let again = try ScenarioLoader.parse(text: resolved, fileName: "scenario.toml")
        #expect(again.estimations == scenario.estimations)
        let defaults = try ScenarioLoader.parse(text: Self.scenario(Self.block
            .replacingOccurrences(of: "fmols = \"pooled\"\n", with: "").replacingOccurrences(of: "kernel = \"parzen\"\n", with: "")
            .replacingOccurrences(of: "bandwidth = 2\n", with: "")), fileName: "fmols.toml")
        #expect(defaults.estimations.first?.fmols == FMOLSSettings(variant: .groupMean, kernel: .bartlett, bandwidth: .automatic))
        #expect(ResolvedScenarioWriter.toml(defaults).contains("bandwidth = \"auto\""))
    }

    @Test("mistakes in an fmols block are located errors before anything runs")
    func locatedErrors() throws {
        let cases: [(String, String, String, String, Int)] = [
            ("kernel = \"parzen\"", "kernel = \"parzn\"", "estimate[0].kernel", "did you mean \"parzen\"?", 17),
            ("fmols = \"pooled\"", "fmols = \"between\"", "estimate[0].fmols", "unknown FMOLS estimator", 16),
            ("bandwidth = 2", "bandwidth = -1", "estimate[0].bandwidth", "non-negative", 18),
            ("bandwidth = 2", "bandwidth = \"wide\"", "estimate[0].bandwidth", "a number or \"auto\"", 18),
            ("method = \"fmols\"", "method = \"ols\"", "estimate[0].fmols", "applies to method = \"fmols\" only", 16),
            ("panel = [\"firm\", \"year\"]", "", "estimate[0].method", "needs the panel's unit and time columns", 13),
            ("log(employment) ~ I", "log(employment) ~ I | firm", "estimate[0].formula", "no fixed-effect or IV part", 14),
            ("log(employment) ~ I", "log(employment) ~ sw(I, m)", "estimate[0].formula", "expands to 2", 14),
            ("recover = { I = \"1\" }", "recover = { \"(Intercept)\" = \"1\" }", "estimate[0].recover.\"(Intercept)\"",
             "is not a regressor", 19),
            ("recover = { I = \"1\" }", "recover = { I = \"1\" }\nvcov = \"hetero\"", "estimate[0].vcov", "does not apply", 20),
            ("panel = [\"firm\", \"year\"]", "panel = [\"firm\", \"yr\"]", "estimate[0].panel", "did you mean 'year'?", 15),
        ]
        for (old, new, keyPath, message, line) in cases {
            let text = Self.scenario(Self.block.replacingOccurrences(of: old, with: new))
            do {
                _ = try ScenarioLoader.parse(text: text, fileName: "fmols.toml")
                Issue.record("accepted: \(new)")
            } catch {
                #expect(error.keyPath == keyPath, "\(new): \(error.description)")
                #expect(error.description.contains(message), "\(new): \(error.description)")
                #expect(error.location?.line == line, "\(new): \(error.description)")
            }
        }
    }

    @Test("inside a model's Monte Carlo the block reports 'NAME: coefficient' rows and its statistics")
    func monteCarloRun() throws {
        let result = try AllocationEfficiencyPipelineTests.run(Self.scenario(Self.block), threads: 2)
        defer { try? FileManager.default.removeItem(atPath: result.directory) }
        let replications = try AllocationEfficiencyPipelineTests.read(result.directory, "replications.csv")
        #expect(replications.split(separator: "\n").filter { $0.contains(",fm: I,") }.count == 3)
        let statistics = try AllocationEfficiencyPipelineTests.read(result.directory, "statistics.csv")
        #expect(statistics.contains(",fm,units estimated,"))
        #expect(statistics.contains(",fm: I,t,"))
    }

    /// R panels of N units × T periods: x_it a Gaussian random walk, y_it = a_i + β x_it + u_it with
    /// u iid N(0, 1) independent of x. β̂ − β is odd in u, so both estimators are unbiased; with T = 400
    /// the SEs are close to the sampling SD (at T = 50 and 200 the group mean undercovers, about 87% and
    /// 93%: docs/estimators/fmols.md).
    static func panel(replication: Int, units: Int = 8, periods: Int = 400, slope: Double) throws -> Dataset {
        // Seeds r·2³² apart: SplitMix64 streams whose seeds differ by a small multiple of its increment overlap.
        var stream = SplitMix64(seed: 20_261_207 ^ (UInt64(replication) << 32))
        var ids = [Int](), years = [Int](), xs = [Double](), ys = [Double]()
        for unit in 0..<units {
            var x = 0.0
            let intercept = stream.normal()
            for period in 0..<periods {
                x += stream.normal()
                ids.append(unit)
                years.append(period + 1)
                xs.append(x)
                ys.append(intercept + slope * x + stream.normal())
            }
        }
        return try Dataset(columns: [.int("id", ids), .int("t", years), .double("x", xs), .double("y", ys)])
    }

    @Test("the block recovers the slope: bias within 2 MC SEs, coverage in the binomial band", arguments: FMOLSMethod.allCases)
    func recovery(_ variant: FMOLSMethod) throws {
        let request = EstimationRequest(name: "coint", method: .fmols, formula: "y ~ x",
                                        recover: [.init(coefficient: "x", truth: .value(0.8, written: "0.8"))],
                                        panel: PanelDeclaration(unit: "id", time: "t"),
                                        fmols: FMOLSSettings(variant: variant, kernel: .bartlett, bandwidth: .automatic))
        let block = try PreparedFMOLS(request)
        let replications = 200
        var records: [ReplicationRecord] = []
        for replication in 0..<replications {
            let outcome = try block.run(on: try Self.panel(replication: replication, slope: 0.8), replication: replication,
                                        truth: { _ -> Double? in nil }, keepFits: false)
            records.append(ReplicationRecord(replication: replication, estimates: outcome.estimates))
        }
        let row = try #require(RecoveryReport.summarize(records).rows.first)
        #expect(row.parameter == "coint: x")
        #expect(row.replications == replications)
        #expect(abs(row.bias) < 2 * row.standardDeviation / Double(replications).squareRoot(), "bias \(row.bias), SD \(row.standardDeviation)")
        let band = BinomialAcceptanceBand.proportions(trials: replications, successProbability: 0.95, tailProbability: 0.005)
        #expect(band.contains(row.coverage),
                "coverage \(row.coverage) outside \(band); SD \(row.standardDeviation), mean SE \(row.meanStandardError)")
    }
}
