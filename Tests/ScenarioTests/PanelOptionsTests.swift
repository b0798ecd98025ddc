@testable import Pipelines
import Estimation
import Foundation
import PanelData
import Testing
import TestSupport
@testable import Scenario

/// `panel`, `weights` and the panel HAC covariances: in `[[estimate]]` (decoded, validated with a location,
/// written back) and in `hetfirm estimate` (`--panel`, `--weights`, `--vcov nw|dk`, `--lags`).
@Suite("panel declarations, weights and panel HAC: scenarios and the CLI")
struct PanelOptionsTests {
    static func scenario(_ lines: String) throws -> Scenario {
        try ScenarioLoader.parse(text: """
            [scenario]
            name = "panel"
            model = "allocation-efficiency"
            [model]
            regions = 4
            years = 3
            [[estimate]]
            name = "emp"
            \(lines)
            """, fileName: "panel.toml")
    }

    static func error(_ lines: String) throws -> ScenarioError {
        try #require(throws: ScenarioError.self) { try scenario(lines) }
    }

    @Test func decodedAndWrittenBack() throws {
        let scenario = try Self.scenario("""
            formula = "log(employment) ~ l(log(phi0)) | region^year"
            panel = ["firm", "year"]
            weights = "employment"
            vcov = "dk=2"
            """)
        let request = try #require(scenario.estimations.first)
        #expect(request.panel == PanelDeclaration(unit: "firm", time: "year"))
        #expect(request.weights == "employment")
        #expect(request.vcov == .driscollKraay(lags: 2))
        let toml = ResolvedScenarioWriter.toml(scenario)
        #expect(toml.contains("panel   = [\"firm\", \"year\"]"))
        #expect(toml.contains("weights = \"employment\""))
        #expect(toml.contains("vcov    = \"dk=2\""))
        let reread = try ScenarioLoader.parse(text: toml, fileName: "scenario.toml")
        #expect(reread.estimations == scenario.estimations)
        #expect(try Self.scenario("formula = \"log(employment) ~ m\"\nvcov = \"nw\"\npanel = [\"firm\", \"year\"]")
            .estimations.first?.vcov == .neweyWest(lags: nil))
    }

    @Test func locatedErrors() throws {
        let lagWithoutPanel = try Self.error("formula = \"log(employment) ~ l(m, 1)\"")
        #expect(lagWithoutPanel.keyPath == "estimate[0].formula")
        #expect(lagWithoutPanel.location?.line == 9)
        #expect(lagWithoutPanel.message.contains("shifts variables in time"))
        let hacWithoutPanel = try Self.error("formula = \"log(employment) ~ m\"\nvcov = \"nw=2\"")
        #expect(hacWithoutPanel.keyPath == "estimate[0].vcov")
        #expect(hacWithoutPanel.location?.line == 10)
        let unknownPanelColumn = try Self.error("formula = \"log(employment) ~ m\"\npanel = [\"firm\", \"yaer\"]")
        #expect(unknownPanelColumn.keyPath == "estimate[0].panel")
        #expect(unknownPanelColumn.fix.contains("year"))
        let oneName = try Self.error("formula = \"log(employment) ~ m\"\npanel = [\"firm\"]")
        #expect(oneName.keyPath == "estimate[0].panel")
        #expect(oneName.kind == .wrongType)
        let same = try Self.error("formula = \"log(employment) ~ m\"\npanel = [\"year\", \"year\"]")
        #expect(same.message.contains("both unit and time"))
        let weights = try Self.error("formula = \"log(employment) ~ m\"\nweights = \"employmnet\"")
        #expect(weights.keyPath == "estimate[0].weights")
        #expect(weights.fix.contains("employment"))
        let lags = try Self.error("formula = \"log(employment) ~ m\"\nvcov = \"nw=-1\"\npanel = [\"firm\", \"year\"]")
        #expect(lags.keyPath == "estimate[0].vcov")
        #expect(lags.message.contains("the number of lags"))
    }

    static let panelFile = "Tests/Fixtures/pyfixest/data/panel_unbalanced.csv"

    /// The `InvalidInput` message of `hetfirm estimate`, or nil when it succeeds.
    static func failure(_ path: String, _ formula: String, vcov: String? = nil, panel: String? = nil, lags: Int? = nil,
                        weights: String? = nil) -> String? {
        do {
            _ = try DataEstimation.run(dataPath: path, formulas: [formula], vcov: vcov, fixedEffects: false, output: .text,
                                       panel: panel, lags: lags, weights: weights)
            return nil
        } catch let error as InvalidInput {
            return error.description
        } catch {
            return "unexpected: \(error)"
        }
    }

    @Test func commandLineOptions() throws {
        let path = Repository.path(Self.panelFile)
        #expect(Self.failure(path, "y ~ l(x1) | firm", panel: "firm,year") == nil)
        #expect(Self.failure(path, "y ~ x1", vcov: "nw", panel: "firm,year", lags: 2) == nil)
        #expect(Self.failure(path, "y ~ x1", weights: "w") == nil)
        #expect(Self.failure(path, "y ~ l(x1)")?.contains("give --panel ID,TIME") == true)
        #expect(Self.failure(path, "y ~ x1", vcov: "dk")?.contains("needs the panel's unit and time columns") == true)
        #expect(Self.failure(path, "y ~ x1", vcov: "hc1", panel: "firm,year", lags: 2)?.contains("--lags sets the bandwidth") == true)
        #expect(Self.failure(path, "y ~ x1", vcov: "nw=1", panel: "firm,year", lags: 2)?.contains("give the lags once") == true)
        #expect(Self.failure(path, "y ~ x1", panel: "firm")?.contains("--panel must name the unit and the time column") == true)
        #expect(Self.failure(path, "y ~ x1", panel: "firm,x1")?.contains("the time column 'x1' holds") == true)
    }

    @Test func badPanelsAndWeightsAreLocated() throws {
        let duplicate = try UserDataInputTests.file("dup.csv", "id,t,y,x\na,1,1,2\nb,1,2,1\na,1,3,5\n")
        #expect(Self.failure(duplicate, "y ~ x", panel: "id,t") == "\(duplicate):4: error: unit 'a' has more than one row at time 1; "
            + "a panel (--panel ID,TIME) needs each (unit, time) pair once")
        let weights = try UserDataInputTests.file("w.csv", "y,x,w\n1,2,1\n2,1,0\n3,5,-2\n4,4,1\n")
        #expect(Self.failure(weights, "y ~ x", weights: "w") == "\(weights):4:3 (column 'w'): error: the weight is -2.0; "
            + "weights must be finite and ≥ 0 (rows with weight 0 are left out)")
        let missing = try UserDataInputTests.file("wm.csv", "y,x,w\n1,2,1\n2,1,NA\n3,5,2\n4,4,1\n")
        #expect(Self.failure(missing, "y ~ x", weights: "w")?.hasPrefix("\(missing):3:3 (column 'w'): error: the weight is missing") == true)
        let text = try UserDataInputTests.file("wt.csv", "y,x,w\n1,2,1\n2,1,heavy\n3,5,2\n4,4,1\n")
        #expect(Self.failure(text, "y ~ x", weights: "w")?.contains("'heavy' is not a number") == true)
        // Zero weights leave the rows out: 3 observations remain.
        let zero = try UserDataInputTests.file("wz.csv", "y,x,w\n1,2,1\n2,1,0\n3,5,2\n4,4.5,1\n")
        let report = try DataEstimation.run(dataPath: zero, formulas: ["y ~ x"], vcov: "iid", fixedEffects: false, output: .json,
                                            weights: "w")
        #expect(report.results.first?.observationCount == 3)
    }
}

/// `convergence = { … }` in `[[estimate]]` and `--convergence` on the command line.
@Suite("convergence in scenarios and the CLI")
struct ConvergenceOptionsTests {
    @Test func decodedValidatedAndWrittenBack() throws {
        let scenario = try PanelOptionsTests.scenario("""
            formula = "log(employment) ~ m + m:I + I"
            convergence = { coefficient = "m", horizon = 2, growth = "per-period", at = { "m:I" = 0.5 } }
            recover = { speed = "0.1", "half-life" = "7" }
            """)
        let convergence = try #require(scenario.estimations.first?.convergence)
        #expect(convergence == ConvergenceSpecification(coefficient: "m", at: [.init(coefficient: "m:I", value: 0.5)],
                                                        horizon: 2, form: .perPeriod))
        let reread = try ScenarioLoader.parse(text: ResolvedScenarioWriter.toml(scenario), fileName: "scenario.toml")
        #expect(reread.estimations == scenario.estimations)
        let notCoefficient = try PanelOptionsTests.error("formula = \"log(employment) ~ m\"\nconvergence = { coefficient = \"n\" }")
        #expect(notCoefficient.keyPath == "estimate[0].convergence")
        #expect(notCoefficient.fix.contains("'m'"))
        let badGrowth = try PanelOptionsTests.error("formula = \"log(employment) ~ m\"\nconvergence = { coefficient = \"m\", growth = \"annual\" }")
        #expect(badGrowth.keyPath == "estimate[0].convergence.growth")
        let speedWithout = try PanelOptionsTests.error("formula = \"log(employment) ~ m\"\nrecover = { speed = \"0.1\" }")
        #expect(speedWithout.keyPath == "estimate[0].recover.speed")
    }

    @Test func commandLine() throws {
        #expect(throws: InvalidInput.self) { try ConvergenceOptions(horizon: 2).specification() }
        #expect(throws: InvalidInput.self) { try ConvergenceOptions(coefficient: "b", horizon: -1).specification() }
        #expect(throws: InvalidInput.self) { try ConvergenceOptions(coefficient: "b", growth: "annual").specification() }
        #expect(throws: InvalidInput.self) { try ConvergenceOptions(coefficient: "b", at: ["b:z"]).specification() }
        #expect(try ConvergenceOptions(coefficient: "b", at: ["b:z = 0.5"]).specification()?.at
            == [.init(coefficient: "b:z", value: 0.5)])
        let path = Repository.path(PanelOptionsTests.panelFile)
        let report = try DataEstimation.run(dataPath: path, formulas: ["d(y) ~ l(y) | year"], vcov: "iid", fixedEffects: false,
                                            output: .text, panel: "firm,year", convergence: ConvergenceOptions(coefficient: "l(y, 1)"))
        #expect(report.text.contains("Convergence: β = l(y, 1), horizon T = 1 (total growth)"))
        #expect(report.text.contains("speed λ = "))
    }
}

/// A Monte Carlo whose `[[estimate]]` is weighted, declares the panel and uses Driscoll–Kraay: replication 0's
/// estimate and standard error equal the estimator run directly on the written panel.
@Suite("weights and panel HAC in a Monte Carlo", .serialized)
struct PanelOptionsMonteCarloTests {
    @Test func weightedDriscollKraayMatchesTheDirectFit() throws {
        let formula = "log(employment) ~ log(phi0) + m | region"
        let text = ScenarioEstimateOptionsTests.scenario(
            formula: formula, recover: "{ \"log(phi0)\" = \"truth.sigma_minus_one\" }",
            extra: "panel = [\"firm\", \"year\"]\nweights = \"domestic_sales\"").replacingOccurrences(of: "vcov = \"hetero\"", with: "vcov = \"dk=1\"")
        let (row, panel) = try ScenarioEstimateOptionsTests.runOnce(text)
        var options = EstimationOptions(vcov: .driscollKraay(lags: 1))
        options.panel = PanelDeclaration(unit: "firm", time: "year")
        options.weights = "domestic_sales"
        let direct = try FixedEffectsOLS.fit(FormulaParser.parse(formula), data: panel, options: options)
        #expect(direct.covariance.type == .driscollKraay(lags: 1))
        #expect(abs(row.meanEstimate - direct.coefficients[0]) <= 1e-9 * abs(direct.coefficients[0]))
        #expect(abs(row.meanStandardError - direct.standardErrors[0]) <= 1e-9 * direct.standardErrors[0])
        let unweighted = try FixedEffectsOLS.fit(FormulaParser.parse(formula), data: panel, options: EstimationOptions(vcov: .iid))
        #expect(abs(unweighted.coefficients[0] - direct.coefficients[0]) > 1e-6, "the weights must change the estimate")
    }
}
