import Foundation
import Testing
import TestSupport
@testable import Models
@testable import Scenario

/// Issue 10 §2: `validate` accepted sizes the run could not handle (an 80 GB allocation abort for
/// information-spillover cities = 1000, destinations = 100000, years = 200). Each model now estimates
/// one replication's memory and work (`ModelDescriptor.resources`), and `ScenarioResources` refuses
/// what does not fit, naming the keys.
///
/// Peak resident memory measured with `/usr/bin/time -v` (2-core, 24 GiB machine):
/// - `spillover-paper-scale.toml`: 4.3 GB (release, 1 replication, 5,967,144 rows);
/// - `quality-paper-scale.toml`: 6.8 GB (release, 1 replication, 9,450,018 records);
/// - `spillover-recovery.toml`: 0.4 GB (release, 200 replications on 2 threads);
/// - `dense` below (cities = 400, destinations = 1000, years = 20, 5 firms, 81,036 rows; debug,
///   1 replication, no fixed effects): 259 MB (259,304 kB), 1 min 26 s;
/// - `allocationMid` below (regions = 100, years = 10, firms_per_region = 20000; 1,926,491 rows in
///   replication 0; debug, 2 replications on 2 threads): 399 MB (398,592 kB), 23 s.
/// The tests compare the estimates with these figures within a factor 0.5–2, and check the
/// estimates' parts against values computed by hand; nothing is timed.
@Suite("resource estimates")
struct ResourceEstimateTests {
    static let scenarios = Repository.url("scenarios")

    static func shipped(_ name: String) throws -> Scenario {
        try ScenarioLoader.load(path: scenarios.appendingPathComponent(name).path)
    }

    static func spillover(_ model: String, extra: String = "") throws -> Scenario {
        try ScenarioLoader.parse(text: """
            [scenario]
            name = "size"
            model = "information-spillover"
            [model]
            \(model)
            [[estimate]]
            name = "b"
            formula = "lnexp ~ dlnaffiliate | it + mt + cm"
            recover = { dlnaffiliate = "pseudo-true" }
            \(extra)
            """, fileName: "size.toml")
    }

    static let gigabyte = 1e9

    static let dense = """
        firms = 5
        cities = 400
        provinces = 8
        destinations = 1000
        years = 20
        """

    @Test("the dense-grid run's estimate is within 0.5–2× of its peak RSS, the source grid being its largest term")
    func measuredDenseRun() throws {
        let scenario = try Self.spillover(Self.dense, extra: "[montecarlo]\nreplications = 1\nrecover = []")
        let estimate = ScenarioResources(scenario, cores: 2)
        let ratio = estimate.peakBytes / 259_304_000
        #expect(ratio >= 0.5 && ratio <= 2, "estimate \(estimate.peakBytes)")
        #expect(estimate.perReplication.largestTerms.first?.keys == ["cities", "destinations", "years"])
    }

    @Test("the allocation-efficiency run's estimate is within 0.5–2× of its peak RSS; its rows follow the producing share")
    func measuredAllocationRun() throws {
        let scenario = try ScenarioLoader.parse(text: """
            [scenario]
            name = "allocationMid"
            model = "allocation-efficiency"
            [model]
            regions = 100
            years = 10
            firms_per_region = 20000
            [montecarlo]
            replications = 2
            """, fileName: "am.toml")
        let estimate = ScenarioResources(scenario, threads: 2, cores: 2)
        let ratio = estimate.peakBytes / 398_592_000
        #expect(ratio >= 0.5 && ratio <= 2, "estimate \(estimate.peakBytes)")
        let rows = (estimate.perReplication.largestTerms.first?.bytes ?? 0) / AllocationEfficiency.bytesPerRow
        #expect(rows > 0.8 * 1_926_491 && rows < 1.25 * 1_926_491)
    }

    @Test("estimates of the measured runs are within 0.5–2× of their peak RSS", arguments: [
        ("spillover-paper-scale.toml", 4.3e9), ("quality-paper-scale.toml", 6.8e9), ("spillover-recovery.toml", 0.4e9),
    ])
    func measuredRuns(file: String, measured: Double) throws {
        let estimate = ScenarioResources(try Self.shipped(file), threads: 2, cores: 2)
        let ratio = estimate.peakBytes / measured
        #expect(ratio >= 0.5 && ratio <= 2, "\(file): estimate \(estimate.peakBytes), measured \(measured)")
    }

    @Test("the spillover row count follows the exporting share: 5.97 million rows at paper scale, 100–160 thousand for recovery")
    func spilloverRows() throws {
        func rows(_ scenario: Scenario) -> Double {
            let term = scenario.model.resources(scenario.parameters).terms.first { $0.label.hasPrefix("plant × destination × year rows") }
            return (term?.bytes ?? 0) / InformationSpillover.bytesPerRow
        }
        let paper = rows(try Self.shipped("spillover-paper-scale.toml"))
        #expect(paper > 0.8 * 5_967_144 && paper < 1.25 * 5_967_144)
        let recovery = rows(try Self.shipped("spillover-recovery.toml"))
        #expect(recovery > 100_000 && recovery < 200_000)
    }

    @Test("the source-exporter term is 24 bytes per city × destination × year cell")
    func sourceCells() throws {
        let scenario = try Self.spillover("firms = 1\ncities = 1000\ndestinations = 100000\nyears = 200")
        let terms = scenario.model.resources(scenario.parameters).largestTerms
        #expect(terms.first?.keys == ["cities", "destinations", "years"])
        #expect(terms.first?.bytes == Double(24 * 1000 * 100_000 * 200))
    }

    @Test("the issue's spillover scenario is refused at its first written key, naming the keys and the limit")
    func refusal() throws {
        let scenario = try Self.spillover("firms = 1\ncities = 1000\ndestinations = 100000\nyears = 200")
        let estimate = ScenarioResources(scenario, threads: 2, cores: 2)
        let error = try #require(estimate.problem(limitBytes: 24 * Self.gigabyte, limitSource: "the test's limit", in: scenario))
        #expect(error.keyPath == "model.cities")
        #expect(error.location?.line == 6)
        #expect(error.message.contains("the test's limit (24 GB)"))
        #expect(error.fix.contains("lower cities, destinations, years"))
        #expect(estimate.problem(limitBytes: 1e16, limitSource: "--max-memory 10P", in: scenario) == nil)
    }

    @Test("quality-ladder destinations = 1e8 (CES) and industries = 1e8 are refused")
    func qualityLadderSizes() throws {
        for model in ["demand = \"ces\"\ndestinations = 100000000", "industries = 100000000"] {
            let scenario = try ScenarioLoader.parse(text: """
                [scenario]
                name = "size"
                model = "quality-ladder"
                [model]
                \(model)
                """, fileName: "q.toml")
            let estimate = ScenarioResources(scenario, threads: 2, cores: 2)
            #expect(estimate.perReplication.bytes > 3 * Self.gigabyte, "\(model)")
        }
    }

    @Test("a theory-only scenario runs no replication; the work multiplies replications and Monte Carlo sweep points")
    func replicationsAndWork() throws {
        let theory = ScenarioResources(try Self.shipped("quality-propositions.toml"))
        #expect(theory.replications == 0)
        #expect(theory.peakBytes < ScenarioResources.baseBytes + 1e6)
        #expect(theory.summary.contains("theory only"))
        let sweep = try Self.spillover("firms = 50", extra: "[montecarlo]\nreplications = 10\n[sweep]\nv_z = [0.5, 1.0, 2.0]")
        let estimate = ScenarioResources(sweep, threads: 1, cores: 2)
        #expect(estimate.monteCarloSweepPoints == 3)
        #expect(estimate.concurrentReplications == 2)
        let one = sweep.model.resources(sweep.parameters).operations
        #expect(abs(estimate.operations - 10 * 4 * one) <= 1e-9 * estimate.operations)
    }

    @Test("total work above the bound is refused at [montecarlo] replications; every shipped scenario is far below it")
    func workBound() throws {
        let sweep = try Self.spillover("firms = 50", extra: "[montecarlo]\nreplications = 10\n[sweep]\nv_z = [0.5, 1.0, 2.0]")
        let estimate = ScenarioResources(sweep, threads: 1, cores: 2)
        #expect(estimate.workProblem(limitSteps: ScenarioResources.defaultWorkLimit, limitSource: "the default bound", in: sweep) == nil)
        let error = try #require(estimate.workProblem(limitSteps: estimate.operations / 2, limitSource: "--max-work 1", in: sweep))
        #expect(error.keyPath == "montecarlo.replications")
        #expect(error.location?.line == sweep.location(of: "montecarlo.replications")?.line)
        #expect(error.message.contains("10 replications at each of 3 sweep points") && error.fix.contains("--max-work"))
        for name in ["quickstart.toml", "spillover-recovery.toml", "quality-paper-scale.toml", "spillover-paper-scale.toml"] {
            let shipped = ScenarioResources(try Self.shipped(name))
            #expect(shipped.operations < ScenarioResources.defaultWorkLimit / 1e3, "\(name): \(shipped.operations)")
        }
    }

    @Test("sizes parse and print in powers of 1000 (and 1024 with Ki/Mi/Gi)")
    func sizes() {
        #expect(ByteCount.parse("16G") == 16e9)
        #expect(ByteCount.parse("2.5 GB") == 2.5e9)
        #expect(ByteCount.parse("1Gi") == 1_073_741_824)
        #expect(ByteCount.parse("800") == 800)
        #expect(ByteCount.parse("lots") == nil)
        #expect(ByteCount.parse("-1G") == nil)
        #expect(ByteCount.text(80_000_000_032) == "80 GB")
        #expect(ByteCount.text(3.2e6) == "3.2 MB")
    }

    @Test("MemTotal is read from /proc/meminfo text")
    func memTotal() {
        #expect(PhysicalMemory.parseTotal("MemFree: 1 kB\nMemTotal:       25165824 kB\n") == Double(25_165_824 * 1024))
        #expect(PhysicalMemory.parseTotal("nothing") == nil)
    }

    @Test("an allocation larger than the machine is a ModelError naming the keys, not an abort")
    func allocationGuard() throws {
        #expect(throws: ModelError.self) {
            try AllocationGuard.check([1000, 100_000, 200], bytesPerElement: 1_000_000, what: "x", keys: ["cities"])
        }
        try AllocationGuard.check([1000, 10], bytesPerElement: 8, what: "x", keys: ["cities"])
    }
}
