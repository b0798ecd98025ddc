import Estimation
import Pipelines

extension ScenarioDecoder {
    /// The keys only `method = "fmols"` reads.
    static let fmolsKeys = ["fmols", "kernel", "bandwidth"]

    /// `fmols = "group-mean" | "pooled"`, `kernel = "bartlett" | "parzen" | "quadratic-spectral"`,
    /// `bandwidth = 4 | "auto"` of one `[[estimate]]` table; each key is an error at its location
    /// unless `method = "fmols"`.
    mutating func decodeFMOLSSettings(_ table: [String: TOMLNode], at path: String, method: EstimationMethod) -> FMOLSSettings {
        decodeFMOLSSettings(table, at: path, enabled: method == .fmols, switchKey: "method = \"fmols\"")
    }

    /// The FMOLS keys when `enabled`; otherwise each is an error at its location saying that it needs
    /// `switchKey` (`method = "fmols"` in [[estimate]], `estimator = "fmols"` in [[mediate]]).
    mutating func decodeFMOLSSettings(_ table: [String: TOMLNode], at path: String, enabled: Bool, switchKey: String) -> FMOLSSettings {
        var settings = FMOLSSettings()
        if !enabled {
            for key in Self.fmolsKeys where table[key] != nil {
                report(.outOfDomain, KeyPath.join(path, key), "\(key) applies to \(switchKey) only",
                       fix: "remove \(key), or set \(switchKey)")
            }
            return settings
        }
        if let node = table["fmols"], let text = string(node, at: KeyPath.join(path, "fmols"), example: "\"group-mean\"") {
            if let variant = FMOLSMethod(rawValue: text) {
                settings.variant = variant
            } else {
                report(.outOfDomain, KeyPath.join(path, "fmols"), "unknown FMOLS estimator '\(text)'",
                       fix: Suggestion.fix(for: text, among: FMOLSMethod.names, quote: { "\"\($0)\"" }, noun: "estimators"))
            }
        }
        if let node = table["kernel"], let text = string(node, at: KeyPath.join(path, "kernel"), example: "\"bartlett\"") {
            if let kernel = LongRunKernel(rawValue: text) {
                settings.kernel = kernel
            } else {
                report(.outOfDomain, KeyPath.join(path, "kernel"), "unknown kernel '\(text)'",
                       fix: Suggestion.fix(for: text, among: LongRunKernel.names, quote: { "\"\($0)\"" }, noun: "kernels"))
            }
        }
        if let node = table["bandwidth"] {
            let keyPath = KeyPath.join(path, "bandwidth")
            if case .string(let text) = node, text == "auto" {
                settings.bandwidth = .automatic
            } else if let value = node.number {
                if value >= 0, value.isFinite {
                    settings.bandwidth = .fixed(value)
                } else {
                    report(.outOfDomain, keyPath, "bandwidth must be non-negative, not \(node.rendered)", fix: "write e.g. bandwidth = 4, or \"auto\"")
                }
            } else {
                report(.wrongType, keyPath, "bandwidth must be a number or \"auto\", not \(node.described)",
                       fix: "write e.g. bandwidth = 4 (rounded up to a whole number), or bandwidth = \"auto\"")
            }
        }
        return settings
    }
}

extension FMOLSSettings {
    /// The keys as the resolved `scenario.toml` writes them.
    var tomlLines: [String] {
        let bandwidthText: String
        switch bandwidth {
        case .automatic: bandwidthText = TOMLText.basicString("auto")
        case .fixed(let value): bandwidthText = TOMLText.float(value)
        }
        return ["fmols   = " + TOMLText.basicString(variant.rawValue),
                "kernel  = " + TOMLText.basicString(kernel.rawValue),
                "bandwidth = " + bandwidthText]
    }
}
