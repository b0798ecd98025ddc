import Estimation
import Pipelines

/// The checks of an `[[estimate]]` block's `ratio` (``CoefficientRatio``, paper 000's α3/α1 of eq. 26)
/// against the coefficients its fits report, as `recover`'s keys are checked: the numerator and the
/// denominator are coefficients of one model (with a suggestion when not), the ratio's name is not
/// already a coefficient's (or another derived estimate's), and `recover` names the ratio with a truth
/// of the model or a number (its estimate is reported as a recovery row).
enum RatioValidation {
    /// - Parameters:
    ///   - models: the coefficient names of each model the block fits (one list per model).
    ///   - reserved: other names `recover` may use for derived estimates (speed, half-life, impacts).
    ///   - fail: the located error at the block's key (a key path below the block, e.g. `["ratio", "numerator"]`).
    static func check(_ request: EstimationRequest, models: [[String]], reserved: [String] = [],
                      fail: (_ key: [String], _ message: String, _ fix: String) -> ScenarioError) throws(ScenarioError) {
        guard let ratio = request.ratio else { return }
        var coefficients: [String] = []
        for names in models { for name in names where !coefficients.contains(name) { coefficients.append(name) } }
        for (key, coefficient) in [("numerator", ratio.numerator), ("denominator", ratio.denominator)]
        where !coefficients.contains(coefficient) {
            throw fail(["ratio", key], "'\(coefficient)' is not a coefficient of " + (models.count > 1 ? "any of the \(models.count) models of " : "")
                           + request.formula,
                       Suggestion.fix(for: coefficient, among: coefficients, noun: "coefficients"))
        }
        if !models.contains(where: { $0.contains(ratio.numerator) && $0.contains(ratio.denominator) }) {
            throw fail(["ratio"], "no model of \(request.formula) has both '\(ratio.numerator)' and '\(ratio.denominator)'",
                       "name two coefficients of the same model")
        }
        if coefficients.contains(ratio.name) || reserved.contains(ratio.name) {
            throw fail(["ratio", "name"], "the ratio's name '\(ratio.name)' is already the name of a coefficient or estimate of the block",
                       "give the ratio its own name, e.g. name = \"acceleration\"")
        }
        guard let recovery = request.ratioRecovery else {
            throw fail(["ratio"], "the ratio '\(ratio.name)' is reported as a recovery row, and recover does not name it",
                       "add \(KeyPath.quoted(ratio.name)) = \"truth.NAME\" (or a number) to this block's recover")
        }
        if recovery.truth == .pseudoTrue {
            throw fail(["recover", ratio.name], "\"pseudo-true\" is not defined for the ratio '\(ratio.name)'",
                       "use a truth of the model (truth.NAME) or a number")
        }
    }
}
