import Estimation
import Models
import Pipelines

/// Checks an `[[estimate]]` block with `method = "granger"` before anything runs: `formula = "y ~ x"` with
/// two columns of the simulated panel, `panel = ["unit", "time"]` naming two more, and none of the keys
/// that belong to regressions (`vcov`, `recover`, `split`, `sample`, `standardize`, `weights`, `convergence`). The lag
/// keys were checked when the scenario was decoded.
enum GrangerValidation {
    static func check(_ request: EstimationRequest, at path: String, columns: [String], scenario: Scenario) throws(ScenarioError) {
        func fail(_ key: String?, kind: ScenarioError.Kind = .outOfDomain, message: String, fix: String) -> ScenarioError {
            let keyPath = key.map { KeyPath.join(path, $0) } ?? path
            return ScenarioError(kind: kind, location: scenario.location(of: keyPath), keyPath: keyPath, message: message, fix: fix)
        }
        let variables: (effect: String, cause: String)
        switch PreparedGranger.variables(of: request.formula) {
        case .success(let found): variables = found
        case .failure(let problem):
            throw fail("formula", message: problem.description, fix: "write formula = \"y ~ x\" to test whether x Granger-causes y")
        }
        let regressionKeys: [(key: String, given: Bool)] = [
            ("vcov", request.vcov != nil), ("recover", !request.recover.isEmpty), ("split", request.split != nil),
            ("sample", request.sample != nil), ("standardize", request.standardize), ("weights", request.weights != nil),
            ("convergence", request.convergence != nil),
        ]
        if let key = regressionKeys.first(where: \.given)?.key {
            throw fail(key, message: "\(key) does not apply to method = \"granger\"",
                       fix: "remove \(key): the test reports Z-bar and Z-tilde (truth 0, standard error 1) and its p-values by itself")
        }
        guard let panel = request.panel else {
            throw fail(nil, kind: .missingKey, message: "method = \"granger\" needs the panel's unit and time columns",
                       fix: "add panel = [\"unit\", \"time\"] to this [[estimate]], naming the simulated panel's columns")
        }
        guard !columns.isEmpty else { return }
        for (key, column) in [("formula", variables.effect), ("formula", variables.cause), ("panel", panel.unit), ("panel", panel.time)]
            where !columns.contains(column) {
            throw fail(key, message: "'\(column)' is not a column of the simulated \(scenario.model.key) panel",
                       fix: Suggestion.fix(for: column, among: columns, noun: "columns"))
        }
    }
}
