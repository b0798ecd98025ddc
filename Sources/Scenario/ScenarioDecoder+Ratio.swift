import Estimation
import Pipelines

extension ScenarioDecoder {
    /// The methods whose blocks report a `ratio` (their fits carry the coefficients' covariance).
    static let ratioMethods: [EstimationMethod] = [.ols, .iv, .fmols, .spatial]

    /// `ratio = { name = "acceleration", numerator = "lnMET:log(INTER)", denominator = "lnMET" }`: three
    /// non-empty strings, two different coefficients (paper 000's α3/α1, eq. 26). Whether they are
    /// coefficients of the block's model is checked with the formula (``EstimateValidation``).
    mutating func coefficientRatio(_ node: TOMLNode, at path: String, method: EstimationMethod) -> CoefficientRatio? {
        let example = "ratio = { name = \"acceleration\", numerator = \"lnMET:log(INTER)\", denominator = \"lnMET\" }"
        guard case .table(let table) = node else {
            report(.wrongType, path, "ratio must be an inline table, not \(node.described)", fix: "write \(example)")
            return nil
        }
        guard Self.ratioMethods.contains(method) else {
            report(.outOfDomain, path, "ratio does not apply to method = \"\(method.rawValue)\"",
                   fix: "remove ratio: it is reported by the methods " + Self.ratioMethods.map { "\"\($0.rawValue)\"" }.joined(separator: ", "))
            return nil
        }
        let before = errors.count
        let keys = ["name", "numerator", "denominator"]
        rejectUnknownKeys(table, at: path, in: "ratio", allowed: keys)
        let examples = ["name": "\"acceleration\"", "numerator": "\"lnMET:log(INTER)\"", "denominator": "\"lnMET\""]
        var values: [String: String] = [:]
        for key in keys {
            guard let value = table[key] else {
                report(.missingKey, path, "ratio needs '\(key)'", fix: "write \(example)")
                continue
            }
            let keyPath = KeyPath.join(path, key)
            guard let text = string(value, at: keyPath, example: examples[key] ?? "\"…\"") else { continue }
            if text.trimmingSpaces.isEmpty {
                report(.outOfDomain, keyPath, "ratio's \(key) is empty",
                       fix: key == "name" ? "name the estimate, e.g. name = \"acceleration\"" : "name a coefficient of the formula, e.g. \(key) = \(examples[key] ?? "\"x\"")")
            } else {
                values[key] = text
            }
        }
        if let numerator = values["numerator"], numerator == values["denominator"] {
            report(.outOfDomain, KeyPath.join(path, "denominator"), "ratio divides '\(numerator)' by itself",
                   fix: "name two different coefficients, e.g. \(example)")
        }
        guard errors.count == before, let name = values["name"], let numerator = values["numerator"],
              let denominator = values["denominator"] else { return nil }
        return CoefficientRatio(name: name, numerator: numerator, denominator: denominator)
    }
}
