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
        /// `--estimator`: `ols` (least squares with fixed effects, the default) or `fmols` (each step by
        /// panel FMOLS, paper 000's Table 2; needs `panel`).
        public var estimator = "ols"
        /// `--panel ID,TIME` for `fmols`.
        public var panel: String?
        /// `--fmols`, `--kernel`, `--bandwidth` of the FMOLS steps (as `hetfirm fmols`).
        public var fmolsMethod = "group-mean"
        public var kernel = "bartlett"
        public var bandwidth = "auto"

        public init(dataPath: String, treatment: String, mediators: [String], outcome: String) {
            self.dataPath = dataPath
            self.treatment = treatment
            self.mediators = mediators
            self.outcome = outcome
        }
    }

    /// The summary table, and the warnings of the underlying regressions.
    public static func run(_ request: Request) throws -> (text: String, warnings: [String]) {
        switch request.estimator {
        case "ols": break
        case "fmols": return try runFMOLS(request)
        default: throw InvalidInput(description: "error: --estimator must be ols or fmols, not '\(request.estimator)'")
        }
        guard request.panel == nil else {
            throw InvalidInput(description: "error: --panel applies to --estimator fmols (the OLS steps take --fe and --vcov)")
        }
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

    /// Each step by panel FMOLS (``FMOLSMediation``), one mediator at a time; no fixed effects, clusters,
    /// joint model or bootstrap (FMOLS has unit intercepts and its own long-run standard errors).
    static func runFMOLS(_ request: Request) throws -> (text: String, warnings: [String]) {
        guard let panelText = request.panel else {
            throw InvalidInput(description: "error: --estimator fmols needs --panel ID,TIME (the units and times of the cointegrating regressions)")
        }
        for (given, option) in [(!request.fixedEffects.isEmpty, "--fe"), (request.vcov != nil, "--vcov"), (request.joint, "--joint")] where given {
            throw InvalidInput(description: "error: \(option) does not apply to --estimator fmols: each unit has its own intercept "
                + "and FMOLS its own long-run standard errors")
        }
        let declaration = try PanelDeclaration.parsingOption(panelText)
        let fmols = try DataFMOLS.options(method: request.fmolsMethod, kernel: request.kernel, bandwidth: request.bandwidth)
        var options = MediationOptions()
        options.bootstrapReplications = request.bootstrapReplications
        let file = try UserDataFile.read(path: request.dataPath, delimiter: request.delimiter)
        do {
            let results = try request.mediators.map { mediator in
                try FMOLSMediation.run(treatment: request.treatment, mediator: mediator, outcome: request.outcome,
                                       controls: request.controls, data: file.data, panel: declaration, fmols: fmols, options: options)
            }
            return (FMOLSMediationSummary.markdown(results), [])
        } catch let error as FMOLSError {
            guard let row = error.row else { throw InvalidInput(description: "error: \(error)") }
            var column: String?
            if case .gap = error { column = declaration.time }
            throw InvalidInput(description: "\(file.location(ofDataRow: row, column: column)): error: \(error)")
        } catch let error as FormulaError {
            throw InvalidInput(description: "error in the mediation equations built from --treatment, --mediator, --outcome and --controls: \(error)")
        } catch let error as MediationError {
            throw InvalidInput(description: "error: \(error)")
        } catch let error as TermEvaluationError {
            throw InvalidInput(description: "error: \(error)")
        } catch let error as PanelDataError {
            throw InvalidInput(description: file.message(for: error))
        } catch let error as EstimationError {
            throw InvalidInput(description: file.message(for: error))
        }
    }
}
