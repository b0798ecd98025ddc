import Foundation
import MonteCarlo
import Scenario
import Testing
import TestSupport

/// End-to-end runs of the quality-ladder pipeline on tiny scenarios.
@Suite("quality-ladder pipeline", .serialized)
struct QualityLadderPipelineTests {
    static func scenario(replications: Int = 3, model: String = "", sweep: String = "") -> String {
        """
        [scenario]
        name = "quality-test"
        model = "quality-ladder"
        seed = 11

        [model]
        firms = 80
        years = 3
        appeal_sd = 0.3
        appeal_in_patents = 1.0
        \(model)

        [[estimate]]
        name = "baseline"
        formula = "distance ~ eco + size | firm + year + city + industry"
        vcov = { cluster = ["firm"] }
        recover = { eco = "truth.eco_effect" }

        [[estimate]]
        name = "iv_phone"
        formula = "distance ~ size | firm + year | eco ~ iv_phone"
        vcov = { cluster = ["firm"] }
        recover = { eco = "truth.eco_effect" }

        \(sweep.isEmpty ? "" : "[sweep]\n" + sweep)

        [montecarlo]
        replications = \(replications)

        [output]
        gnuplot = false
        """
    }

    static func run(_ text: String, threads: Int) throws -> String {
        let scenario = try ScenarioLoader.parse(text: text, fileName: "quality-test.toml")
        let directory = TemporaryDirectory.path()
        _ = try ScenarioRunner.run(scenario, overrides: RunOverrides(outputDirectory: directory, threads: threads))
        return directory
    }

    @Test("a tiny quality scenario runs end to end: theory of both readings, KSW diagnostics, IV strength, recovery")
    func endToEnd() throws {
        let directory = try Self.run(Self.scenario(), threads: 2)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        for file in ["summary.md", "recovery.csv", "replications.csv", "diagnostics.csv", "table.md", "table.tex", "table.csv",
                     "scenario.toml", "sampling-baseline-eco.dat"] {
            #expect(FileManager.default.fileExists(atPath: directory + "/" + file), "\(file)")
        }
        let summary = try AllocationEfficiencyPipelineTests.read(directory, "summary.md")
        for text in ["Consistent variant: equilibrium", "Proposition 5, stated honestly", "Regime table", "corr(ksw_quality, true ln λ)",
                     "Kleibergen–Paap rk Wald F", "iv_phone: eco"] {
            #expect(summary.contains(text), "\(text)")
        }
        let recovery = try AllocationEfficiencyPipelineTests.read(directory, "recovery.csv")
        #expect(recovery.contains("baseline: eco"))
        #expect(recovery.contains("iv_phone: eco"))
        #expect(recovery.contains("eq. (4) elasticity"))
        // The IV block's named statistics reach statistics.csv and summary.md generically, and agree with
        // the first stages the model keeps in diagnostics.csv.
        let statistics = try AllocationEfficiencyPipelineTests.read(directory, "statistics.csv").split(separator: "\n")
        #expect(statistics.first == "replication,subject,statistic,value")
        let firstStages = statistics.filter { $0.contains(",iv_phone: eco,first-stage F,") }
        #expect(firstStages.count == 3)
        let diagnostics = try AllocationEfficiencyPipelineTests.read(directory, "diagnostics.csv")
        for row in firstStages {
            guard let value = row.split(separator: ",").last else { continue }
            #expect(diagnostics.contains(String(value)), "first-stage F \(value) in diagnostics.csv")
        }
        #expect(summary.contains("## Block statistics"))
    }

    @Test("serial and parallel runs write identical replications.csv and diagnostics.csv")
    func serialEqualsParallel() throws {
        let text = Self.scenario(replications: 6)
        let serial = try Self.run(text, threads: 1), parallel = try Self.run(text, threads: 2)
        defer {
            try? FileManager.default.removeItem(atPath: serial)
            try? FileManager.default.removeItem(atPath: parallel)
        }
        for file in ["replications.csv", "recovery.csv", "diagnostics.csv"] {
            #expect(try AllocationEfficiencyPipelineTests.read(serial, file) == AllocationEfficiencyPipelineTests.read(parallel, file), "\(file)")
        }
    }

    @Test("a consistent scenario without an equilibrium is an outOfDomain error at the key to change",
          arguments: [("psi0 = 0.05", "model.I"), ("f_E = 50.0", "model.f_E"), ("beta = 0.4", "model.beta")])
    func noEquilibrium(line: String, keyPath: String) throws {
        do {
            _ = try Self.run(Self.scenario(model: line), threads: 1)
            Issue.record("expected an error for \(line)")
        } catch let error as ScenarioError {
            #expect(error.kind == .outOfDomain)
            #expect(error.keyPath == keyPath)
        }
    }

    @Test("an as-printed scenario with a Monte Carlo still needs the consistent equilibrium the simulator draws from")
    func asPrintedMonteCarloNeedsConsistentEquilibrium() throws {
        do {
            _ = try Self.run(Self.scenario(model: "variant = \"as-printed\"\nbeta = 0.4"), threads: 1)
            Issue.record("expected an error")
        } catch let error as ScenarioError {
            #expect(error.kind == .outOfDomain)
            #expect(error.keyPath == "model.beta")
            #expect(error.message.contains("no equilibrium"))
        }
    }

    @Test("the sweep writes the regime table at every point and the ϕ, ∂Δλ/∂ρ, ∂Δλ/∂θ series with the sign boundary")
    func sweepWritesPropositionSeries() throws {
        let text = Self.scenario(replications: 1, model: "variant = \"as-printed\"\nbeta = 1.5\nmu = 1.0",
                                 sweep: "beta = [0.0, 0.5, 1.5, 2.0]\nrho = [0.0, 1.0]")
        let directory = try Self.run(text, threads: 1)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let table = try AllocationEfficiencyPipelineTests.read(directory, "propositions.csv").split(separator: "\n")
        #expect(table.count == 1 + 8)
        #expect(table.first?.hasPrefix("beta,rho,beta_minus_mu,D,soc_maximum,phi,holds_12") == true)
        for axis in ["beta", "rho"] {
            let series = try AllocationEfficiencyPipelineTests.read(directory, "propositions-\(axis).dat")
            for column in ["phi", "d_distance_d_rho", "d_distance_d_theta", "zero", "soc", "consistent_phi"] {
                #expect(series.contains(column), "\(axis): \(column)")
            }
            #expect(FileManager.default.fileExists(atPath: directory + "/propositions-\(axis).gp"))
        }
        let summary = try AllocationEfficiencyPipelineTests.read(directory, "summary.md")
        #expect(summary.contains("Sweep: the as-printed regime table at every grid point"))
    }
}
