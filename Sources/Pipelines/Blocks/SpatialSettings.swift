import Spatial

/// The `[[estimate]] method = "spatial"` keys, decoded once with the scenario:
/// `weights = "W.gal"` (the weight matrix's file, relative to the scenario file) or `weights = "model:NAME"`
/// (the matrix NAME the model supplies, ``ModelDescriptor/spatialWeights``), `weights_format`
/// (`"gal" | "gwt" | "csv" | "edges"`, default from the extension), `model = "sar" | "sem" | "sac" | "sdm" | "sdem"`
/// (default `"sar"`), `effects = "none" | "individual" | "time" | "twoways"` (default `"none"`),
/// `lee_yu = false` and `row_standardize = true` (as `hetfirm spatial`), and `weights_digest` (W's file
/// digest, which a run records), and `rho_varies_with = "z"` (paper 000's eq. 25, ρ + ρ′·z, with `model = "sar"`).
public struct SpatialSettings: Sendable, Equatable {
    /// W's file as written in the scenario (or `model:NAME`).
    public var weightsFile: String
    /// W's file resolved against the scenario file's folder (what the run reads); empty for a model-supplied W.
    public var weightsPath: String
    public var weightsFormat: SpatialWeightsFormat?
    /// `weights_digest`: FNV-1a (64 bit) of W's file, 16 hex digits. A run records it before it
    /// starts (so that the scenario fingerprint of checkpoints and shards covers W's contents, not
    /// only its path) and writes it into the resolved `scenario.toml`; a digest given in the file
    /// must match W's file when the scenario is run again. Nil until recorded.
    public var weightsDigest: String?
    public var model: SpatialModelKind
    public var effects: SpatialEffects
    public var leeYu: Bool
    public var rowStandardize: Bool
    /// `rho_varies_with`: the panel column z of paper 000's eq. (25), whose spatial coefficient is
    /// ρ + ρ′·z_it (``VaryingSpatialLag``; `model = "sar"`, direct approach). Nil for the plain models.
    public var rhoVariesWith: String?

    public init(weightsFile: String, weightsPath: String, weightsFormat: SpatialWeightsFormat? = nil, model: SpatialModelKind = .sar,
                effects: SpatialEffects = .none, leeYu: Bool = false, rowStandardize: Bool = true, rhoVariesWith: String? = nil) {
        self.weightsFile = weightsFile
        self.weightsPath = weightsPath
        self.weightsFormat = weightsFormat
        self.model = model
        self.effects = effects
        self.leeYu = leeYu
        self.rowStandardize = rowStandardize
        self.rhoVariesWith = rhoVariesWith
    }

    /// The prefix of `weights = "model:NAME"`.
    public static let modelWeightsPrefix = "model:"

    /// The settings of `weights = "model:NAME"`: no file, the W the model supplies under `name`.
    public static func modelSupplied(_ name: String) -> SpatialSettings {
        SpatialSettings(weightsFile: modelWeightsPrefix + name, weightsPath: "")
    }

    /// NAME of `weights = "model:NAME"` (the W the model supplies), nil when W is read from a file.
    public var modelWeightsName: String? {
        weightsFile.hasPrefix(Self.modelWeightsPrefix) ? String(weightsFile.dropFirst(Self.modelWeightsPrefix.count)) : nil
    }

    /// The estimator's options.
    public var options: SpatialOptions {
        SpatialOptions(model: model, effects: effects, approach: leeYu ? .leeYu : .direct)
    }

    /// ρ and ρ′ of eq. (25) as ``VaryingLagFit/coefficientNames`` ends.
    public static let varyingLagNames = ["rho", "rho_prime"]

    /// The impact kinds a `recover` key may name, as `direct(x)`, `indirect(x)`, `total(x)`.
    public static let impactKinds = ["direct", "indirect", "total"]

    /// `(kind, variable)` when `key` names an impact, e.g. "indirect(INC)" → ("indirect", "INC").
    public static func impact(in key: String) -> (kind: String, variable: String)? {
        for kind in impactKinds where key.hasPrefix(kind + "(") && key.hasSuffix(")") {
            let variable = String(key.dropFirst(kind.count + 1).dropLast())
            if !variable.isEmpty { return (kind, variable) }
        }
        return nil
    }

    /// Every name a `recover` key may use: the coefficients, and `direct(x)`, `indirect(x)`, `total(x)`
    /// for each regressor x (LeSage–Pace impacts, delta-method standard errors). With `rho_varies_with`
    /// the coefficients only (the impacts of eq. 25 depend on the level of z).
    public func recoverableNames(regressors: [String], hasIntercept: Bool) -> [String] {
        guard rhoVariesWith == nil else { return coefficientNames(regressors: regressors, hasIntercept: hasIntercept) }
        return coefficientNames(regressors: regressors, hasIntercept: hasIntercept)
            + regressors.flatMap { variable in Self.impactKinds.map { "\($0)(\(variable))" } }
    }

    /// The coefficient names a fit of `regressors` reports: the regressors (with "(Intercept)" without
    /// effects when `hasIntercept`), "W*x" for Durbin models, then "rho" and/or "lambda"; with
    /// `rho_varies_with`, "rho" and "rho_prime" (ρ and ρ′ of eq. 25, as ``VaryingLagFit`` names them).
    public func coefficientNames(regressors: [String], hasIntercept: Bool) -> [String] {
        var names = (effects == .none && hasIntercept ? [SpatialSamplePreparation.interceptName] : []) + regressors
        if rhoVariesWith != nil { return names + Self.varyingLagNames }
        if model.isDurbin { names += regressors.map { "W*" + $0 } }
        if model.hasLag { names.append("rho") }
        if model.hasErrorProcess { names.append("lambda") }
        return names
    }
}
