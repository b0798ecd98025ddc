import Estimation
import Pipelines

extension ScenarioDecoder {
    /// The keys of `[[estimate]]` that belong to `method = "granger"`.
    static let grangerKeys = ["lags", "lag_selection", "max_lags"]

    /// `lags = K`, or `lag_selection = "aic"|"bic"` with `max_lags = M`, for `method = "granger"`; each
    /// mistake reported at its key. Nil for the other methods (whose tables must not have these keys) and
    /// after an error.
    mutating func decodeGrangerLags(_ table: [String: TOMLNode], at path: String, method: EstimationMethod) -> GrangerOptions? {
        guard method == .granger else {
            for key in Self.grangerKeys where table[key] != nil {
                report(.outOfDomain, KeyPath.join(path, key), "\(key) applies to method = \"granger\" only, not \"\(method.rawValue)\"",
                       fix: "remove \(key), or set method = \"granger\" (formula = \"y ~ x\", panel = [\"unit\", \"time\"])")
            }
            return nil
        }
        var lags: Int?, criterion: InformationCriterion?, maximum: Int?
        let before = errors.count
        if let node = table["lags"], let value = integer(node, at: KeyPath.join(path, "lags"), example: "2") {
            if value >= 1 { lags = value } else {
                report(.outOfDomain, KeyPath.join(path, "lags"), "lags = \(value) is below 1", fix: "use a lag order of at least 1, e.g. lags = 2")
            }
        }
        if let node = table["lag_selection"], let text = string(node, at: KeyPath.join(path, "lag_selection"), example: "\"bic\"") {
            if let known = InformationCriterion(rawValue: text) { criterion = known } else {
                report(.outOfDomain, KeyPath.join(path, "lag_selection"), "unknown lag selection '\(text)'",
                       fix: Suggestion.fix(for: text, among: InformationCriterion.allCases.map(\.rawValue), quote: { "\"\($0)\"" },
                                           noun: "criteria"))
            }
        }
        if let node = table["max_lags"], let value = integer(node, at: KeyPath.join(path, "max_lags"), example: "4") {
            if value >= 1 { maximum = value } else {
                report(.outOfDomain, KeyPath.join(path, "max_lags"), "max_lags = \(value) is below 1",
                       fix: "use the largest lag order to try, at least 1, e.g. max_lags = 4")
            }
        }
        guard errors.count == before else { return nil }
        if table["lags"] != nil && table["lag_selection"] != nil {
            report(.outOfDomain, KeyPath.join(path, "lag_selection"), "lags and lag_selection are both given",
                   fix: "give lags = K for a fixed order, or lag_selection with max_lags to choose it")
            return nil
        }
        if table["max_lags"] != nil && table["lag_selection"] == nil {
            report(.outOfDomain, KeyPath.join(path, "max_lags"), "max_lags goes with lag_selection",
                   fix: "add lag_selection = \"aic\" or \"bic\", or give lags = K instead")
            return nil
        }
        if let criterion {
            guard let maximum else {
                report(.missingKey, path, "lag_selection = \"\(criterion.rawValue)\" needs max_lags",
                       fix: "add max_lags = M, the largest lag order to try (e.g. max_lags = 4)")
                return nil
            }
            return GrangerOptions(lags: 1, lagSelection: .informationCriterion(criterion, maximumLags: maximum))
        }
        guard let lags else {
            report(.missingKey, path, "method = \"granger\" needs its lag order",
                   fix: "add lags = K (e.g. lags = 2), or lag_selection = \"bic\" with max_lags = 4")
            return nil
        }
        return GrangerOptions(lags: lags)
    }
}
