import Foundation
import Testing
@testable import MonteCarlo

@Suite struct RecoveryReportTests {
    /// Three replications, two parameters; statistics computed by hand below.
    private var records: [ReplicationRecord] {
        [
            ReplicationRecord(replication: 0, estimates: [
                ParameterEstimate(parameter: "k", truth: 2, estimate: 1.5, standardError: 0.5),
                ParameterEstimate(parameter: "sigma", truth: 4, estimate: 4.2, standardError: 1),
            ]),
            ReplicationRecord(replication: 1, estimates: [
                ParameterEstimate(parameter: "sigma", truth: 4, estimate: 3.0, standardError: 0.25),
                ParameterEstimate(parameter: "k", truth: 2, estimate: 2.5, standardError: 0.25),
            ]),
            ReplicationRecord(replication: 2, estimates: [
                ParameterEstimate(parameter: "k", truth: 2, estimate: 3.0, standardError: 1.0),
                ParameterEstimate(parameter: "sigma", truth: 4, estimate: 4.8, standardError: 1),
            ]),
        ]
    }

    @Test func summaryStatisticsMatchHandComputation() throws {
        let report = RecoveryReport.summarize(records)
        #expect(report.rows.map(\.parameter) == ["k", "sigma"])
        let k = try #require(report.rows.first)
        // estimates 1.5, 2.5, 3.0: mean 7/3, bias 1/3.
        #expect(k.replications == 3)
        #expect(abs(k.meanEstimate - 7.0 / 3.0) < 1e-14)
        #expect(abs(k.bias - 1.0 / 3.0) < 1e-14)
        // deviations −5/6, 1/6, 2/3 → squares 25/36 + 1/36 + 16/36 = 42/36; SD = √(21/36).
        #expect(abs(k.standardDeviation - (21.0 / 36.0).squareRoot()) < 1e-14)
        #expect(abs(k.meanStandardError - 1.75 / 3) < 1e-14)
        // errors −0.5, 0.5, 1.0 → RMSE = √(1.5/3).
        #expect(abs(k.rootMeanSquaredError - 0.5.squareRoot()) < 1e-14)
        // |error|/SE = 1, 2, 1 with z = 1.96 → replication 1 not covered.
        #expect(abs(k.coverage - 2.0 / 3.0) < 1e-14)
        #expect(abs(k.size - 1.0 / 3.0) < 1e-14)
        // |estimate|/SE = 3, 10, 3 → H0: θ = 0 rejected every time.
        #expect(k.power == 1)
        #expect(k.level == 0.95)
        #expect(abs(k.biasMonteCarloStandardError - (21.0 / 36.0).squareRoot() / 3.0.squareRoot()) < 1e-14)

        let sigma = report.rows[1]
        // errors 0.2, −1.0, 0.8 with SE 1, 0.25, 1 → |t| = 0.2, 4, 0.8.
        #expect(abs(sigma.coverage - 2.0 / 3.0) < 1e-14)
        // |estimate|/SE = 4.2, 12, 4.8 → all reject zero.
        #expect(sigma.power == 1)
    }

    @Test func levelChangesTheCriticalValue() throws {
        // At level 0.5 (z ≈ 0.674) none of k's |t| = 1, 2, 1 is covered.
        let row = try #require(RecoveryReport.summarize(records, level: 0.5).rows.first)
        #expect(row.coverage == 0)
        #expect(row.size == 1)
    }

    @Test func degenerateInputsDoNotCrash() throws {
        #expect(RecoveryReport.summarize([]).rows.isEmpty)
        let single = [ReplicationRecord(replication: 0, estimates: [
            ParameterEstimate(parameter: "k", truth: 1, estimate: .nan, standardError: 0.1),
        ])]
        let row = try #require(RecoveryReport.summarize(single).rows.first)
        #expect(row.standardDeviation.isNaN)
        #expect(row.meanEstimate.isNaN)
        #expect(row.coverage == 0)
        let invalidLevel = try #require(RecoveryReport.summarize(records, level: 1.5).rows.first)
        #expect(invalidLevel.coverage.isNaN)
        #expect(invalidLevel.power.isNaN)
    }

    @Test func coverageBandForTwoHundredReplicationsAt95Percent() {
        // Expected from python3: scipy.stats.binom.ppf([0.005, 0.995], 200, 0.95) = [181, 197]
        // (scipy 1.17.1), i.e. coverage band [0.905, 0.985].
        let row = RecoveryRow(
            parameter: "k", truth: 1, replications: 200, meanEstimate: 1, bias: 0, standardDeviation: 1,
            meanStandardError: 1, rootMeanSquaredError: 1, coverage: 0.9, size: 0.1, power: 1, level: 0.95
        )
        #expect(row.coverageBand99 == 0.905...0.985)
        #expect(!row.coverageIsConsistentWithLevel)
    }

    /// More reference bands from scipy.stats.binom.ppf([0.005, 0.995], n, p) (scipy 1.17.1).
    @Test(arguments: [
        (1000, 0.95, 931, 967),
        (100, 0.9, 82, 97),
        (500, 0.99, 488, 500),
    ])
    func binomialBandsMatchScipy(trials: Int, probability: Double, lower: Int, upper: Int) {
        let band = BinomialAcceptanceBand.counts(trials: trials, successProbability: probability, tailProbability: 0.005)
        #expect(band == lower...upper)
    }

    @Test func recordsRoundTripThroughCodable() throws {
        let encoded = try JSONEncoder().encode(records)
        #expect(try JSONDecoder().decode([ReplicationRecord].self, from: encoded) == records)
    }

    @Test("a truth that varies by replication: each estimate is compared with its own truth")
    func varyingTruth() throws {
        let records = [(1.0, 1.2, 0.1), (2.0, 1.9, 0.1), (3.0, 3.5, 0.1)].enumerated().map { index, value in
            ReplicationRecord(replication: index, estimates: [
                ParameterEstimate(parameter: "beta", truth: value.0, estimate: value.1, standardError: value.2),
            ])
        }
        let row = try #require(RecoveryReport.summarize(records).rows.first)
        // errors 0.2, -0.1, 0.5: bias 0.2, RMSE √(0.30/3), SD of errors √(0.18/2) = 0.3.
        #expect(abs(row.truth - 2) < 1e-14)
        #expect(abs(row.bias - 0.2) < 1e-14)
        #expect(abs(row.rootMeanSquaredError - (0.30 / 3).squareRoot()) < 1e-14)
        #expect(abs(row.errorStandardDeviation - 0.3) < 1e-14)
        #expect(abs(row.biasMonteCarloStandardError - 0.3 / 3.0.squareRoot()) < 1e-14)
        // |error| ≤ 1.96 · 0.1 = 0.196 only for the second (0.2 is just outside).
        #expect(abs(row.coverage - 1.0 / 3.0) < 1e-14)
    }
}
