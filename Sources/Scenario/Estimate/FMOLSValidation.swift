import Estimation
import Pipelines

/// The checks of `[[estimate]] method = "fmols"` beyond every block's (``EstimateValidation``): one
/// model without fixed-effect or IV part, `panel` given, no key FMOLS does not use, and each
/// `recover` coefficient a regressor recovered against a truth or a number (or the `ratio` of two regressors).
enum FMOLSValidation {
    /// - Parameter fail: the located error at the block's key (a key path below the block, e.g. `"panel"`).
    static func check(_ request: EstimationRequest, models: [Formula],
                      fail: (_ key: [String], _ message: String, _ fix: String) -> ScenarioError) throws(ScenarioError) {
        guard models.count == 1, let formula = models.first else {
            throw fail(["formula"], "method = \"fmols\" estimates one model, and \(request.formula) expands to \(models.count)",
                       "write a single formula, e.g. \"y ~ x1 + x2\"")
        }
        do { try FMOLSFormula.check(formula) } catch {
            throw fail(["formula"], "\(error)", "write \"y ~ x1 + x2\": each unit has its own intercept")
        }
        guard request.panel != nil else {
            throw fail(["method"], "method = \"fmols\" needs the panel's unit and time columns",
                       "add panel = [\"unit\", \"time\"] to this [[estimate]], naming the simulated panel's columns")
        }
        let unused: [(key: String, present: Bool)] = [("vcov", request.vcov != nil), ("split", request.split != nil),
                                                       ("standardize", request.standardize), ("weights", request.weights != nil),
                                                       ("convergence", request.convergence != nil)]
        if let key = unused.first(where: \.present)?.key {
            throw fail([key], "\(key) does not apply to method = \"fmols\"",
                       "remove \(key): FMOLS's standard errors come from the long-run covariances (kernel, bandwidth)")
        }
        let regressors = formula.regressors.map(\.description)
        try RatioValidation.check(request, models: [regressors], fail: fail)
        for recovery in request.recover where recovery.coefficient != request.ratio?.name {
            guard regressors.contains(recovery.coefficient) else {
                throw fail(["recover", recovery.coefficient], "'\(recovery.coefficient)' is not a regressor of \(request.formula)",
                           Suggestion.fix(for: recovery.coefficient, among: regressors, noun: "regressors")
                               + " (FMOLS reports the slopes; the unit intercepts are not pooled)")
            }
            if recovery.truth == .pseudoTrue {
                throw fail(["recover", recovery.coefficient], "\"pseudo-true\" is not defined for method = \"fmols\"",
                           "use a truth of the model (truth.NAME) or a number")
            }
        }
    }
}
