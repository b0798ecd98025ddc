import Covariance
import Estimation
import MonteCarlo
import PanelData
import Reporting

/// A scenario `[[estimate]]` block, parsed and expanded once and run on every simulated panel with the same
/// estimator as `hetfirm estimate`: every model of the formula's expansion (fixest order) on every sample of
/// `split` (sample outer, model inner, as `hetfirm estimate --split`).
package struct PreparedEstimation: Sendable {
    package let request: EstimationRequest
    /// The models of the formula: one unless it uses `sw()`, `csw()`, `c()`, ….
    let formulas: [Formula]
    let options: EstimationOptions
    let split: SampleSplit?
    /// Outcome → its noise-free column in the simulated panel, for ``TruthTarget/pseudoTrue`` targets.
    let noiselessOutcomes: [String: String]

    package init(_ request: EstimationRequest, noiselessOutcomes: [String: String] = [:]) throws {
        self.request = request
        self.noiselessOutcomes = noiselessOutcomes
        formulas = try FormulaParser.expand(request.formula)
        var options = EstimationOptions(vcov: request.vcov?.vcovType)
        options.panel = request.panel
        options.weights = request.weights
        self.options = options
        split = request.split.map { SampleSplit(column: $0) }
    }

    /// The coefficient names OLS or 2SLS gives `formula` when nothing is dropped: the intercept (if any), the
    /// regressors in formula order, then the endogenous regressors.
    package static func coefficientNames(of formula: Formula) -> [String] {
        (formula.hasIntercept ? ["(Intercept)"] : []) + formula.regressors.map(\.description)
            + (formula.instrumentSpecification?.endogenous.map(\.description) ?? [])
    }

    /// The name of one (sample, model) estimation: `NAME`, `NAME[i]`, `NAME[COLUMN = VALUE]` or
    /// `NAME[i, COLUMN = VALUE]` (i counts the models from 1).
    func label(model index: Int, sample: String?) -> String {
        let parts = (formulas.count > 1 ? ["\(index + 1)"] : []) + (sample.map { [$0] } ?? [])
        return parts.isEmpty ? request.name : request.name + "[" + parts.joined(separator: ", ") + "]"
    }

    /// One estimate per `recover` entry and model that has the coefficient, named "LABEL: coefficient" (see
    /// ``label(model:sample:)``), beside its truth (a number, or `truth.X` looked up by `truth`).
    func estimates(on data: Dataset, truth: (String) -> Double?) throws -> [ParameterEstimate] {
        try estimates(from: fits(on: data, onlyRecovered: true), truth: truth)
    }

    /// The recovery estimates of fits made by ``fits(on:onlyRecovered:)``.
    func estimates(from fits: [RegressionFit], truth: (String) -> Double?) throws -> [ParameterEstimate] {
        var estimates: [ParameterEstimate] = []
        for fit in fits {
            for recovery in request.recover where Self.coefficientNames(of: fit.formula).contains(recovery.coefficient) {
                let result = fit.result
                guard let position = result.coefficientNames.firstIndex(of: recovery.coefficient) else {
                    let reason = result.droppedRegressors.first { $0.name == recovery.coefficient }?.reason ?? "not estimated"
                    throw EstimationError.degenerate(estimator: fit.label, reason: "\(recovery.coefficient): \(reason)")
                }
                let value: Double
                switch recovery.truth {
                case .pseudoTrue:
                    guard let pseudo = fit.pseudoTrue, let index = pseudo.coefficientNames.firstIndex(of: recovery.coefficient) else {
                        throw EstimationError.degenerate(estimator: fit.label, reason: "\(recovery.coefficient): no pseudo-true value")
                    }
                    value = pseudo.coefficients[index]
                case .value, .modelTruth:
                    value = recovery.truth.value(truth: truth) ?? .nan
                }
                estimates.append(ParameterEstimate(
                    parameter: "\(fit.label): \(recovery.coefficient)", truth: value,
                    estimate: result.coefficients[position], standardError: result.standardErrors[position]))
            }
        }
        if let convergence = request.convergence {
            estimates += try convergenceEstimates(convergence, fits: fits, truth: truth)
        }
        if let ratio = request.ratio {
            estimates += try ratioEstimates(ratio, fits: fits, truth: truth)
        }
        return estimates
    }

    /// "LABEL: NAME" of the block's `ratio` (β_num/β_den, delta-method SE from the fit's covariance under the
    /// block's `vcov`) from every fit whose model has both coefficients, when `recover` names it.
    func ratioEstimates(_ ratio: CoefficientRatio, fits: [RegressionFit], truth: (String) -> Double?) throws -> [ParameterEstimate] {
        guard request.ratioRecovery != nil else { return [] }
        var estimates: [ParameterEstimate] = []
        for fit in fits where Self.hasRatio(ratio, fit.formula) {
            let result = fit.result
            for coefficient in [ratio.numerator, ratio.denominator] where !result.coefficientNames.contains(coefficient) {
                let reason = result.droppedRegressors.first { $0.name == coefficient }?.reason ?? "not estimated"
                throw EstimationError.degenerate(estimator: fit.label, reason: "ratio '\(ratio.name)': \(coefficient): \(reason)")
            }
            if let estimate = try request.ratioEstimate(label: fit.label, names: result.coefficientNames, coefficients: result.coefficients,
                                                        covariance: result.covariance.matrix, truth: truth) {
                estimates.append(estimate)
            }
        }
        return estimates
    }

    /// Whether `formula`'s model has both coefficients of `ratio`.
    static func hasRatio(_ ratio: CoefficientRatio, _ formula: Formula) -> Bool {
        let names = coefficientNames(of: formula)
        return names.contains(ratio.numerator) && names.contains(ratio.denominator)
    }

    /// Whether the block reports an estimate from `formula`'s model: `recover` names one of its coefficients,
    /// or a speed or half-life of its `convergence` coefficient, or a `ratio` of two of its coefficients.
    func recovers(from formula: Formula) -> Bool {
        let names = Self.coefficientNames(of: formula)
        if request.recover.contains(where: { names.contains($0.coefficient) }) { return true }
        if let convergence = request.convergence, names.contains(convergence.coefficient),
           request.recover.contains(where: { [ConvergenceSpecification.speedName, ConvergenceSpecification.halfLifeName].contains($0.coefficient) }) {
            return true
        }
        if let ratio = request.ratio, request.ratioRecovery != nil, Self.hasRatio(ratio, formula) { return true }
        return false
    }

    /// "LABEL: speed" and "LABEL: half-life" for the `recover` entries that name them, from every fit that has the
    /// convergence coefficient.
    func convergenceEstimates(_ convergence: ConvergenceSpecification, fits: [RegressionFit],
                              truth: (String) -> Double?) throws -> [ParameterEstimate] {
        let derived = [ConvergenceSpecification.speedName, ConvergenceSpecification.halfLifeName]
        let wanted = request.recover.filter { derived.contains($0.coefficient) }
        guard !wanted.isEmpty else { return [] }
        var estimates: [ParameterEstimate] = []
        for fit in fits where Self.coefficientNames(of: fit.formula).contains(convergence.coefficient) {
            let speed = try convergence.evaluate(on: fit.result)
            guard let lambda = speed.speed, let lambdaError = speed.speedStandardError,
                  let halfLife = speed.halfLife, let halfLifeError = speed.halfLifeStandardError else {
                throw EstimationError.degenerate(estimator: fit.label, reason: "β = \(speed.beta) is outside (−1, 0): no convergence speed")
            }
            for recovery in wanted {
                let isSpeed = recovery.coefficient == ConvergenceSpecification.speedName
                estimates.append(ParameterEstimate(
                    parameter: "\(fit.label): \(recovery.coefficient)", truth: recovery.truth.value(truth: truth) ?? .nan,
                    estimate: isSpeed ? lambda : halfLife, standardError: isSpeed ? lambdaError : halfLifeError))
            }
        }
        return estimates
    }

    /// Every (sample, model) estimation of the block on `data` (after its `sample` filter and, with
    /// `standardize`, on z-scored variables). With `onlyRecovered`, models without a `recover` coefficient are skipped.
    func fits(on data: Dataset, onlyRecovered: Bool = false) throws -> [RegressionFit] {
        // Lags refer to the whole simulated panel, before the sample filter and the split.
        let filtered = try filteredData(try PanelOperatorColumns.adding(to: data, for: formulas, panel: request.panel))
        let samples = try split?.samples(of: filtered) ?? [SampleSplit.Sample(label: "", rows: nil)]
        var fits: [RegressionFit] = []
        for sample in samples {
            let subset = SampleSplit.data(sample, of: filtered)
            for (index, formula) in formulas.enumerated() {
                let wanted = Self.coefficientNames(of: formula)
                if onlyRecovered, !recovers(from: formula) { continue }
                let label = label(model: index, sample: split == nil ? nil : sample.label)
                let input = request.standardize ? try Self.standardized(subset, formula: formula) : subset
                var fit = try Self.fit(formula, on: input, options: options, label: label)
                if request.recover.contains(where: { $0.truth == .pseudoTrue && wanted.contains($0.coefficient) }) {
                    fit.pseudoTrue = try pseudoTrueFit(formula, on: subset, label: label)
                }
                fits.append(fit)
            }
        }
        return fits
    }

    static func fit(_ formula: Formula, on data: Dataset, options: EstimationOptions, label: String) throws -> RegressionFit {
        if formula.instrumentSpecification != nil {
            let iv = try InstrumentalVariablesEstimator.fit(formula, data: data, options: options)
            return RegressionFit(label: label, formula: formula, result: iv.secondStage, instrumental: iv)
        }
        return RegressionFit(label: label, formula: formula, result: try FixedEffectsOLS.fit(formula, data: data, options: options), instrumental: nil)
    }

    /// The estimation with the outcome column replaced by its noise-free counterpart (same rows: the noise-free
    /// column is present wherever the outcome is).
    func pseudoTrueFit(_ formula: Formula, on data: Dataset, label: String) throws -> RegressionResult {
        let outcome = formula.dependent.description
        guard let noiseless = noiselessOutcomes[outcome] else {
            throw EstimationError.degenerate(estimator: label, reason: "'\(outcome)' has no noise-free counterpart for a pseudo-true value")
        }
        var columns = data.columns.filter { $0.name != outcome }
        guard let source = data.columns.first(where: { $0.name == noiseless }) else {
            throw EstimationError.degenerate(estimator: label, reason: "the panel has no column '\(noiseless)'")
        }
        columns.append(Column(name: outcome, storage: source.storage, missing: source.missing))
        var input = try Dataset(columns: columns)
        if request.standardize { input = try Self.standardized(input, formula: formula) }
        return try Self.fit(formula, on: input, options: options, label: label).result
    }

    /// The rows of `data` that pass the block's `sample` filter; an empty result is an error.
    func filteredData(_ data: Dataset) throws -> Dataset {
        guard let text = request.sample else { return data }
        let rows = try SampleFilter(text).rows(of: data)
        guard !rows.isEmpty else { throw EmptySample(estimation: request.name, filter: text, rows: data.rowCount) }
        return data.selectingRows(rows)
    }

    /// `data` with every numeric variable of `formula` (not fixed effects) replaced by its z-score over the rows
    /// where all of them are present.
    static func standardized(_ data: Dataset, formula: Formula) throws -> Dataset {
        let fixedEffectColumns = Set(formula.fixedEffects.flatMap(\.variables))
        let names = formula.variables.filter { !fixedEffectColumns.contains($0) }
        var columns = data.columns
        var complete = Array(repeating: true, count: data.rowCount)
        for name in names {
            let column = try data.column(named: name)
            for row in 0..<complete.count where column.isMissing(row) { complete[row] = false }
        }
        for name in names {
            guard let position = columns.firstIndex(where: { $0.name == name }) else { continue }
            let column = columns[position]
            let values: [Double]
            switch column.storage {
            case .double(let doubles): values = doubles
            case .int(let ints): values = ints.map(Double.init)
            case .factor: continue
            }
            var count = 0.0, sum = 0.0
            for row in values.indices where complete[row] { count += 1; sum += values[row] }
            let mean = sum / max(count, 1)
            var squares = 0.0
            for row in values.indices where complete[row] { squares += (values[row] - mean) * (values[row] - mean) }
            let sd = (squares / max(count - 1, 1)).squareRoot()
            guard sd > 0, sd.isFinite else {
                throw EstimationError.degenerate(estimator: "standardize", reason: "'\(name)' is constant on the estimation rows")
            }
            columns[position] = .double(name, values.map { ($0 - mean) / sd }, missing: column.missing)
        }
        return try Dataset(columns: columns)
    }
}

/// One fitted (sample, model) estimation of a regression block.
public struct RegressionFit: Sendable {
    public let label: String
    public let formula: Formula
    public let result: RegressionResult
    /// First stages and diagnostics when the formula has instruments.
    public let instrumental: IVResult?
    /// The same estimation on the noise-free outcome, when a recovery asks for `"pseudo-true"`.
    public var pseudoTrue: RegressionResult? = nil

    /// Fits side by side, titled by their labels, with first-stage and diagnostic rows when any is IV;
    /// `nil` for no fits.
    public static func table(_ fits: [RegressionFit]?) -> RegressionTable? {
        guard let fits, !fits.isEmpty else { return nil }
        return RegressionTable(fits.map(\.result), titles: fits.map(\.label),
                               instrumental: fits.contains { $0.instrumental != nil } ? fits.map(\.instrumental) : nil)
    }
}

extension PreparedEstimation: EstimatorBlock {
    package var name: String { request.name }
    package var panel: PanelSelection { request.data }
    package var activity: String { "estimating '\(request.name)'" }

    /// Every recovered coefficient of every (sample, model) estimation, and the instrument strength of
    /// every IV estimation (first-stage F per endogenous regressor, Kleibergen–Paap Wald F and LM).
    package func run(on data: Dataset, replication: Int, truth: (String) -> Double?, keepFits: Bool) throws -> BlockOutcome {
        let fits = try fits(on: data, onlyRecovered: !keepFits)
        var statistics: [BlockStatistic] = []
        for fit in fits {
            guard let iv = fit.instrumental else { continue }
            for stage in iv.firstStages {
                let subject = "\(fit.label): \(stage.endogenous)"
                statistics += [
                    BlockStatistic(subject: subject, statistic: BlockStatistic.firstStageF, value: stage.fStatistic.statistic),
                    BlockStatistic(subject: subject, statistic: BlockStatistic.kleibergenPaapWaldF,
                                   value: iv.diagnostics.kleibergenPaapWaldF ?? .nan),
                    BlockStatistic(subject: subject, statistic: BlockStatistic.kleibergenPaapLM,
                                   value: iv.diagnostics.kleibergenPaapLM?.statistic ?? .nan),
                ]
            }
        }
        return BlockOutcome(estimates: try estimates(from: fits, truth: truth), statistics: statistics,
                            tableFits: keepFits ? fits : [])
    }
}

/// A `sample` filter that keeps no row of a simulated panel. When it happens in every replication the
/// run stops with a scenario error at the block's `sample` key (bad input, exit code 2).
package struct EmptySample: Error, Sendable, CustomStringConvertible {
    package let estimation: String
    package let filter: String
    package let rows: Int

    /// The text of ``BlockFailure/Kind/emptySample(estimation:filter:rows:)``, which a replication records.
    package var description: String {
        BlockFailure.Kind.emptySample(estimation: estimation, filter: filter, rows: rows).description
    }

    init(estimation: String, filter: String, rows: Int) {
        self.estimation = estimation
        self.filter = filter
        self.rows = rows
    }
}
