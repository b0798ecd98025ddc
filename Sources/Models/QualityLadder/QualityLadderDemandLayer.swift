/// Which demand system generates the *observed* quantities of the simulated panel (scenario key
/// `demand`). Prices, qualities and the truth always come from the consistent model; only the
/// quantity a customs record shows differs.
public enum QualityLadderDemandLayer: String, Sendable, Codable, CaseIterable {
    /// ln q = χ_jmt − σ_j ln p + (σ_j − 1) ln λ + ε: the CES demand the KSW estimator assumes
    /// (notes §3.1, eqs. (19)–(20)), so KSW is correctly specified.
    case ces
    /// The model's own linear (Melitz–Ottaviano) demand, q = (E/2γ)[c_D − c + (β−μ)λ], scaled by
    /// the destination's size: KSW is then misspecified, by an amount the user can measure.
    case linear
}
