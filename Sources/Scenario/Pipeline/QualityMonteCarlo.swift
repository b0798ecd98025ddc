import Covariance
import Estimation
import Foundation
import Models
import MonteCarlo
import PanelData
import Reporting

/// The Monte Carlo of the quality-ladder model: every replication is simulated from the consistent
/// equilibrium, its KSW quality and frontier distances built (`QualityAssembly`), and every
/// `[[estimate]]` / `[[mediate]]` block run on it, plus the eq. (4) elasticity regression
/// (`elasticityFormula`). Replication r depends on (seed, r) only, so any thread count gives the
/// same records.
struct QualityMonteCarlo: Sendable {
    let assembly: QualityAssembly
    let regressions: [PreparedEstimation]
    let mediations: [PreparedMediation]
    /// Keep replication 0's regressions (side-by-side table) and panel.
    let keepTables: Bool
    /// Told what replication 0 is doing (simulating, estimating block …), so a run of a few large
    /// replications shows where it is; nil for none.
    var reportStage: (@Sendable (String) -> Void)? = nil

    /// Name of the built-in recovery row of the eq. (4) elasticity.
    static let elasticityParameter = "eq. (4) elasticity: ln Δλ on ln I"
    /// ln Δλ_it on ln I_it within firms and industry-years, CRV1 by firm: the true distance and
    /// input, so this checks the model's own elasticity (eq. (4) prints −1/2), not the measures.
    static let elasticityFormula = "ln_true_distance ~ ln_digital_input | firm + industry^year"

    struct Outcome {
        let records: [ReplicationRecord]
        let report: RecoveryReport
        let warnings: [String]
        let diagnostics: [QualityDiagnostics]
        /// Replication 0's estimations side by side, every model of every block.
        let table: RegressionTable?
        let firstPanel: Dataset?
        let firstTruth: QualityLadderTruth?
    }

    private struct Replicate: ResumableReplicate {
        let record: ReplicationRecord
        let failure: String?
        let diagnostics: QualityDiagnostics?
        let fits: [PreparedEstimation.Fit]?
        let panel: Dataset?
        let truth: QualityLadderTruth?
        var extra: QualityDiagnostics? { diagnostics }

        init(record: ReplicationRecord, failure: String?, diagnostics: QualityDiagnostics?, fits: [PreparedEstimation.Fit]?,
             panel: Dataset?, truth: QualityLadderTruth?) {
            self.record = record
            self.failure = failure
            self.diagnostics = diagnostics
            self.fits = fits
            self.panel = panel
            self.truth = truth
        }

        /// A replication restored from the checkpoint: its record, failure and diagnostics; replication 0,
        /// whose tables and panel are kept, is always run again instead.
        init(restoring record: ReplicationRecord, failure: String?, extra: QualityDiagnostics?) {
            self.init(record: record, failure: failure, diagnostics: extra, fits: nil, panel: nil, truth: nil)
        }
    }

    /// Runs `plan` (replication 0 always afresh when its tables are kept) and summarizes it.
    func run(plan: ReplicationPlan, runner: ReplicationRunner, level: Double,
             progress: (@Sendable (RunProgress) -> Void)?) throws -> Outcome {
        let outcomes = try plan.run(runner: runner, rerun: keepTables ? [0] : [], progress: progress) { replication in
            do { return try replicate(replication) } catch {
                return Replicate(record: ReplicationRecord(replication: replication, estimates: []), failure: "\(error)",
                                 diagnostics: nil, fits: nil, panel: nil, truth: nil)
            }
        }
        let warnings = try ReplicationFailures.warnings(outcomes.map { ($0.record, $0.failure) })
        let records = outcomes.map(\.record)
        let first = outcomes.first
        let table = PreparedEstimation.table(first?.fits)
        return Outcome(records: records, report: RecoveryReport.summarize(records, level: level), warnings: warnings,
                       diagnostics: outcomes.compactMap(\.diagnostics), table: table, firstPanel: first?.panel,
                       firstTruth: first?.truth)
    }

    private func replicate(_ replication: Int) throws -> Replicate {
        let report = replication == 0 ? reportStage : nil
        let started = Date()
        func elapsed() -> String { String(format: "%.1f s", Date().timeIntervalSince(started)) }
        report?("replication 0: simulating the panel and measuring quality")
        let panel = try assembly.replication(replication)
        report?("replication 0: \(panel.data.rowCount) records ready after \(elapsed())")
        let truth = panel.truth
        var diagnostics = panel.diagnostics
        var failures = BlockFailures()
        var estimates: [ParameterEstimate] = []
        if let row = failures.attempt("eq. (4) elasticity", { try elasticity(on: panel.data, truth: truth) }) { estimates.append(row) }
        let keep = keepTables && replication == 0
        var allFits: [PreparedEstimation.Fit] = []
        for regression in regressions {
            report?("replication 0: estimating '\(regression.request.name)' (\(elapsed()) elapsed)")
            failures.attempt(regression.request.name) {
                let fits = try regression.fits(on: panel.data, onlyRecovered: !keep)
                if keep { allFits += fits }
                estimates += try regression.estimates(from: fits) { truth.value(named: $0) }
                for fit in fits {
                    guard let iv = fit.instrumental else { continue }
                    for stage in iv.firstStages {
                        diagnostics.firstStages.append(QualityDiagnostics.FirstStage(
                            name: "\(fit.label): \(stage.endogenous)", firstStageF: stage.fStatistic.statistic,
                            waldF: iv.diagnostics.kleibergenPaapWaldF ?? .nan,
                            lagrangeMultiplier: iv.diagnostics.kleibergenPaapLM?.statistic ?? .nan))
                    }
                }
            }
        }
        for mediation in mediations {
            failures.attempt(mediation.request.name) {
                estimates += try mediation.estimates(on: panel.data, replication: replication) { truth.value(named: $0) }
            }
        }
        return Replicate(record: ReplicationRecord(replication: replication, estimates: estimates), failure: failures.message,
                         diagnostics: diagnostics, fits: keep ? allFits : nil, panel: keep ? panel.data : nil, truth: truth)
    }

    /// The eq. (4) elasticity row: the slope of `elasticityFormula` against the mean model-implied
    /// d ln Δλ/d ln I of the panel's records (`truth.distance_elasticity`).
    private func elasticity(on data: Dataset, truth: QualityLadderTruth) throws -> ParameterEstimate {
        let result = try FixedEffectsOLS.fit(try FormulaParser.parse(Self.elasticityFormula), data: data,
                                             options: EstimationOptions(vcov: .cluster(["firm"])))
        guard let position = result.coefficientNames.firstIndex(of: "ln_digital_input") else {
            throw EstimationError.degenerate(estimator: Self.elasticityParameter, reason: "ln_digital_input was dropped")
        }
        return ParameterEstimate(parameter: Self.elasticityParameter, truth: truth.distanceElasticity,
                                 estimate: result.coefficients[position], standardError: result.standardErrors[position])
    }
}
