import Estimation
import Foundation
import PanelData
@testable import Pipelines
import Spatial
import Testing
import TestSupport
@testable import Scenario

/// `[[estimate]] method = "spatial"` with `rho_varies_with = "z"`: paper 000's eq. (25), ρ + ρ′·z
/// (``VaryingSpatialLag``) as a scenario block. Decoding (only with `model = "sar"` and the direct
/// approach), validation of z and of the recoverable names ("rho", "rho_prime" and the regressors),
/// the resolved scenario, and the block's estimates against the fit itself.
@Suite("scenario [[estimate]] method = \"spatial\" with rho_varies_with", .serialized)
struct ScenarioSpatialVaryingTests {
    /// ScenarioSpatialTests' block as eq. (25): model = "sar", z = I (a column of the allocation-efficiency panel).
    static let block = ScenarioSpatialTests.block
        .replacingOccurrences(of: "model   = \"sdm\"", with: "model   = \"sar\"")
        .replacingOccurrences(of: "lee_yu  = true", with: "rho_varies_with = \"I\"")
        .replacingOccurrences(of: "recover = { rho = \"0\" }", with: "recover = { rho = \"0\", rho_prime = \"0\", \"log(phi0)\" = \"0\" }")

    static func parse(_ block: String, folder: String) throws(ScenarioError) -> Scenario {
        try ScenarioLoader.parse(text: ScenarioSpatialTests.scenario(block), fileName: folder + "/spatial.toml")
    }

    @Test("rho_varies_with decodes, names rho and rho_prime as recoverable, and the resolved scenario writes it back")
    func decoding() throws {
        let folder = try ScenarioSpatialTests.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let scenario = try Self.parse(Self.block, folder: folder)
        let request = try #require(scenario.estimations.first)
        let settings = try #require(request.spatial)
        #expect(settings.rhoVariesWith == "I" && settings.model == .sar && !settings.leeYu)
        #expect(request.recover.map(\.coefficient) == ["rho", "rho_prime", "log(phi0)"])
        #expect(settings.recoverableNames(regressors: ["log(phi0)"], hasIntercept: true) == ["log(phi0)", "rho", "rho_prime"])
        #expect(try EstimatorBlockKinds.block(for: request, noiselessOutcomes: [:]) is PreparedSpatial)
        let resolved = ResolvedScenarioWriter.toml(scenario)
        #expect(resolved.contains("rho_varies_with = \"I\"\n"), "\(resolved)")
        let again = try ScenarioLoader.parse(text: resolved, fileName: "elsewhere/scenario.toml")
        #expect(again.estimations.first?.spatial?.rhoVariesWith == "I")
        #expect(ScenarioSpatialTests.scenario(ScenarioSpatialTests.block).contains("rho_varies_with") == false)
        let plain = try ScenarioLoader.parse(text: ScenarioSpatialTests.scenario(ScenarioSpatialTests.block), fileName: folder + "/spatial.toml")
        #expect(plain.estimations.first?.spatial?.rhoVariesWith == nil)
        #expect(!ResolvedScenarioWriter.toml(plain).contains("rho_varies_with"))
    }

    @Test("another model, lee_yu, a column the panel lacks, a non-string, and SAR-only names are located errors")
    func locatedErrors() throws {
        let folder = try ScenarioSpatialTests.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let cases: [(old: String, new: String, keyPath: String, message: String, line: Int)] = [
            ("model   = \"sar\"", "model   = \"sac\"", "estimate[0].rho_varies_with", "extends the spatial lag model", 19),
            ("model   = \"sar\"", "model   = \"sdm\"", "estimate[0].rho_varies_with", "and model is \"sdm\"", 19),
            ("rho_varies_with = \"I\"", "rho_varies_with = \"I\"\nlee_yu = true", "estimate[0].rho_varies_with",
             "uses the direct approach for fixed effects, and lee_yu is true", 19),
            ("rho_varies_with = \"I\"", "rho_varies_with = \"phi\"", "estimate[0].rho_varies_with", "did you mean 'phi0'?", 19),
            ("rho_varies_with = \"I\"", "rho_varies_with = 1", "estimate[0].rho_varies_with", "must be a string", 19),
            ("rho_varies_with = \"I\"", "rho_varies_with = \"\"", "estimate[0].rho_varies_with", "names no column", 19),
            ("rho = \"0\", rho_prime", "lambda = \"0\", rho_prime", "estimate[0].recover.lambda",
             "not a coefficient or impact of the varying-ρ sar (ρ + ρ′·I) model", 21),
            ("rho = \"0\", rho_prime", "\"total(log(phi0))\" = \"0\", rho_prime", "estimate[0].recover.\"total(log(phi0))\"",
             "not a coefficient or impact", 21),
            ("method  = \"spatial\"", "method  = \"ols\"", "estimate[0].model", "applies to method = \"spatial\" only", 17),
        ]
        for (old, new, keyPath, message, line) in cases {
            let block = Self.block.replacingOccurrences(of: old, with: new)
            #expect(block != Self.block, "the case does not change the block: \(old)")
            do {
                _ = try Self.parse(block, folder: folder)
                Issue.record("accepted: \(new)")
            } catch {
                #expect(error.keyPath == keyPath, "\(new): \(error.description)")
                #expect(error.description.contains(message), "\(new): \(error.description)")
                #expect(error.location?.line == line, "\(new): \(error.description)")
            }
        }
    }

    /// The committed synthetic panel of eq. (25) (ρ = 0.4, ρ′ = 0.25, unit effects) as a block request.
    static func request(model: SpatialModelKind = .sar, rhoVariesWith: String? = "inter") -> EstimationRequest {
        let settings = SpatialSettings(weightsFile: "w.gal", weightsPath: Repository.path("Tests/Fixtures/spatial-varying/w.gal"),
                                       model: model, effects: .individual, rhoVariesWith: rhoVariesWith)
        return EstimationRequest(name: "varying", method: .spatial, formula: "y ~ x1 + x2",
                                 recover: [.init(coefficient: "rho", truth: .value(0.4, written: "0.4"))]
                                     + (rhoVariesWith == nil ? [] : [.init(coefficient: "rho_prime", truth: .value(0.25, written: "0.25"))])
                                     + [.init(coefficient: "x1", truth: .value(1, written: "1"))],
                                 panel: PanelDeclaration(unit: "region", time: "year"), spatial: settings)
    }

    @Test("the block's estimates and statistics equal VaryingSpatialLag.fit (and hetfirm spatial --rho-varies-with) bit for bit")
    func blockEqualsFit() throws {
        let data = try CSVReader.read(path: Repository.path("Tests/Fixtures/spatial-varying/panel.csv"))
        let outcome = try PreparedSpatial(Self.request()).run(on: data, replication: 0, truth: { _ in nil }, keepFits: false)
        let prepared = try SpatialSamplePreparation.prepare(
            data, formula: try SpatialFormula.parse("y ~ x1 + x2", panel: true),
            layout: SpatialDataLayout(unitColumn: "region", periodColumn: "year"),
            weights: try SpatialWeightsReader.read(path: Repository.path("Tests/Fixtures/spatial-varying/w.gal")),
            effects: .individual, rowStandardize: true)
        let inter = try data.doubles("inter")
        let fit = try VaryingSpatialLag.fit(prepared.sample, modifierName: "inter", modifier: prepared.dataRows.map { inter[$0] },
                                            effects: .individual)
        #expect(fit.converged)
        let expected = try ["rho", "rho_prime", "x1"].map { try #require(fit.coefficient(named: $0)) }
        #expect(outcome.estimates.map(\.parameter) == ["varying: rho", "varying: rho_prime", "varying: x1"])
        #expect(outcome.estimates.map(\.estimate) == expected.map(\.estimate))
        #expect(outcome.estimates.map(\.standardError) == expected.map(\.standardError))
        #expect(outcome.estimates.map(\.truth) == [0.4, 0.25, 1])
        #expect(outcome.statistics.contains(BlockStatistic(subject: "varying", statistic: PreparedSpatial.logLikelihood, value: fit.logLikelihood)))
        #expect(outcome.statistics.contains(BlockStatistic(subject: "varying", statistic: PreparedSpatial.sigma2, value: fit.sigma2)))
        #expect(outcome.statistics.contains(BlockStatistic(subject: "varying", statistic: PreparedSpatial.converged, value: 1)))
        // The command's fit on the same files.
        let command = try DataSpatial.runVarying(DataSpatialVaryingTests.request()).fit
        #expect(command.coefficients == fit.coefficients)
        // The plain SAR block on the same data is another model (ρ′ = 0): its ρ differs.
        let sar = try PreparedSpatial(Self.request(rhoVariesWith: nil)).run(on: data, replication: 0, truth: { _ in nil }, keepFits: false)
        #expect(sar.estimates.first?.estimate != outcome.estimates.first?.estimate)
    }

    @Test("a block prepared with model = \"sac\" and rho_varies_with is refused, as is a z with a missing value")
    func refusals() throws {
        #expect(throws: EstimationError.self) { try PreparedSpatial(Self.request(model: .sac)) }
        let data = try CSVReader.read(path: Repository.path("Tests/Fixtures/spatial-varying/panel.csv"))
        var inter = try data.doubles("inter")
        inter[3] = .nan
        let holed = try Dataset(columns: data.columns.filter { $0.name != "inter" } + [.double("inter", inter)])
        do {
            _ = try PreparedSpatial(Self.request()).run(on: holed, replication: 0, truth: { _ in nil }, keepFits: false)
            Issue.record("a missing z was accepted")
        } catch {
            #expect("\(error)".contains("inter is missing or not finite in row 4"), "\(error)")
        }
    }
}
