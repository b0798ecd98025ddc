import Foundation
import Pipelines
import Spatial

extension ScenarioDecoder {
    /// The keys only `method = "spatial"` reads (`weights` is shared: a weight column for the regressions,
    /// W's file for the spatial models).
    static let spatialKeys = ["model", "effects", "lee_yu", "row_standardize", "weights_format", "weights_digest"]

    /// `weights = "W.gal"` (required; relative to the scenario file's folder), `weights_format`, `model`,
    /// `effects`, `lee_yu`, `row_standardize` of one `[[estimate]]` table; every key but `weights` is an
    /// error at its location unless `method = "spatial"`. Nil for the other methods.
    mutating func decodeSpatialSettings(_ table: [String: TOMLNode], at path: String, method: EstimationMethod,
                                        weights: String?) -> SpatialSettings? {
        guard method == .spatial else {
            for key in Self.spatialKeys where table[key] != nil {
                report(.outOfDomain, KeyPath.join(path, key), "\(key) applies to method = \"spatial\" only",
                       fix: "remove \(key), or set method = \"spatial\"")
            }
            return nil
        }
        guard let weights, !weights.isEmpty else {
            if table["weights"] == nil {
                report(.missingKey, path, "method = \"spatial\" needs the weight matrix W",
                       fix: "add weights = \"W.gal\" (a .gal or .gwt file, a dense CSV matrix or a CSV edge list, relative to the scenario file)")
            }
            return nil
        }
        var settings = SpatialSettings(weightsFile: weights, weightsPath: Self.resolved(weights, relativeTo: fileName))
        func choice<Value>(_ key: String, example: String, noun: String, _ make: (String) -> Value?, names: [String]) -> Value? {
            guard let node = table[key], let text = string(node, at: KeyPath.join(path, key), example: example) else { return nil }
            if let value = make(text) { return value }
            report(.outOfDomain, KeyPath.join(path, key), "unknown \(noun) '\(text)'",
                   fix: Suggestion.fix(for: text, among: names, quote: { "\"\($0)\"" }, noun: noun + "s"))
            return nil
        }
        settings.weightsFormat = choice("weights_format", example: "\"gal\"", noun: "weights format", SpatialWeightsFormat.init(rawValue:),
                                        names: SpatialWeightsFormat.allCases.map(\.rawValue))
        if let model = choice("model", example: "\"sar\"", noun: "spatial model", SpatialModelKind.init(rawValue:),
                              names: SpatialModelKind.allCases.map(\.rawValue)) {
            settings.model = model
        }
        if let effects = choice("effects", example: "\"twoways\"", noun: "effect", SpatialEffects.init(rawValue:),
                                names: SpatialEffects.allCases.map(\.rawValue)) {
            settings.effects = effects
        }
        if let node = table["lee_yu"], let value = bool(node, at: KeyPath.join(path, "lee_yu")) {
            settings.leeYu = value
            if value && settings.effects == .none {
                report(.outOfDomain, KeyPath.join(path, "lee_yu"), "lee_yu corrects fixed-effects panels, and effects is \"none\"",
                       fix: "set effects = \"individual\", \"time\" or \"twoways\", or remove lee_yu")
            }
        }
        if let node = table["row_standardize"], let value = bool(node, at: KeyPath.join(path, "row_standardize")) {
            settings.rowStandardize = value
        }
        if let node = table["weights_digest"], let text = string(node, at: KeyPath.join(path, "weights_digest"), example: "\"0123456789abcdef\"") {
            if InputDigest.isWellFormed(text) {
                settings.weightsDigest = text
            } else {
                report(.outOfDomain, KeyPath.join(path, "weights_digest"), "'\(text)' is not a digest as hetfirm writes it (16 hex digits)",
                       fix: "remove weights_digest: a run records W's digest itself")
            }
        }
        return settings
    }

    /// `path` against the folder of the scenario file `fileName` (unchanged when absolute).
    static func resolved(_ path: String, relativeTo fileName: String) -> String {
        guard !path.hasPrefix("/") else { return path }
        let folder = (fileName as NSString).deletingLastPathComponent
        return folder.isEmpty ? path : folder + "/" + path
    }
}

extension SpatialSettings {
    /// The keys as the resolved `scenario.toml` writes them: W's path made absolute, so that the
    /// resolved file (written in the output folder) reruns from anywhere.
    var tomlLines: [String] {
        var lines = ["weights = " + TOMLText.basicString(URL(fileURLWithPath: weightsPath).standardizedFileURL.path)]
        if let weightsFormat { lines.append("weights_format = " + TOMLText.basicString(weightsFormat.rawValue)) }
        lines += ["model   = " + TOMLText.basicString(model.rawValue),
                  "effects = " + TOMLText.basicString(effects.rawValue),
                  "lee_yu  = \(leeYu)",
                  "row_standardize = \(rowStandardize)"]
        if let weightsDigest { lines.append("weights_digest = " + TOMLText.basicString(weightsDigest)) }
        return lines
    }
}
