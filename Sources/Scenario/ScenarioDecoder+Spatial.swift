import Foundation
import Pipelines
import Spatial

extension ScenarioDecoder {
    /// The keys only `method = "spatial"` reads (`weights` is shared: a weight column for the regressions,
    /// W's file for the spatial models).
    static let spatialKeys = ["model", "effects", "lee_yu", "row_standardize", "weights_format", "weights_digest", "rho_varies_with"]

    /// `weights = "W.gal"` (required; relative to the scenario file's folder, or `"model:NAME"`, the W the
    /// model supplies, which validation checks against the model's names), `weights_format`, `model`,
    /// `effects`, `lee_yu`, `row_standardize`, `weights_digest` and `rho_varies_with` of one `[[estimate]]`
    /// table; every key but `weights` is an error at its location unless `method = "spatial"`, and
    /// `weights_format` and `weights_digest` describe a file, so they are errors with a model's W.
    /// Nil for the other methods.
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
        let modelSupplied = weights.hasPrefix(SpatialSettings.modelWeightsPrefix)
        var settings = modelSupplied ? SpatialSettings.modelSupplied(String(weights.dropFirst(SpatialSettings.modelWeightsPrefix.count)))
            : SpatialSettings(weightsFile: weights, weightsPath: Self.resolved(weights, relativeTo: fileName))
        if modelSupplied {
            for key in ["weights_format", "weights_digest"] where table[key] != nil {
                report(.outOfDomain, KeyPath.join(path, key), "\(key) describes W's file, and weights = \"\(weights)\" is the model's W (no file)",
                       fix: "remove \(key), or give W's file in weights")
            }
        }
        func choice<Value>(_ key: String, example: String, noun: String, _ make: (String) -> Value?, names: [String]) -> Value? {
            guard let node = table[key], let text = string(node, at: KeyPath.join(path, key), example: example) else { return nil }
            if let value = make(text) { return value }
            report(.outOfDomain, KeyPath.join(path, key), "unknown \(noun) '\(text)'",
                   fix: Suggestion.fix(for: text, among: names, quote: { "\"\($0)\"" }, noun: noun + "s"))
            return nil
        }
        settings.weightsFormat = modelSupplied ? nil : choice("weights_format", example: "\"gal\"", noun: "weights format", SpatialWeightsFormat.init(rawValue:),
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
        decodeVaryingLag(table, at: path, into: &settings)
        if !modelSupplied, let node = table["weights_digest"], let text = string(node, at: KeyPath.join(path, "weights_digest"), example: "\"0123456789abcdef\"") {
            if InputDigest.isWellFormed(text) {
                settings.weightsDigest = text
            } else {
                report(.outOfDomain, KeyPath.join(path, "weights_digest"), "'\(text)' is not a digest as hetfirm writes it (16 hex digits)",
                       fix: "remove weights_digest: a run records W's digest itself")
            }
        }
        return settings
    }

    /// `rho_varies_with = "z"`: eq. (25) of paper 000 extends the spatial lag model fitted by the direct
    /// approach, so another `model` or `lee_yu = true` is an error at `rho_varies_with`. That z is a
    /// column of the panel is checked by validation (``SpatialValidation``).
    private mutating func decodeVaryingLag(_ table: [String: TOMLNode], at path: String, into settings: inout SpatialSettings) {
        let keyPath = KeyPath.join(path, "rho_varies_with")
        guard let node = table["rho_varies_with"], let column = string(node, at: keyPath, example: "\"INTER\"") else { return }
        guard !column.isEmpty else {
            report(.outOfDomain, keyPath, "rho_varies_with names no column", fix: "name the panel column z of ρ + ρ′·z, or remove rho_varies_with")
            return
        }
        guard settings.model == .sar else {
            report(.outOfDomain, keyPath, "rho_varies_with extends the spatial lag model (eq. 25: ρ + ρ′·z), and model is \"\(settings.model.rawValue)\"",
                   fix: "set model = \"sar\", or remove rho_varies_with")
            return
        }
        guard !settings.leeYu else {
            report(.outOfDomain, keyPath, "rho_varies_with uses the direct approach for fixed effects, and lee_yu is true",
                   fix: "remove lee_yu, or remove rho_varies_with")
            return
        }
        settings.rhoVariesWith = column
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
    /// A model's W (`model:NAME`) is written unchanged.
    var tomlLines: [String] {
        let weights = modelWeightsName != nil ? weightsFile : URL(fileURLWithPath: weightsPath).standardizedFileURL.path
        var lines = ["weights = " + TOMLText.basicString(weights)]
        if let weightsFormat { lines.append("weights_format = " + TOMLText.basicString(weightsFormat.rawValue)) }
        lines += ["model   = " + TOMLText.basicString(model.rawValue),
                  "effects = " + TOMLText.basicString(effects.rawValue),
                  "lee_yu  = \(leeYu)",
                  "row_standardize = \(rowStandardize)"]
        if let rhoVariesWith { lines.append("rho_varies_with = " + TOMLText.basicString(rhoVariesWith)) }
        if let weightsDigest { lines.append("weights_digest = " + TOMLText.basicString(weightsDigest)) }
        return lines
    }
}
