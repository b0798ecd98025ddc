import PanelData

/// What the quality-ladder simulator knows and the estimators must recover. Per-record truths
/// (λ, Δλ, d Δλ/d Eco, …) are columns of the panel; this value holds the panel-wide ones.
public struct QualityLadderTruth: Sendable, Codable, Equatable, ModelTruth {
    /// The observed demand layer the quantities come from.
    public let demandLayer: QualityLadderDemandLayer
    /// c_D, the common cost cutoff of the consistent equilibrium (at the base input I).
    public let costCutoff: Double
    /// ϕ at the base input I (a firm with no patents).
    public let baseQualityCoefficient: Double
    /// I, the digital input of a firm with Eco = 0.
    public let baseDigitalInput: Double
    /// I_max, the input approached as patents grow.
    public let maximumDigitalInput: Double
    /// κ in I_it = I + (I_max − I)(1 − e^{−κ Eco_it}).
    public let digitalResponse: Double
    /// σ_j of each product code (index = product − 1).
    public let productElasticities: [Double]
    /// Mean over the kept records of the model-implied d Δλ/d Eco (firm level, frontier fixed).
    public let meanDistanceEffect: Double
    /// Mean over the kept records of d ln Δλ/d Eco: the semi-elasticity of the distance.
    public let meanLogDistanceEffect: Double
    /// d ln ΣΔλ/d ln I = Σ −(∂ϕ/∂I)(c_D − c) I_it / ΣΔλ over the kept records off the frontier: the
    /// elasticity of the total distance when every firm's own I rises by 1% (frontier fixed), the
    /// consistent model's counterpart of the constant elasticity eq. (4) prints as −1/2.
    public let distanceElasticity: Double
    /// Mean over the kept records of d tfp/d Eco = τ κ(I_max − I) e^{−κ Eco}/I_it (Table 8 (1)).
    public let meanTfpEffect: Double
    /// Records generated before the value and quantity filters.
    public let generatedRecords: Int
    /// Records kept by the filters (the panel's rows).
    public let keptRecords: Int

    /// The truths a scenario's `[[estimate]]` may name, with their meaning.
    public static let meanings: [(name: String, meaning: String)] = [
        ("eco_effect", "mean model-implied d Δλ/d Eco over the panel's records (firm level, frontier fixed)"),
        ("eco_log_effect", "mean model-implied d ln Δλ/d Eco over the panel's records"),
        ("distance_elasticity", "model-implied d ln ΣΔλ/d ln I: elasticity of the records' total distance to every firm's own I (eq. (4) prints −1/2)"),
        ("tfp_eco_effect", "mean model-implied d tfp/d Eco = τ d ln I/d Eco over the panel's records (Table 8 (1))"),
        ("c_D", "the common cost cutoff c_D"),
        ("phi", "ϕ at the base digital input I"),
        ("sigma", "the mean CES elasticity σ_j over product codes"),
    ]

    /// The truth called `name` (see `meanings`), or nil.
    public func value(named name: String) -> Double? {
        switch name {
        case "eco_effect": return meanDistanceEffect
        case "eco_log_effect": return meanLogDistanceEffect
        case "distance_elasticity": return distanceElasticity
        case "tfp_eco_effect": return meanTfpEffect
        case "c_D": return costCutoff
        case "phi": return baseQualityCoefficient
        case "sigma":
            return productElasticities.isEmpty ? nil : productElasticities.reduce(0, +) / Double(productElasticities.count)
        default: return nil
        }
    }
}

/// A simulated quality-ladder panel (product × destination × year × trade mode records) and its truth.
public struct QualityLadderPanel: Sendable {
    public let dataset: Dataset
    public let truth: QualityLadderTruth
}
