import Estimation
import Foundation
import PanelData
import Pipelines
import Reporting

/// `hetfirm mediate DATA.csv --treatment X --mediator M --outcome Y`: the stepwise mediation test with
/// Sobel, Aroian and cluster-bootstrap inference on a user's CSV.
public enum DataMediation {
    public struct Request: Sendable {
        public var dataPath: String
        public var treatment: String
        public var mediators: [String]
        public var outcome: String
        public var controls: [String] = []
        public var fixedEffects: [String] = []
        public var vcov: String?
        public var bootstrapReplications = 999
        public var seed: UInt64 = 20_040_501
        public var joint = false
        /// `--delimiter` (`,` `;` `tab` `|`); nil detects it from the file.
        public var delimiter: String?

        public init(dataPath: String, treatment: String, mediators: [String], outcome: String) {
            self.dataPath = dataPath
            self.treatment = treatment
            self.mediators = mediators
            self.outcome = outcome
        }
    }

    /// The summary table, and the warnings of the underlying regressions.
    public static func run(_ request: Request) throws -> (text: String, warnings: [String]) {
        guard request.bootstrapReplications >= 0 else {
            throw InvalidInput(description: "error: --bootstrap must be ≥ 0 (0 turns the bootstrap off)")
        }
        let vcov = try request.vcov.map(DataEstimation.vcov)
        if let vcov, vcov.needsPanel {
            throw InvalidInput(description: "error: --vcov \(vcov) is not available for mediation; use iid, hc1 or cluster=VAR")
        }
        var options = MediationOptions(estimation: EstimationOptions(vcov: vcov))
        options.bootstrapReplications = request.bootstrapReplications
        options.seed = request.seed
        let file = try UserDataFile.read(path: request.dataPath, delimiter: request.delimiter)
        let data = file.data
        do {
            let results = try MediationBlockAnalysis.analyse(data: data, treatment: request.treatment, mediators: request.mediators,
                                      outcome: request.outcome, controls: request.controls,
                                      fixedEffects: request.fixedEffects, joint: request.joint, options: options)
            let warnings = results.flatMap { [$0.totalEffectRegression, $0.mediatorRegression, $0.outcomeRegression].flatMap(\.warnings) }
            return (MediationSummary.markdown(results), Array(Set(warnings)).sorted())
        } catch let error as FormulaError {
            // The formulas are built from the options, so the caret points into the equation hetfirm wrote.
            let prefix = "error in formula: ", text = error.description
            throw InvalidInput(description: "error in the mediation equations built from --treatment, --mediator, --outcome, "
                + "--controls and --fe: " + (text.hasPrefix(prefix) ? String(text.dropFirst(prefix.count)) : text))
        } catch let error as MediationError {
            throw InvalidInput(description: "error: \(error)")
        } catch let error as EstimationError {
            throw InvalidInput(description: file.message(for: error))
        } catch let error as TermEvaluationError {
            throw InvalidInput(description: "error: \(error)")
        } catch let error as PanelDataError {
            throw InvalidInput(description: file.message(for: error))
        }
    }
}
