import Estimation
import Foundation
import Numerical
import PanelData
import Testing

@Suite("Mediation bootstrap")
struct MediationBootstrapTests {
    @Test("same seed gives identical draws and intervals; 1 and 2 threads are bit-identical; B = 999, n = 1000")
    func reproducible() throws {
        let data = try MediationFixture.make(n: 1000, a: 0.4, b: 0.3, direct: 0.2, firms: 50)
        func run(threads: Int, seed: UInt64 = 5) throws -> MediationBootstrapResult {
            var options = MediationOptions()
            options.threads = threads
            options.seed = seed
            return try #require(try MediationAnalysis.run(
                treatment: "x", mediator: "m", outcome: "y", controls: ["z"], fixedEffects: ["firm"], data: data,
                options: options).bootstrap)
        }
        let start = Date()
        let one = try run(threads: 1)
        let elapsed = Date().timeIntervalSince(start)
        let two = try run(threads: 2)
        #expect(elapsed < 10, "B = 999 on 1000 rows took \(elapsed) s")
        #expect(one.estimates.map(\.bitPattern) == two.estimates.map(\.bitPattern))
        #expect(one == two)
        #expect(one.replications == 999 && one.successfulReplications == 999)
        #expect(one.clusterVariable == "firm" && one.clusterCount == 50)
        #expect(one.percentile.lower < 0.12 && 0.12 < one.percentile.upper)
        #expect(one.biasCorrected.lower.isFinite && one.biasCorrected.lower < one.biasCorrected.upper)
        let other = try run(threads: 2, seed: 6)
        #expect(other.estimates != one.estimates)
    }

    @Test("percentile interval covers the true a·b in about 95% of 100 samples (n = 300, B = 199)")
    func coverage() throws {
        let a = 0.4, b = 0.3
        var covered = 0, biasCoveredCount = 0
        var options = MediationOptions()
        options.bootstrapReplications = 199
        options.seed = 2024
        for replication in 0..<100 {
            let data = try MediationFixture.make(n: 300, a: a, b: b, direct: 0.2, seed: 99, replication: replication)
            let result = try MediationAnalysis.run(treatment: "x", mediator: "m", outcome: "y", data: data, options: options)
            let draws = try #require(result.bootstrap)
            if draws.percentile.lower <= a * b && a * b <= draws.percentile.upper { covered += 1 }
            if draws.biasCorrected.lower <= a * b && a * b <= draws.biasCorrected.upper { biasCoveredCount += 1 }
        }
        // Binomial(100, 0.95): sd ≈ 2.2; [88, 100] is beyond 3 sd below.
        #expect(covered >= 88, "percentile coverage \(covered)/100")
        #expect(biasCoveredCount >= 85, "bias-corrected coverage \(biasCoveredCount)/100")
    }

    @Test("type-7 quantiles and the bias-corrected interval on known draws")
    func intervals() throws {
        var options = MediationOptions()
        options.confidenceLevel = 0.5
        let draws = (1...5).map(Double.init)
        let summary = try MediationBootstrapResult.summarizing(draws, pointEstimate: 3, clusterCount: 5, options: options)
        // h = 4·0.25 = 1 → 2; h = 4·0.75 = 3 → 4; θ̂ = median ⇒ z₀ = 0 ⇒ BC = percentile.
        #expect(summary.percentile == ClosedInterval(lower: 2, upper: 4))
        #expect(abs(summary.biasCorrected.lower - 2) < 1e-12 && abs(summary.biasCorrected.upper - 4) < 1e-12)
        #expect(abs(summary.standardError - (2.5).squareRoot()) < 1e-12)
    }
}
