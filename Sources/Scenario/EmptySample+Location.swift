import Pipelines

extension EmptySample {
    /// The located scenario error, or `nil` when no block has that name.
    func located(in scenario: Scenario) -> ScenarioError? {
        guard let index = scenario.estimations.firstIndex(where: { $0.name == estimation }) else { return nil }
        let path = "estimate[\(index)].sample"
        return ScenarioError(kind: .outOfDomain, location: scenario.location(of: path), keyPath: path,
                             message: "no row of the simulated panel (\(rows) rows) passes sample = \"\(filter)\"",
                             fix: "loosen the filter; `hetfirm describe \(scenario.model.key)` lists the panel's columns")
    }
}
