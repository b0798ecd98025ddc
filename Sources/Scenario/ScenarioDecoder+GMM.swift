import Estimation
import Pipelines

extension ScenarioDecoder {
    /// The keys only `method = "gmm"` reads.
    static let gmmKeys = ["transformation", "steps", "effect", "collapse"]

    /// `transformation = "difference" | "system"`, `steps = "one" | "two"`, `effect = "individual" | "twoways"`,
    /// `collapse = true | false` of one `[[estimate]]` table; each key is an error at its location unless `method = "gmm"`.
    mutating func decodeGMMOptions(_ table: [String: TOMLNode], at path: String, method: EstimationMethod) -> DynamicPanelOptions {
        var options = DynamicPanelOptions()
        if method != .gmm {
            for key in Self.gmmKeys where table[key] != nil {
                report(.outOfDomain, KeyPath.join(path, key), "\(key) applies to method = \"gmm\" only", fix: "remove \(key), or set method = \"gmm\"")
            }
            return options
        }
        func choice(_ key: String, _ allowed: [String], example: String) -> String? {
            guard let node = table[key], let text = string(node, at: KeyPath.join(path, key), example: example) else { return nil }
            guard allowed.contains(text) else {
                report(.outOfDomain, KeyPath.join(path, key), "\(key) = \(TOMLText.basicString(text)) is not one of "
                       + allowed.map { "\"\($0)\"" }.joined(separator: ", "),
                       fix: Suggestion.fix(for: text, among: allowed, quote: { "\"\($0)\"" }, noun: "values"))
                return nil
            }
            return text
        }
        if let text = choice("transformation", DynamicPanelOptions.Transformation.allCases.map(\.rawValue), example: "\"system\""),
           let value = DynamicPanelOptions.Transformation(rawValue: text) { options.transformation = value }
        if let text = choice("steps", ["one", "two"], example: "\"two\"") { options.twoSteps = text == "two" }
        if let text = choice("effect", DynamicPanelOptions.Effect.allCases.map(\.rawValue), example: "\"twoways\""),
           let value = DynamicPanelOptions.Effect(rawValue: text) { options.effect = value }
        if let node = table["collapse"], let value = bool(node, at: KeyPath.join(path, "collapse")) { options.collapse = value }
        return options
    }
}

extension DynamicPanelOptions {
    /// The keys as the resolved `scenario.toml` writes them.
    var tomlLines: [String] {
        ["transformation = " + TOMLText.basicString(transformation.rawValue),
         "steps   = " + TOMLText.basicString(twoSteps ? "two" : "one"),
         "effect  = " + TOMLText.basicString(effect.rawValue),
         "collapse = \(collapse)"]
    }
}
