import Foundation
import PanelData
@testable import Pipelines
import Spatial
import Testing
import TestSupport
@testable import Scenario

/// `[[estimate]] method = "spatial"`: decoding to ``SpatialSettings`` (strings to enums once, W's path
/// against the scenario file's folder), the resolved scenario, located errors, and the block's run on
/// Columbus giving spatialreg's ρ. (No model simulates a spatial panel yet, so the block is run on a
/// dataset directly rather than inside a model's Monte Carlo.)
@Suite("scenario [[estimate]] method = \"spatial\"", .serialized)
struct ScenarioSpatialTests {
    static let block = """
        [[estimate]]
        name    = "sp"
        method  = "spatial"
        formula = "log(employment) ~ log(phi0)"
        panel   = ["region", "year"]
        weights = "regions.gal"
        model   = "sdm"
        effects = "twoways"
        lee_yu  = true
        row_standardize = false
        recover = { rho = "0" }
        """

    static func scenario(_ block: String) -> String {
        """
        [scenario]
        name = "spatial"
        model = "allocation-efficiency"
        seed = 7

        [model]
        regions = 4
        years = 3
        firms_per_region = 200

        \(block)

        [montecarlo]
        replications = 2
        recover = []
        """
    }

    /// A folder holding `regions.gal`: a ring of the four regions 1…4.
    static func folder() throws -> String {
        let folder = try TemporaryDirectory.create("spatial-scenario")
        try "4\n1 2\n2 4\n2 2\n1 3\n3 2\n2 4\n4 2\n3 1\n".write(toFile: folder + "/regions.gal", atomically: true, encoding: .utf8)
        return folder
    }

    @Test("the keys decode to SpatialSettings, the block is PreparedSpatial, and the resolved scenario reparses to the same settings")
    func decoding() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let scenario = try ScenarioLoader.parse(text: Self.scenario(Self.block), fileName: folder + "/spatial.toml")
        let request = try #require(scenario.estimations.first)
        #expect(request.method == .spatial && request.weights == nil)
        let settings = try #require(request.spatial)
        #expect(settings == SpatialSettings(weightsFile: "regions.gal", weightsPath: folder + "/regions.gal", model: .sdm,
                                            effects: .twoWays, leeYu: true, rowStandardize: false))
        #expect(settings.options == SpatialOptions(model: .sdm, effects: .twoWays, approach: .leeYu))
        #expect(try EstimatorBlockKinds.block(for: request, noiselessOutcomes: [:]) is PreparedSpatial)
        let resolved = ResolvedScenarioWriter.toml(scenario)
        #expect(resolved.contains("model   = \"sdm\"\neffects = \"twoways\"\nlee_yu  = true\nrow_standardize = false"))
        let again = try ScenarioLoader.parse(text: resolved, fileName: "elsewhere/scenario.toml")
        let reparsed = try #require(again.estimations.first?.spatial)
        #expect(URL(fileURLWithPath: reparsed.weightsPath).standardizedFileURL == URL(fileURLWithPath: settings.weightsPath).standardizedFileURL)
        #expect(reparsed.model == .sdm && reparsed.effects == .twoWays && reparsed.leeYu && !reparsed.rowStandardize)
        let defaults = try ScenarioLoader.parse(text: Self.scenario(Self.block
            .replacingOccurrences(of: "model   = \"sdm\"\n", with: "").replacingOccurrences(of: "effects = \"twoways\"\n", with: "")
            .replacingOccurrences(of: "lee_yu  = true\n", with: "").replacingOccurrences(of: "row_standardize = false\n", with: "")),
            fileName: folder + "/spatial.toml")
        #expect(defaults.estimations.first?.spatial == SpatialSettings(weightsFile: "regions.gal", weightsPath: folder + "/regions.gal"))
        let withImpacts = try ScenarioLoader.parse(text: Self.scenario(Self.block.replacingOccurrences(
            of: "recover = { rho = \"0\" }", with: "recover = { rho = \"0\", \"W*log(phi0)\" = \"0\", \"total(log(phi0))\" = \"0\" }")),
            fileName: folder + "/spatial.toml")
        #expect(withImpacts.estimations.first?.recover.map(\.coefficient) == ["rho", "W*log(phi0)", "total(log(phi0))"])
    }

    @Test("W's file digest is recorded before a run, enters the fingerprint and the resolved scenario, and a changed W is refused")
    func weightsDigest() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let scenario = try ScenarioLoader.parse(text: Self.scenario(Self.block), fileName: folder + "/spatial.toml")
        #expect(scenario.estimations.first?.spatial?.weightsDigest == nil)
        let recorded = try scenario.recordingInputDigests()
        let digest = try #require(recorded.estimations.first?.spatial?.weightsDigest)
        #expect(digest == ScenarioFingerprint.hex(ScenarioFingerprint.fnv1a(try String(contentsOfFile: folder + "/regions.gal", encoding: .utf8))))
        let fingerprint = ScenarioFingerprint.of(recorded, replications: 2)
        // The resolved scenario carries the digest, reparses to the same fingerprint, and is accepted again.
        let resolved = ResolvedScenarioWriter.toml(recorded)
        #expect(resolved.contains("weights_digest = \"\(digest)\""))
        let again = try ScenarioLoader.parse(text: resolved, fileName: folder + "/again.toml")
        #expect(ScenarioFingerprint.of(again, replications: 2) == fingerprint)
        #expect(ScenarioFingerprint.of(try again.recordingInputDigests(), replications: 2) == fingerprint)
        // Same path, other contents (the ring's weights doubled): another fingerprint; the recorded digest refuses it.
        try "4\n1 2\n2 4\n2 2\n1 3\n3 2\n2 4\n4 2\n3 1\n\n".write(toFile: folder + "/regions.gal", atomically: true, encoding: .utf8)
        #expect(ScenarioFingerprint.of(try scenario.recordingInputDigests(), replications: 2) != fingerprint)
        #expect(throws: ScenarioError.self) { try again.recordingInputDigests() }
        do {
            _ = try ScenarioLoader.parse(text: resolved, fileName: folder + "/again.toml")
            Issue.record("accepted a changed W")
        } catch {
            #expect(error.keyPath == "estimate[0].weights_digest", "\(error.description)")
            #expect(error.description.contains("has changed since this scenario recorded it"), "\(error.description)")
        }
        // A digest hetfirm did not write is a located error.
        do {
            _ = try ScenarioLoader.parse(text: Self.scenario(Self.block + "\nweights_digest = \"xyz\""), fileName: folder + "/spatial.toml")
            Issue.record("accepted a malformed digest")
        } catch {
            #expect(error.keyPath == "estimate[0].weights_digest", "\(error.description)")
        }
    }

    @Test("mistakes in a spatial block are located errors before anything runs")
    func locatedErrors() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let cases: [(String, String, String, String, Int)] = [
            ("model   = \"sdm\"", "model   = \"sdmm\"", "estimate[0].model", "did you mean \"sdm\"?", 17),
            ("effects = \"twoways\"", "effects = \"both\"", "estimate[0].effects", "unknown effect 'both'", 18),
            ("effects = \"twoways\"", "effects = \"none\"", "estimate[0].lee_yu", "lee_yu corrects fixed-effects panels", 19),
            ("lee_yu  = true", "lee_yu  = \"yes\"", "estimate[0].lee_yu", "must be a boolean", 19),
            ("method  = \"spatial\"", "method  = \"ols\"", "estimate[0].model", "applies to method = \"spatial\" only", 17),
            ("weights = \"regions.gal\"", "", "estimate[0]", "needs the weight matrix W", 11),
            ("weights = \"regions.gal\"", "weights = \"missing.gal\"", "estimate[0].weights", "cannot be read", 16),
            ("panel   = [\"region\", \"year\"]", "", "estimate[0].method", "needs the panel's unit and time columns", 13),
            ("panel   = [\"region\", \"year\"]", "panel   = [\"regoin\", \"year\"]", "estimate[0].panel", "did you mean 'region'?", 15),
            ("log(employment) ~ log(phi0)", "log(employment) ~ log(phi0) | region", "estimate[0].formula", "no fixed-effect part", 14),
            ("log(employment) ~ log(phi0)", "log(employment) ~ log(ph0)", "estimate[0].formula", "did you mean 'phi0'?", 14),
            ("recover = { rho = \"0\" }", "recover = { lambda = \"0\" }", "estimate[0].recover.lambda", "not a coefficient or impact of the sdm model", 21),
            ("recover = { rho = \"0\" }", "recover = { rho = \"0\" }\nvcov = \"hetero\"", "estimate[0].vcov", "does not apply", 22),
        ]
        for (old, new, keyPath, message, line) in cases {
            let text = Self.scenario(Self.block.replacingOccurrences(of: old, with: new))
            do {
                _ = try ScenarioLoader.parse(text: text, fileName: folder + "/spatial.toml")
                Issue.record("accepted: \(new)")
            } catch {
                #expect(error.keyPath == keyPath, "\(new): \(error.description)")
                #expect(error.description.contains(message), "\(new): \(error.description)")
                #expect(error.location?.line == line, "\(new): \(error.description)")
            }
        }
        // A malformed W is located at `weights`, and the message keeps the file's own line and field.
        try "4\n1 x\n2\n".write(toFile: folder + "/regions.gal", atomically: true, encoding: .utf8)
        do {
            _ = try ScenarioLoader.parse(text: Self.scenario(Self.block), fileName: folder + "/spatial.toml")
            Issue.record("accepted a malformed W")
        } catch {
            #expect(error.keyPath == "estimate[0].weights")
            #expect(error.description.contains("regions.gal:2:2: error: 'x' is not a number"), "\(error.description)")
        }
    }

    @Test("the block on Columbus (one period) recovers spatialreg's ρ and reports its statistics")
    func columbusBlock() throws {
        let folder = try TemporaryDirectory.create("spatial-block")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let files = try DataSpatialTests.columbusFiles(in: folder)
        let data = try CSVReader.read(path: files.csv)
        let withYear = try Dataset(columns: data.columns + [.int("year", [Int](repeating: 1, count: data.rowCount))])
        let request = EstimationRequest(name: "col", method: .spatial, formula: "CRIME ~ INC + HOVAL",
                                        recover: [.init(coefficient: "rho", truth: .value(0.4, written: "0.4")),
                                                  .init(coefficient: "INC", truth: .value(-1, written: "-1")),
                                                  .init(coefficient: "indirect(HOVAL)", truth: .value(0, written: "0"))],
                                        panel: PanelDeclaration(unit: "POLYID", time: "year"),
                                        spatial: SpatialSettings(weightsFile: "columbus.gal", weightsPath: files.gal))
        let block = try PreparedSpatial(request)
        let outcome = try block.run(on: withYear, replication: 0, truth: { _ in nil }, keepFits: false)
        let models: [String: Any] = try OracleFixture(oracle: "spatialreg", name: "columbus").value("models")
        let sar = try #require(models["sar"] as? [String: Any])
        let rho = try #require(sar["rho"] as? Double), rhoError = try #require(sar["rho_se"] as? Double)
        #expect(outcome.estimates.map(\.parameter) == ["col: rho", "col: INC", "col: indirect(HOVAL)"])
        let indirect = try #require((sar["impacts"] as? [String: Any])?["indirect"] as? [String: Double])["HOVAL"]
        #expect(abs(outcome.estimates[2].estimate - (indirect ?? .nan)) < 1e-6 * abs(indirect ?? 1))
        #expect(outcome.estimates[2].standardError > 0)
        #expect(abs(outcome.estimates[0].estimate - rho) < 1e-6 * abs(rho))
        #expect(abs(outcome.estimates[0].standardError - rhoError) < 1e-4 * rhoError)
        #expect(outcome.estimates[0].truth == 0.4)
        let logLikelihood = try #require(sar["log_likelihood"] as? Double)
        let reported = try #require(outcome.statistics.first { $0.statistic == PreparedSpatial.logLikelihood }?.value)
        #expect(abs(reported - logLikelihood) < 1e-9 * abs(logLikelihood))
        #expect(outcome.statistics.contains(BlockStatistic(subject: "col", statistic: PreparedSpatial.converged, value: 1)))
    }
}
