import Foundation
import MonteCarlo
import PanelData
import Reporting

/// The Monte Carlo of any model: every replication is simulated by the model's simulator, its
/// built-in estimators run, then every estimator block of the scenario on the panel it names.
/// Replication r depends on (seed, r) only, so any thread count, shard layout or resume gives the
/// same records. Replication 0 keeps its regressions (the side-by-side table) and its draw (the
/// panel written as `panel.csv` and the model's replication-0 sections); it is always run afresh.
struct MonteCarloJob<Pipeline: ModelPipeline>: Sendable {
    let pipeline: Pipeline
    let simulator: Pipeline.Simulator
    let context: RunContext
    /// Keep replication 0's table and draw (the main run; not the sweep points).
    let keepFirst: Bool

    /// One replication as the plan keeps it; replication 0's table and draw are not checkpointed.
    struct Replicate: ResumableReplicate {
        let record: ReplicationRecord
        let failure: ReplicationFailure?
        let extra: ReplicationExtras<Pipeline.Extra>?
        var tableFits: [RegressionFit]? = nil
        var draw: Pipeline.Simulator.Draw? = nil

        init(record: ReplicationRecord, failure: ReplicationFailure?, extra: ReplicationExtras<Pipeline.Extra>?,
             tableFits: [RegressionFit]? = nil, draw: Pipeline.Simulator.Draw? = nil) {
            self.record = record
            self.failure = failure
            self.extra = extra
            self.tableFits = tableFits
            self.draw = draw
        }

        init(restoring record: ReplicationRecord, failure: ReplicationFailure?, extra: ReplicationExtras<Pipeline.Extra>?) {
            self.init(record: record, failure: failure, extra: extra)
        }
    }

    /// Runs `plan` and summarizes it.
    func run(plan: ReplicationPlan) throws -> MonteCarloOutcome<Pipeline> {
        let outcomes = try plan.run(runner: context.runner, rerun: keepFirst ? [0] : [], progress: context.progress) { replication in
            do { return try replicate(replication) } catch {
                return Replicate(record: ReplicationRecord(replication: replication, estimates: []),
                                 failure: ReplicationFailure(simulation: error), extra: nil)
            }
        }
        let warnings = try ReplicationFailures.warnings(outcomes.map { ($0.record, $0.failure) }, hint: pipeline.failureHint)
        let records = outcomes.map(\.record)
        let first = outcomes.first { $0.record.replication == 0 }
        return MonteCarloOutcome(records: records, report: RecoveryReport.summarize(records, level: context.level),
                                 warnings: warnings, extras: outcomes.compactMap { $0.extra?.model },
                                 statistics: outcomes.compactMap { outcome in
                                     outcome.extra.flatMap { $0.statistics.isEmpty ? nil : (outcome.record.replication, $0.statistics) }
                                 },
                                 table: RegressionFit.table(first?.tableFits), firstDraw: first?.draw)
    }

    private func replicate(_ replication: Int) throws -> Replicate {
        let keep = keepFirst && replication == 0
        let report: ((String) -> Void)? = keep ? { context.report($0) } : nil
        let started = Date()
        func elapsed() -> String { String(format: "%.1f s", Date().timeIntervalSince(started)) }
        report?("replication 0: simulating the panel")
        let draw = try simulator.draw(replication: replication)
        report?("replication 0: \(draw.mainPanel.rowCount) rows ready after \(elapsed())")
        var failures = BlockFailures()
        let builtIn = pipeline.builtInEstimates(on: draw, simulator: simulator, context: context, failures: &failures)
        var estimates = builtIn.estimates
        var statistics: [BlockStatistic] = []
        var tableFits: [RegressionFit] = []
        for block in context.blocks {
            let data = draw.panel(block.panel) ?? draw.mainPanel
            report?("replication 0: \(block.activity) on \(data.rowCount) rows (\(elapsed()) elapsed)")
            failures.attempt(block.name) {
                let outcome = try block.run(on: data, replication: replication, truth: { draw.truth.value(named: $0) }, keepFits: keep)
                estimates += outcome.estimates
                statistics += outcome.statistics
                tableFits += outcome.tableFits
            }
        }
        return Replicate(record: ReplicationRecord(replication: replication, estimates: estimates), failure: failures.failure,
                         extra: .kept(model: pipeline.completedExtra(builtIn.extra, draw: draw, statistics: statistics),
                                      statistics: statistics),
                         tableFits: keep ? tableFits : nil, draw: keep ? draw : nil)
    }
}

/// A model's Monte Carlo, summarized.
public struct MonteCarloOutcome<Pipeline: ModelPipeline>: Sendable {
    /// Records sorted by replication.
    public let records: [ReplicationRecord]
    public let report: RecoveryReport
    public let warnings: [String]
    /// The model's extra of every replication that kept one, by replication.
    public let extras: [Pipeline.Extra]
    /// The blocks' named statistics of every replication that has any, by replication.
    public let statistics: [(replication: Int, statistics: [BlockStatistic])]
    /// Replication 0's estimations side by side, every model of every block.
    public let table: RegressionTable?
    /// Replication 0's draw (its panels and truth); `nil` when replication 0 is not in this run.
    public let firstDraw: Pipeline.Simulator.Draw?
}

/// What the job keeps from every replication beyond its record, checkpointed as JSON: the model's
/// extra and the estimator blocks' named statistics.
struct ReplicationExtras<ModelExtra: Codable & Sendable>: Codable, Sendable {
    var model: ModelExtra?
    var statistics: [BlockStatistic]
}

extension ReplicationExtras {
    /// `nil` when there is nothing to keep (the checkpoint's extra field stays empty).
    static func kept(model: ModelExtra?, statistics: [BlockStatistic]) -> Self? {
        model == nil && statistics.isEmpty ? nil : Self(model: model, statistics: statistics)
    }
}
