import Estimation
import Models

/// Checks every `[[mediate]]` block before anything runs: treatment, mediators and outcome are columns of the
/// model's simulated panel and distinct, controls parse and read only panel columns, fixed effects and cluster
/// variables are panel columns, and names do not collide with `[[estimate]]` names. The decoder has already read
/// the target of `recover` (``TruthTarget``: a truth the model knows or a number).
enum MediationValidation {
    static func check(_ scenario: Scenario) throws(ScenarioError) {
        let columns = scenario.model.panelColumns
        for (index, request) in scenario.mediations.enumerated() {
            let path = "mediate[\(index)]"
            func fail(_ keys: String..., message: String, fix: String) -> ScenarioError {
                let keyPath = keys.reduce(path) { KeyPath.join($0, $1) }
                return ScenarioError(kind: .outOfDomain, location: scenario.location(of: keyPath), keyPath: keyPath,
                                     message: message, fix: fix)
            }
            func requireColumns(_ names: [String], key: String) throws(ScenarioError) {
                guard !columns.isEmpty else { return }
                for name in names where !columns.contains(name) {
                    throw fail(key, message: "'\(name)' is not a column of the simulated \(scenario.model.key) panel",
                               fix: Suggestion.fix(for: name, among: columns, noun: "columns"))
                }
            }
            if scenario.estimations.contains(where: { $0.name == request.name }) {
                throw fail("name", message: "an [[estimate]] table is also named '\(request.name)'",
                           fix: "give the mediation analysis its own name")
            }
            try requireColumns([request.treatment], key: "treatment")
            try requireColumns([request.outcome], key: "outcome")
            try requireColumns(request.mediators, key: "mediator")
            if request.treatment == request.outcome {
                throw fail("outcome", message: "the outcome '\(request.outcome)' is also the treatment",
                           fix: "name different columns for treatment and outcome")
            }
            for mediator in request.mediators where mediator == request.treatment || mediator == request.outcome {
                let role = mediator == request.treatment ? "treatment" : "outcome"
                throw fail("mediator", message: "the mediator '\(mediator)' is also the \(role)",
                           fix: "a mediator must differ from the treatment and the outcome")
            }
            for control in request.controls {
                let formula: Formula
                do { formula = try FormulaParser.parse("hetfirm_control_check ~ " + control) } catch {
                    throw fail("controls", message: "the control '\(control)' does not parse: \(error)",
                               fix: "write each control as a formula term, e.g. \"z\" or \"log(z)\"")
                }
                let used = formula.regressors.flatMap(\.variables)
                let roles = [request.treatment, request.outcome] + request.mediators
                if formula.regressors.contains(where: { roles.contains($0.description) }) {
                    throw fail("controls", message: "the control '\(control)' is already the treatment, a mediator or the outcome",
                               fix: "remove it from controls")
                }
                try requireColumns(used, key: "controls")
            }
            try requireColumns(request.fixedEffects.flatMap { $0.split(separator: "^").map(String.init) }, key: "fe")
            if let panel = request.panel { try requireColumns([panel.unit, panel.time], key: "panel") }
            if case .cluster(let names)? = request.vcov {
                try requireColumns(names.flatMap { $0.split(separator: "^").map(String.init) }, key: "vcov")
            }
            if let vcov = request.vcov?.vcovType, vcov.needsPanel {
                throw fail("vcov", message: "\(vcov) standard errors are not available for mediation (it has no panel declaration)",
                           fix: "use vcov = \"iid\", \"hetero\" or { cluster = [\"…\"] }")
            }
        }
    }
}
