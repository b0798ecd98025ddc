import Models
import Pipelines
import PanelData

extension ScenarioDecoder {
    // MARK: [[mediate]]

    /// The `[[mediate]]` tables (see ``MediationRequest``); `nil` after reporting located errors.
    mutating func decodeMediateSection(_ node: TOMLNode?, descriptor: ModelDescriptor) -> [MediationRequest]? {
        guard let node else { return [] }
        guard case .array(let elements) = node else {
            report(.wrongType, "mediate", "mediate must be an array of tables, not \(node.described)",
                   fix: "write each mediation analysis under its own [[mediate]] header")
            return nil
        }
        var requests: [MediationRequest] = []
        var ok = true
        for (index, element) in elements.enumerated() {
            let path = KeyPath.index("mediate", index)
            guard case .table(let table) = element else {
                report(.wrongType, path, "mediate[\(index)] must be a table, not \(element.described)",
                       fix: "write each mediation analysis under its own [[mediate]] header")
                ok = false
                continue
            }
            if let request = decodeMediate(table, at: path, previous: requests, descriptor: descriptor) {
                requests.append(request)
            } else {
                ok = false
            }
        }
        return ok ? requests : nil
    }

    private mutating func decodeMediate(_ table: [String: TOMLNode], at path: String, previous: [MediationRequest],
                                        descriptor: ModelDescriptor) -> MediationRequest? {
        let label = "[[mediate]]"
        let before = errors.count
        rejectUnknownKeys(table, at: path, in: label, allowed: [
            "name", "treatment", "mediator", "outcome", "controls", "fe", "vcov", "bootstrap", "joint", "recover",
            "estimator", "panel",
        ] + Self.fmolsKeys)
        // A misspelt key is reported as such, not also as the missing key it was meant to be.
        let misspelt = errors.count > before
        func required(_ key: String, example: String) -> String? {
            guard let node = table[key] else {
                if misspelt { return nil }
                report(.missingKey, path, "missing key '\(key)' in \(label)", fix: "add \(key) = \(example) to this \(label)")
                return nil
            }
            return string(node, at: KeyPath.join(path, key), example: example)
        }
        let name = required("name", example: "\"mechanism\"")
        if let name, previous.contains(where: { $0.name == name }) {
            report(.outOfDomain, KeyPath.join(path, "name"), "two [[mediate]] tables are named '\(name)'",
                   fix: "give each mediation analysis its own name")
        }
        let treatment = required("treatment", example: "\"I\"")
        let outcome = required("outcome", example: "\"log(employment)\"")
        var mediators: [String]?
        if let node = table["mediator"] {
            mediators = names(node, at: KeyPath.join(path, "mediator"), example: "\"m\" or [\"m1\", \"m2\"]")
        } else if !misspelt {
            report(.missingKey, path, "missing key 'mediator' in \(label)", fix: "add mediator = \"m\" to this \(label)")
        }
        let controls = table["controls"].map { names($0, at: KeyPath.join(path, "controls"), example: "[\"z\", \"log(w)\"]") } ?? []
        let effects = table["fe"].map { names($0, at: KeyPath.join(path, "fe"), example: "[\"region\", \"year\"]") } ?? []
        let vcov = table["vcov"].flatMap { decodeVcov($0, at: KeyPath.join(path, "vcov")) }
        var bootstrap = 0
        if let node = table["bootstrap"], let value = integer(node, at: KeyPath.join(path, "bootstrap"), example: "199") {
            if (0...100_000).contains(value) {
                bootstrap = value
            } else {
                report(.outOfDomain, KeyPath.join(path, "bootstrap"), "bootstrap = \(value) is outside 0…100000",
                       fix: "use 0 (no bootstrap, the default) or a number of replications such as 199")
            }
        }
        let joint = table["joint"].flatMap { bool($0, at: KeyPath.join(path, "joint")) } ?? false
        var indirect: TruthTarget?
        if let node = table["recover"] {
            let recoverPath = KeyPath.join(path, "recover")
            if case .table(let pairs) = node {
                rejectUnknownKeys(pairs, at: recoverPath, in: "recover", allowed: ["indirect"])
                let truthPath = KeyPath.join(recoverPath, "indirect")
                if let value = pairs["indirect"], let text = string(value, at: truthPath, example: "\"truth.indirect\"") {
                    indirect = truthTarget(text, at: truthPath, descriptor: descriptor, wording: .mediate)
                }
            } else {
                report(.wrongType, recoverPath, "recover must be an inline table, not \(node.described)",
                       fix: "write recover = { indirect = \"truth.name\" }")
            }
        }
        var usesFMOLS = false
        if let node = table["estimator"], let text = string(node, at: KeyPath.join(path, "estimator"), example: "\"fmols\"") {
            switch text {
            case "ols": break
            case "fmols": usesFMOLS = true
            default:
                report(.outOfDomain, KeyPath.join(path, "estimator"), "unknown mediation estimator '\(text)'",
                       fix: Suggestion.fix(for: text, among: ["ols", "fmols"], quote: { "\"\($0)\"" }, noun: "estimators"))
            }
        }
        let fmols = decodeFMOLSSettings(table, at: path, enabled: usesFMOLS, switchKey: "estimator = \"fmols\"")
        var panel: PanelDeclaration?
        if let node = table["panel"] {
            if usesFMOLS {
                panel = panelDeclaration(node, at: KeyPath.join(path, "panel"))
            } else {
                report(.outOfDomain, KeyPath.join(path, "panel"), "panel applies to estimator = \"fmols\" only",
                       fix: "remove panel, or set estimator = \"fmols\"")
            }
        } else if usesFMOLS, !misspelt {
            report(.missingKey, path, "estimator = \"fmols\" needs the panel's unit and time columns",
                   fix: "add panel = [\"region\", \"year\"] to this \(label)")
        }
        if usesFMOLS {
            let excluded: [(key: String, present: Bool)] = [
                ("fe", table["fe"] != nil), ("vcov", table["vcov"] != nil), ("joint", joint), ("bootstrap", bootstrap > 0),
            ]
            for item in excluded where item.present {
                report(.outOfDomain, KeyPath.join(path, item.key), "\(item.key) does not apply to estimator = \"fmols\"",
                       fix: "remove \(item.key): each unit has its own intercept and FMOLS its own long-run standard errors (Sobel test, no bootstrap)")
            }
        }
        guard errors.count == before, let name, let treatment, let outcome, let mediators, let controls, let effects else {
            return nil
        }
        return MediationRequest(name: name, treatment: treatment, mediators: mediators, outcome: outcome,
                                controls: controls, fixedEffects: effects, vcov: vcov, bootstrapReplications: bootstrap,
                                joint: joint, indirectTruth: indirect, fmols: usesFMOLS ? fmols : nil, panel: panel)
    }

    /// A non-empty string, or a non-empty array of non-empty strings.
    private mutating func names(_ node: TOMLNode, at path: String, example: String) -> [String]? {
        switch node {
        case .string(let value) where !value.isEmpty:
            return [value]
        case .array(let elements):
            let values = elements.compactMap { element -> String? in
                if case .string(let value) = element, !value.isEmpty { return value }
                return nil
            }
            if values.count == elements.count, !values.isEmpty { return values }
        default:
            break
        }
        report(.wrongType, path, "\(name(of: path)) must be a name or a non-empty array of names, not \(node.described)",
               fix: "write \(name(of: path)) = \(example)")
        return nil
    }
}
