import Foundation
import Models
import MonteCarlo
import PanelData
@testable import Pipelines
import Spatial
import Testing
import TestSupport
@testable import Scenario

/// TEST ONLY: the `allocation-regional` pipeline with one weight matrix supplied, `model:geo` (its
/// geography's inverse-distance W), so that `weights = "model:NAME"` can be checked through the generic
/// run before the real pipeline supplies its matrices. Everything else is the real pipeline's, except
/// its own files and summary sections (not needed here).
struct SuppliedWeightsPipeline: ModelPipeline {
    typealias Model = AllocationRegionalModel
    typealias Simulator = AllocationRegionalPipeline.Simulator
    let inner = AllocationRegionalPipeline()

    static var descriptor: ModelDescriptor {
        let real = AllocationRegional.descriptor
        return ModelDescriptor(key: real.key, title: real.title, source: real.source, parameters: real.parameters,
                               constraints: real.constraints, recoverable: real.recoverable, panelColumns: real.panelColumns,
                               truths: real.truths, noiselessOutcomes: real.noiselessOutcomes,
                               additionalPanels: real.additionalPanels,
                               spatialWeights: [(name: "geo", meaning: "inverse distance between the provinces (test only)")],
                               resources: real.resources)
    }

    static var contractScenario: String { AllocationRegionalPipeline.contractScenario }

    func solve(_ values: ParameterValues, context: RunContext) throws -> AllocationRegionalTheory {
        try inner.solve(values, context: context)
    }

    func wantsMonteCarlo(_ context: RunContext) -> Bool { inner.wantsMonteCarlo(context) }

    func simulator(for theory: AllocationRegionalTheory, values: ParameterValues, context: RunContext,
                   warnings: inout [String]) throws -> Simulator {
        try inner.simulator(for: theory, values: values, context: context, warnings: &warnings)
    }

    func spatialWeights(for simulator: Simulator, context: RunContext) throws -> [String: SpatialWeights] {
        ["geo": try Self.geographyWeights(simulator.theory.geography)]
    }

    func artifacts(theory: AllocationRegionalTheory, monteCarlo: MonteCarloOutcome<Self>?, sweep: Never?,
                   context: RunContext) throws -> RunArtifacts { RunArtifacts() }

    func summary(theory: AllocationRegionalTheory, monteCarlo: MonteCarloOutcome<Self>?, sweep: Never?,
                 sweepRecovery: SweepRecovery?, context: RunContext) -> ModelSummary { ModelSummary() }

    /// The geography's dense inverse-distance W over the province ids "1" … "R" of the panel.
    static func geographyWeights(_ geography: RegionalGeography) throws -> SpatialWeights {
        let regions = geography.regionCount
        var triplets: [(row: Int, column: Int, weight: Double)] = []
        for row in 0..<regions {
            for column in 0..<regions where row != column {
                triplets.append((row, column, geography.inverseDistance[row * regions + column]))
            }
        }
        return try SpatialWeights(unitIdentifiers: (1...regions).map(String.init), triplets: triplets)
    }
}

/// `weights = "model:NAME"`: the weight matrix the model supplies. Decoding and validation against the
/// model's names, the resolved scenario, the binding of the block (``ModelSuppliedBlock``) in the
/// generic run and at sweep points, and `weights/NAME.gwt`.
@Suite("scenario [[estimate]] method = \"spatial\" with weights = \"model:NAME\"", .serialized)
struct ScenarioSpatialModelWeightsTests {
    static let registry = ModelRegistry([ModelRegistration(SuppliedWeightsPipeline.self)])

    static let block = """
        [[estimate]]
        name    = "sp"
        method  = "spatial"
        formula = "lnMET ~ INTER"
        panel   = ["province", "year"]
        weights = "model:geo"
        effects = "individual"
        recover = { rho = "0", INTER = "0" }
        """

    static func scenario(_ block: String = block, sweep: String = "") -> String {
        """
        [scenario]
        name = "model-weights"
        model = "allocation-regional"
        seed = 20261208

        [model]
        regions = 6
        years = 5
        firms_per_region = 300
        products_per_complexity = 3

        \(block)
        \(sweep)
        [montecarlo]
        replications = 1

        [output]
        panel = true
        gnuplot = false
        """
    }

    static func parse(_ text: String) throws(ScenarioError) -> Scenario {
        try ScenarioLoader.parse(text: text, fileName: "model-weights.toml", registry: registry)
    }

    @Test("model:NAME decodes without a file, is written back unchanged, and records no digest")
    func decoding() throws {
        let scenario = try Self.parse(Self.scenario())
        let settings = try #require(scenario.estimations.first?.spatial)
        #expect(settings.modelWeightsName == "geo" && settings.weightsPath.isEmpty && settings.weightsFormat == nil)
        #expect(settings == SpatialSettings(weightsFile: "model:geo", weightsPath: "", effects: .individual))
        let recorded = try scenario.recordingInputDigests()
        #expect(recorded.estimations.first?.spatial?.weightsDigest == nil)
        let resolved = ResolvedScenarioWriter.toml(recorded)
        #expect(resolved.contains("weights = \"model:geo\"\n"), "\(resolved)")
        #expect(!resolved.contains("weights_digest"))
        let again = try ScenarioLoader.parse(text: resolved, fileName: "elsewhere/scenario.toml", registry: Self.registry)
        #expect(again.estimations.first?.spatial == settings)
        #expect(ScenarioFingerprint.of(again, replications: 1) == ScenarioFingerprint.of(scenario, replications: 1))
        // Another W is another scenario.
        let other = try Self.parse(Self.scenario(Self.block.replacingOccurrences(of: "effects = \"individual\"", with: "")))
        #expect(ScenarioFingerprint.of(other, replications: 1) != ScenarioFingerprint.of(scenario, replications: 1))
    }

    @Test("an unknown name, a model without matrices, and weights_format or weights_digest with a model's W are located errors")
    func locatedErrors() throws {
        let cases: [(old: String, new: String, keyPath: String, message: String, line: Int)] = [
            ("weights = \"model:geo\"", "weights = \"model:gep\"", "estimate[0].weights", "did you mean \"model:geo\"?", 17),
            ("weights = \"model:geo\"", "weights = \"model:\"", "estimate[0].weights", "supplies no weight matrix ''", 17),
            ("effects = \"individual\"", "effects = \"individual\"\nweights_format = \"gal\"", "estimate[0].weights_format",
             "weights_format describes W's file", 19),
            ("effects = \"individual\"", "effects = \"individual\"\nweights_digest = \"0123456789abcdef\"", "estimate[0].weights_digest",
             "weights_digest describes W's file", 19),
        ]
        for (old, new, keyPath, message, line) in cases {
            do {
                _ = try Self.parse(Self.scenario(Self.block.replacingOccurrences(of: old, with: new)))
                Issue.record("accepted: \(new)")
            } catch {
                #expect(error.keyPath == keyPath, "\(new): \(error.description)")
                #expect(error.description.contains(message), "\(new): \(error.description)")
                #expect(error.location?.line == line, "\(new): \(error.description)")
            }
        }
        // A model that supplies no matrix (the standard registry's allocation-efficiency) refuses any model:NAME.
        let text = ScenarioSpatialTests.scenario(ScenarioSpatialTests.block.replacingOccurrences(of: "regions.gal", with: "model:geo"))
        do {
            _ = try ScenarioLoader.parse(text: text, fileName: "spatial.toml")
            Issue.record("accepted model:geo for a model without matrices")
        } catch {
            #expect(error.keyPath == "estimate[0].weights", "\(error.description)")
            #expect(error.description.contains("the allocation-efficiency model supplies no weight matrix"), "\(error.description)")
        }
    }

    @Test("hetfirm describe lists the matrices a model supplies")
    func describe() {
        let text = ModelDocumentation.markdown(SuppliedWeightsPipeline.descriptor)
        #expect(text.contains("- model:geo: inverse distance between the provinces (test only)"))
        #expect(!ModelDocumentation.markdown(AllocationEfficiencyPipeline.descriptor).contains("Spatial weight matrices"))
    }

    @Test("a prepared block waits for the model's W, binds it by name, and a missing name is a RunFailure")
    func binding() throws {
        let request = try #require(try Self.parse(Self.scenario()).estimations.first)
        let block = try PreparedSpatial(request)
        #expect(block.needsModelSupplies)
        #expect(ModelSupplies.needed(by: [block]))
        let data = try Dataset(columns: [.int("province", [1]), .int("year", [1]), .double("lnMET", [0]), .double("INTER", [0])])
        #expect(throws: RunFailure.self) { try block.run(on: data, replication: 0, truth: { _ in 0 }, keepFits: false) }
        #expect(throws: RunFailure.self) { try ModelSupplies(spatialWeights: ["other": try Self.ring()]).binding([block]) }
        let bound = try ModelSupplies(spatialWeights: ["geo": try Self.ring()]).binding([block])
        let spatial = try #require(bound.first as? PreparedSpatial)
        let ring = try Self.ring()
        #expect(!spatial.needsModelSupplies && spatial.weights == ring)
        #expect(!ModelSupplies.needed(by: bound))
    }

    static func ring() throws -> SpatialWeights {
        try SpatialWeights(unitIdentifiers: ["1", "2", "3"], triplets: [(0, 1, 1), (1, 2, 1), (2, 0, 1)])
    }

    /// The scenario's run context and the test pipeline's run.
    static func run(_ scenario: Scenario, output: String) throws -> (context: RunContext, run: ModelRun<SuppliedWeightsPipeline>,
                                                                   checkpoints: SweepCheckpoints) {
        let checkpoints = SweepCheckpoints(output: output, fingerprint: "", replications: 1, resume: false)
        let context = try ScenarioRunner.context(scenario, settings: RunSettings(outputDirectory: output, replications: 1, threads: 1),
                                                 sweepCheckpoints: checkpoints, progress: nil)
        return (context, ModelRun<SuppliedWeightsPipeline>(context: context), checkpoints)
    }

    /// `sp: rho` and `sp: INTER` fitted directly: replication 0 of the real pipeline at `values`,
    /// SpatialMaximumLikelihood with the geography's W.
    static func directFit(at values: ParameterValues, context: RunContext) throws -> [(estimate: Double, standardError: Double)] {
        let pipeline = AllocationRegionalPipeline()
        let theory = try pipeline.solve(values, context: context)
        var warnings: [String] = []
        let simulator = try pipeline.simulator(for: theory, values: values, context: context, warnings: &warnings)
        let panel = try simulator.draw(replication: 0).mainPanel
        let prepared = try SpatialSamplePreparation.prepare(
            panel, formula: try SpatialFormula.parse("lnMET ~ INTER", panel: true),
            layout: SpatialDataLayout(unitColumn: "province", periodColumn: "year"),
            weights: try SuppliedWeightsPipeline.geographyWeights(theory.geography), effects: .individual, rowStandardize: true)
        let fit = try SpatialMaximumLikelihood.fit(prepared.sample, options: SpatialOptions(model: .sar, effects: .individual))
        return [try #require(fit.coefficient(named: "rho")), try #require(fit.coefficient(named: "INTER"))]
    }

    @Test("through the generic run the block's estimates equal SpatialMaximumLikelihood on the model's W bit for bit, and W is written as weights/geo.gwt")
    func genericRun() throws {
        let folder = try TemporaryDirectory.create("model-weights")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let scenario = try Self.parse(Self.scenario())
        let (context, run, _) = try Self.run(scenario, output: folder + "/out")
        let artifacts = try run.run()
        let record = try #require(artifacts.records?.first)
        let direct = try Self.directFit(at: context.parameters, context: context)
        #expect(record.estimates.map(\.parameter) == ["sp: rho", "sp: INTER"])
        #expect(record.estimates.map(\.estimate) == direct.map(\.estimate))
        #expect(record.estimates.map(\.standardError) == direct.map(\.standardError))
        let file = try #require(artifacts.texts.first { $0.path == "weights/geo.gwt" })
        let written = folder + "/geo.gwt"
        try file.contents.write(toFile: written, atomically: true, encoding: .utf8)
        let theory = try SuppliedWeightsPipeline().solve(context.parameters, context: context)
        let supplied = try SuppliedWeightsPipeline.geographyWeights(theory.geography)
        #expect(try SpatialWeightsReader.read(path: written, format: .gwt) == supplied)
    }

    @Test("the Monte Carlo at every sweep point binds the model's W: each point's estimate is the direct fit at that point")
    func sweepBinds() throws {
        let folder = try TemporaryDirectory.create("model-weights-sweep")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let scenario = try Self.parse(Self.scenario(sweep: "[sweep]\nI_trend = [0.01, 0.02]\n"))
        let (context, run, checkpoints) = try Self.run(scenario, output: folder + "/out")
        defer { checkpoints.removeAll() }
        var warnings: [String] = []
        let sweep = try run.sweepMonteCarlo(plan: try #require(context.sweepPlan), warnings: &warnings)
        #expect(!warnings.contains { $0.contains("no Monte Carlo") }, "\(warnings)")
        #expect(sweep.reports.count == 2)
        for (index, values) in context.sweep.points.enumerated() {
            let rho = try #require(sweep.reports[index].rows.first { $0.parameter == "sp: rho" })
            let direct = try Self.directFit(at: values, context: context)
            #expect(rho.replications == 1)
            #expect(rho.meanEstimate == direct[0].estimate)
            #expect(rho.meanStandardError == direct[0].standardError)
        }
    }

    @Test("hetfirm run with allocation-regional's weights = \"model:personnel\" writes weights/personnel.gwt and estimates ρ")
    func realPipelineEndToEnd() throws {
        let name = "personnel"
        let folder = try TemporaryDirectory.create("model-weights-run")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let text = Self.scenario(Self.block.replacingOccurrences(of: "model:geo", with: "model:\(name)"))
            .replacingOccurrences(of: "[output]", with: "[output]\ndir = \"out\"")
            .replacingOccurrences(of: "firms_per_region = 300", with: "firms_per_region = 5000")
        try text.write(toFile: folder + "/run.toml", atomically: true, encoding: .utf8)
        let scenario = try ScenarioLoader.load(path: folder + "/run.toml")
        let summary = try ScenarioRunner.run(scenario, overrides: RunOverrides(outputDirectory: folder + "/out"))
        #expect(summary.files.contains("weights/\(name).gwt"))
        #expect(summary.files.contains("panel.csv"))
        let rho = try #require(summary.recovery?.rows.first { $0.parameter == "sp: rho" })
        #expect(rho.meanEstimate.isFinite)
    }

    @Test("allocation-regional supplies exactly the matrices its descriptor lists, on the province ids")
    func regionalSuppliesItsListedMatrices() throws {
        var values = AllocationRegional.descriptor.defaults
        values["regions"] = .integer(8)
        values["years"] = .integer(4)
        let theory = try AllocationRegionalModel(parameters: try AllocationRegionalParameters(values)).theory(seed: 3)
        let matrices = try RegionalWeights.matrices(theory)
        #expect(Set(matrices.keys) == Set(AllocationRegional.descriptor.spatialWeights.map(\.name)))
        for (name, weights) in matrices {
            #expect(weights.unitIdentifiers == (1...8).map(String.init), "\(name)")
        }
        // The model's own W_FP, entry for entry.
        let personnel = try #require(matrices["personnel"]).denseElements()
        #expect(personnel == theory.geography.personnelFlows)
    }
}
