import Estimation
import Pipelines

/// The checks of `[[estimate]] method = "gmm"` beyond every block's (``EstimateValidation``): the dynamic panel
/// formula parses (with its caret), `panel` is given, every column is one of the panel's, no key GMM does not use,
/// and each `recover` coefficient is a regressor.
enum GMMValidation {
    static func check(_ request: EstimationRequest, columns: [String],
                      fail: (_ key: [String], _ message: String, _ fix: String) -> ScenarioError) throws(ScenarioError) {
        let formula: DynamicPanelFormula
        do { formula = try DynamicPanelFormula.parse(request.formula) } catch {
            throw fail(["formula"], "the formula does not parse: \(error)",
                       "write y ~ regressors | GMM instruments [| standard instruments], e.g. \"y ~ l(y, 1) + x | l(y, 2:99)\"")
        }
        guard request.panel != nil else {
            throw fail(["method"], "method = \"gmm\" needs the panel's unit and time columns",
                       "add panel = [\"unit\", \"time\"] to this [[estimate]], naming the simulated panel's columns")
        }
        let unused: [(key: String, present: Bool)] = [("vcov", request.vcov != nil), ("split", request.split != nil),
                                                       ("standardize", request.standardize), ("weights", request.weights != nil)]
        if let key = unused.first(where: \.present)?.key {
            throw fail([key], "\(key) does not apply to method = \"gmm\"",
                       "remove \(key): GMM's standard errors are the robust one-step or Windmeijer two-step ones")
        }
        let used = ([formula.dependent] + formula.regressors + formula.families.map(\.variable) + formula.standardInstruments)
            .flatMap(\.variables)
        if !columns.isEmpty, let missing = used.first(where: { !columns.contains($0) }) {
            throw fail(["formula"], "'\(missing)' is not a column of the simulated panel",
                       Suggestion.fix(for: missing, among: columns, noun: "columns"))
        }
        var regressors = formula.regressors.map(\.description)
        if let convergence = request.convergence {
            for name in [convergence.coefficient] + convergence.at.map(\.coefficient) where !regressors.contains(name) {
                throw fail(["convergence"], "'\(name)' is not a regressor of \(request.formula)",
                           Suggestion.fix(for: name, among: regressors, noun: "regressors"))
            }
            regressors += [ConvergenceSpecification.speedName, ConvergenceSpecification.halfLifeName]
        }
        for recovery in request.recover {
            guard regressors.contains(recovery.coefficient) else {
                throw fail(["recover", recovery.coefficient], "'\(recovery.coefficient)' is not a regressor of \(request.formula)",
                           Suggestion.fix(for: recovery.coefficient, among: regressors, noun: "regressors"))
            }
            if recovery.truth == .pseudoTrue {
                throw fail(["recover", recovery.coefficient], "\"pseudo-true\" is not defined for method = \"gmm\"",
                           "use a truth of the model (truth.NAME) or a number")
            }
        }
    }
}
