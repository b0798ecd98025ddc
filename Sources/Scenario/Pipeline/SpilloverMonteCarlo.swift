import Estimation
import Foundation
import MonteCarlo
import PanelData
import Models
import Reporting

/// The Monte Carlo of the information-spillover model: every replication is simulated, its regressors
/// built, and every `[[estimate]]`, `[[mediate]]` block and the structural fit run on it. Replication r
/// depends on (seed, r) only, so any thread count gives the same records.
struct SpilloverMonteCarlo: Sendable {
    let assembly: SpilloverAssembly
    let regressions: [PreparedEstimation]
    let mediations: [PreparedMediation]
    let structural: SpilloverStructuralFit?
    /// Keep replication 0's regressions (side-by-side table) and panel.
    let keepTables: Bool
    /// Told what replication 0 is doing (simulating, estimating block …), so a run of a few large
    /// replications shows where it is; nil for none.
    var reportStage: (@Sendable (String) -> Void)? = nil

    struct Outcome {
        let records: [ReplicationRecord]
        let report: RecoveryReport
        let warnings: [String]
        /// Replication 0's estimations side by side, every model of every block.
        let table: RegressionTable?
        let firstPanel: Dataset?
        let firstSummary: SpilloverSummary?
        let firstTruth: InformationSpilloverTruth?
        /// The structural fit's bins averaged over replications (mean n, mean slope, mean SE).
        let meanBins: [SignalWeightFit.Bin]?
        let meanFittedRatio: Double?
    }

    private struct Replicate: ResumableReplicate {
        let record: ReplicationRecord
        let failure: String?
        let fit: SignalWeightFit?
        let fits: [PreparedEstimation.Fit]?
        let panel: Dataset?
        let summary: SpilloverSummary?
        let truth: InformationSpilloverTruth?
        var extra: SignalWeightFit? { fit }

        init(record: ReplicationRecord, failure: String?, fit: SignalWeightFit?, fits: [PreparedEstimation.Fit]?,
             panel: Dataset?, summary: SpilloverSummary?, truth: InformationSpilloverTruth?) {
            self.record = record
            self.failure = failure
            self.fit = fit
            self.fits = fits
            self.panel = panel
            self.summary = summary
            self.truth = truth
        }

        /// A replication restored from the checkpoint: its record, failure and fit; replication 0,
        /// whose tables and panel are kept, is always run again instead.
        init(restoring record: ReplicationRecord, failure: String?, extra: SignalWeightFit?) {
            self.init(record: record, failure: failure, fit: extra, fits: nil, panel: nil, summary: nil, truth: nil)
        }
    }

    /// Runs `plan` (replication 0 always afresh when its tables are kept) and summarizes it.
    func run(plan: ReplicationPlan, runner: ReplicationRunner, level: Double,
             progress: (@Sendable (RunProgress) -> Void)?) throws -> Outcome {
        let outcomes = try plan.run(runner: runner, rerun: keepTables ? [0] : [], progress: progress) { replication in
            do { return try replicate(replication) } catch {
                return Replicate(record: ReplicationRecord(replication: replication, estimates: []), failure: "\(error)",
                                 fit: nil, fits: nil, panel: nil, summary: nil, truth: nil)
            }
        }
        let warnings = try ReplicationFailures.warnings(outcomes.map { ($0.record, $0.failure) })
        let records = outcomes.map(\.record)
        let first = outcomes.first
        let table = PreparedEstimation.table(first?.fits)
        let structuralFits = outcomes.compactMap(\.fit)
        var meanBins: [SignalWeightFit.Bin]?, meanRatio: Double?
        if let template = structuralFits.first, structuralFits.allSatisfy({ $0.bins.count == template.bins.count }) {
            let count = Double(structuralFits.count)
            meanBins = template.bins.indices.map { b in
                func mean(_ value: (SignalWeightFit.Bin) -> Double) -> Double { structuralFits.map { value($0.bins[b]) }.reduce(0, +) / count }
                return SignalWeightFit.Bin(meanSignals: mean(\.meanSignals), slope: mean(\.slope),
                                           standardError: mean(\.standardError), fitted: mean(\.fitted))
            }
            meanRatio = structuralFits.map(\.noiseRatio).reduce(0, +) / count
        }
        return Outcome(records: records, report: RecoveryReport.summarize(records, level: level), warnings: warnings,
                       table: table, firstPanel: first?.panel, firstSummary: first?.summary, firstTruth: first?.truth,
                       meanBins: meanBins, meanFittedRatio: meanRatio)
    }

    private func replicate(_ replication: Int) throws -> Replicate {
        let report = replication == 0 ? reportStage : nil
        let started = Date()
        func elapsed() -> String { String(format: "%.1f s", Date().timeIntervalSince(started)) }
        report?("replication 0: simulating the panel and building its regressors")
        let panel = try assembly.replication(replication)
        report?("replication 0: \(panel.data.rowCount) rows ready after \(elapsed())")
        let truth = panel.truth
        var estimates: [ParameterEstimate] = []
        var failures = BlockFailures()
        var fit: SignalWeightFit?
        if structural != nil { report?("replication 0: structural fit of v_z/v_d") }
        if let structural, let result = failures.attempt("structural fit of v_z/v_d", {
            try structural.estimate(panel.data, truth: truth.noiseRatio)
        }) {
            estimates.append(result.estimate)
            fit = result.fit
        }
        let keep = keepTables && replication == 0
        var allFits: [PreparedEstimation.Fit] = []
        for regression in regressions {
            let data = regression.request.data == "products" ? panel.products ?? panel.data : panel.data
            report?("replication 0: estimating '\(regression.request.name)' on \(data.rowCount) rows (\(elapsed()) elapsed)")
            failures.attempt(regression.request.name) {
                let fits = try regression.fits(on: data, onlyRecovered: !keep)
                if keep { allFits += fits }
                estimates += try regression.estimates(from: fits) { truth.value(named: $0) }
            }
        }
        for mediation in mediations {
            failures.attempt(mediation.request.name) {
                estimates += try mediation.estimates(on: panel.data, replication: replication) { truth.value(named: $0) }
            }
        }
        return Replicate(record: ReplicationRecord(replication: replication, estimates: estimates), failure: failures.message, fit: fit,
                         fits: keep ? allFits : nil, panel: keep ? panel.data : nil, summary: panel.summary,
                         truth: truth)
    }
}
