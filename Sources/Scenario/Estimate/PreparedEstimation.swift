import Covariance
import Estimation
import MonteCarlo
import PanelData

/// A scenario `[[estimate]]` block, parsed and expanded once and run on every simulated panel with the same
/// estimator as `hetfirm estimate`: every model of the formula's expansion (fixest order) on every sample of
/// `split` (sample outer, model inner, as `hetfirm estimate --split`).
struct PreparedEstimation: Sendable {
    let request: EstimationRequest
    /// The models of the formula: one unless it uses `sw()`, `csw()`, `c()`, ….
    let formulas: [Formula]
    let options: EstimationOptions
    let split: SampleSplit?

    init(_ request: EstimationRequest) throws {
        self.request = request
        formulas = try FormulaParser.expand(request.formula)
        options = EstimationOptions(vcov: request.vcov?.vcovType)
        split = request.split.map { SampleSplit(column: $0) }
    }

    /// The coefficient names OLS gives `formula` when nothing is dropped: the intercept (if any), then the
    /// regressors in formula order.
    static func coefficientNames(of formula: Formula) -> [String] {
        (formula.hasIntercept ? ["(Intercept)"] : []) + formula.regressors.map(\.description)
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
        let samples = try split?.samples(of: data) ?? [SampleSplit.Sample(label: "", rows: nil)]
        var estimates: [ParameterEstimate] = []
        for sample in samples {
            let subset = SampleSplit.data(sample, of: data)
            for (index, formula) in formulas.enumerated() {
                let wanted = Self.coefficientNames(of: formula)
                let recoveries = request.recover.filter { wanted.contains($0.coefficient) }
                guard !recoveries.isEmpty else { continue }
                let label = label(model: index, sample: split == nil ? nil : sample.label)
                let result = try FixedEffectsOLS.fit(formula, data: subset, options: options)
                for recovery in recoveries {
                    guard let position = result.coefficientNames.firstIndex(of: recovery.coefficient) else {
                        let reason = result.droppedRegressors.first { $0.name == recovery.coefficient }?.reason ?? "not estimated"
                        throw EstimationError.degenerate(estimator: label, reason: "\(recovery.coefficient): \(reason)")
                    }
                    let value = Double(recovery.truth) ?? truth(String(recovery.truth.dropFirst("truth.".count))) ?? .nan
                    estimates.append(ParameterEstimate(
                        parameter: "\(label): \(recovery.coefficient)", truth: value,
                        estimate: result.coefficients[position], standardError: result.standardErrors[position]))
                }
            }
        }
        return estimates
    }

    /// A file-name-safe stem: letters, digits, '.', '_' and '-' kept, runs of anything else become '-'.
    static func fileStem(_ text: String) -> String {
        var stem = ""
        for character in text {
            if character.isASCII, character.isLetter || character.isNumber || "._-".contains(character) {
                stem.append(character)
            } else if !stem.hasSuffix("-") {
                stem.append("-")
            }
        }
        while stem.hasSuffix("-") { stem.removeLast() }
        while stem.hasPrefix("-") || stem.hasPrefix(".") { stem.removeFirst() }
        return stem.isEmpty ? "estimate" : stem
    }
}
