import Estimation
import Models
import Pipelines

/// Checks every `[[estimate]]` block before anything runs: the formula parses (the message keeps
/// the parser's caret), each model it expands to reads only columns of the simulated panel it names
/// (so does `split`), each `recover` key is a coefficient of at least one of the models (or a derived
/// estimate: convergence speed and half-life, the `ratio`, ``RatioValidation``), and a
/// `"pseudo-true"` target has a noise-free outcome. The decoder has already read each target
/// (``TruthTarget``, a truth the model knows or a number) and each `data` panel (``PanelSelection``).
enum EstimateValidation {
    static func check(_ scenario: Scenario) throws(ScenarioError) {
        for (index, request) in scenario.estimations.enumerated() {
            let path = "estimate[\(index)]"
            func fail(_ keys: String..., message: String, fix: String) -> ScenarioError { fail(keys, message: message, fix: fix) }
            func fail(_ keys: [String], message: String, fix: String) -> ScenarioError {
                let keyPath = keys.reduce(path) { KeyPath.join($0, $1) }
                return ScenarioError(kind: .outOfDomain, location: scenario.location(of: keyPath), keyPath: keyPath,
                                     message: message, fix: fix)
            }
            let columns: [String]
            switch request.data {
            case .main: columns = scenario.model.panelColumns
            case .named(let name): columns = scenario.model.additionalPanels[name] ?? []
            }
            if request.method == .gmm {
                try GMMValidation.check(request, columns: columns) { keys, message, fix in fail(keys, message: message, fix: fix) }
                if let panel = request.panel, !columns.isEmpty, let column = [panel.unit, panel.time].first(where: { !columns.contains($0) }) {
                    throw fail("panel", message: "'\(column)' is not a column of the simulated \(scenario.model.key) panel",
                               fix: Suggestion.fix(for: column, among: columns, noun: "columns"))
                }
                continue
            }
            if request.method == .spatial {
                try SpatialValidation.check(request, columns: columns, model: scenario.model.key,
                                            modelWeights: scenario.model.spatialWeights.map(\.name)) { keys, message, fix in
                    fail(keys, message: message, fix: fix)
                }
                continue
            }
            if request.method == .granger {
                try GrangerValidation.check(request, at: path, columns: columns, scenario: scenario)
                continue
            }
            let models: [Formula]
            do { models = try FormulaParser.expand(request.formula) } catch {
                throw fail("formula", message: "the formula does not parse: \(error)", fix: "write fixest syntax, e.g. \"log(y) ~ x | fe1 + fe2^fe3\"")
            }
            if request.method == .iv, models.contains(where: { $0.instrumentSpecification == nil }) {
                throw fail("method", message: "method = \"iv\" needs instruments, and the formula names none",
                           fix: "write the instruments after a third part, e.g. \"y ~ x | fe | endo ~ z1 + z2\", or use method = \"ols\"")
            }
            if request.method == .fmols {
                try FMOLSValidation.check(request, models: models) { keys, message, fix in fail(keys, message: message, fix: fix) }
            }
            if request.panel == nil, let formula = models.first(where: \.usesPanelOperator) {
                throw fail("formula", message: "\(formula.source) shifts variables in time (l(), f() or d()), which needs the panel's unit and time columns",
                           fix: "add panel = [\"unit\", \"time\"] to this [[estimate]], naming the simulated panel's columns")
            }
            if request.panel == nil, let vcov = request.vcov?.vcovType, vcov.needsPanel {
                throw fail("vcov", message: "\(vcov) standard errors need the panel's unit and time columns",
                           fix: "add panel = [\"unit\", \"time\"] to this [[estimate]], naming the simulated panel's columns")
            }
            // The panel's columns are checked below, at the panel key.
            var used: [String] = []
            for formula in models {
                used += formula.variables + formula.fixedEffects.flatMap(\.variables)
                if request.standardize, let term = (formula.regressors + [formula.dependent]).first(where: { $0.description.contains(":") }) {
                    throw fail("standardize", message: "standardize = true z-scores columns, so the interaction '\(term)' cannot be standardized as a product",
                               fix: "use a product column (e.g. a_x_b) instead of a:b, as the paper's Table 3 col. 5 does")
                }
            }
            var filterColumns: [String] = []
            if let text = request.sample, let filter = try? SampleFilter(text) {
                filterColumns = filter.clauses.map(\.column)
            }
            if case .cluster(let names)? = request.vcov { used += names.flatMap { $0.split(separator: "^").map(String.init) } }
            if !columns.isEmpty {
                for variable in used where !columns.contains(variable) {
                    throw fail("formula", message: "'\(variable)' is not a column of the simulated \(scenario.model.key) panel",
                               fix: Suggestion.fix(for: variable, among: columns, noun: "columns"))
                }
                for column in filterColumns where !columns.contains(column) {
                    throw fail("sample", message: "'\(column)' is not a column of the simulated \(scenario.model.key) panel",
                               fix: Suggestion.fix(for: column, among: columns, noun: "columns"))
                }
                if let panel = request.panel {
                    for column in [panel.unit, panel.time] where !columns.contains(column) {
                        throw fail("panel", message: "'\(column)' is not a column of the simulated \(scenario.model.key) panel",
                                   fix: Suggestion.fix(for: column, among: columns, noun: "columns"))
                    }
                }
                if let weights = request.weights, !columns.contains(weights) {
                    throw fail("weights", message: "'\(weights)' is not a column of the simulated \(scenario.model.key) panel",
                               fix: Suggestion.fix(for: weights, among: columns, noun: "columns"))
                }
                if let split = request.split, !columns.contains(split) {
                    throw fail("split", message: "'\(split)' is not a column of the simulated \(scenario.model.key) panel",
                               fix: Suggestion.fix(for: split, among: columns, noun: "columns"))
                }
            }
            var coefficients: [String] = []
            for formula in models {
                for name in PreparedEstimation.coefficientNames(of: formula) where !coefficients.contains(name) {
                    coefficients.append(name)
                }
            }
            if let convergence = request.convergence {
                for name in [convergence.coefficient] + convergence.at.map(\.coefficient) where !coefficients.contains(name) {
                    throw fail("convergence", message: "'\(name)' is not a coefficient of " + request.formula,
                               fix: Suggestion.fix(for: name, among: coefficients, noun: "coefficients"))
                }
                coefficients += [ConvergenceSpecification.speedName, ConvergenceSpecification.halfLifeName]
            }
            try RatioValidation.check(request, models: models.map(PreparedEstimation.coefficientNames(of:)),
                                      reserved: request.convergence == nil ? [] : [ConvergenceSpecification.speedName, ConvergenceSpecification.halfLifeName]) {
                keys, message, fix in fail(keys, message: message, fix: fix)
            }
            if let ratio = request.ratio { coefficients.append(ratio.name) }
            for recovery in request.recover {
                if recovery.truth == .pseudoTrue, request.convergence != nil,
                   [ConvergenceSpecification.speedName, ConvergenceSpecification.halfLifeName].contains(recovery.coefficient) {
                    throw fail("recover", recovery.coefficient, message: "\"pseudo-true\" is not defined for the convergence \(recovery.coefficient)",
                               fix: "use a truth of the model (truth.NAME) or a number")
                }
                guard coefficients.contains(recovery.coefficient) else {
                    throw fail("recover", recovery.coefficient, message: "'\(recovery.coefficient)' is not a coefficient of "
                                   + (models.count > 1 ? "any of the \(models.count) models of " : "") + request.formula,
                               fix: Suggestion.fix(for: recovery.coefficient, among: coefficients, noun: "coefficients"))
                }
                if recovery.truth == .pseudoTrue {
                    let outcomes = Set(models.map(\.dependent.description))
                    let noiseless = scenario.model.noiselessOutcomes
                    if let outcome = outcomes.first(where: { noiseless[$0] == nil }) {
                        throw fail("recover", recovery.coefficient,
                                   message: "\"pseudo-true\" needs a noise-free counterpart of the outcome '\(outcome)', and \(scenario.model.key) has "
                                       + (noiseless.isEmpty ? "none" : "one only for " + noiseless.keys.sorted().joined(separator: ", ")),
                                   fix: "use a truth of the model (truth.NAME) or a number")
                    }
                    if request.standardize {
                        throw fail("recover", recovery.coefficient, message: "\"pseudo-true\" is not defined for standardize = true",
                                   fix: "recover the unstandardized coefficient, or use a truth of the model")
                    }
                }
            }
        }
    }
}
