/// What the `information-spillover` simulator knows and a regression of eq. (15) should recover.
///
/// The averages and the projection run over the rows where Δlnaffiliate and lndensity exist,
/// i.e. the exporting plant-destination-years with at least one sister-city signal (n^oth > 0).
public struct InformationSpilloverTruth: Sendable, Codable, Equatable, ModelTruth {
    /// Mean of δ_imt, eq. (9).
    public let deltaMean: Double
    /// Mean of slope_oth = ∂ ln r/∂ȳ^oth.
    public let slopeOtherMean: Double
    /// Mean of slope_oth weighted by 1/n^oth, the variance of Δlnaffiliate around g_mt up to v_z: the average
    /// effect OLS estimates when Δlnaffiliate enters without interaction.
    public let slopeOtherWeightedMean: Double
    /// Intercept of the 1/n^oth-weighted least-squares projection of slope_oth on (1, lndensity): the target of β1 in eq. (15).
    public let beta1: Double
    /// Slope of that weighted projection: the target of β2 (the Δlnaffiliate × lndensity coefficient) in eq. (15).
    public let beta2: Double
    /// v_z / v_d, the structural noise ratio.
    public let noiseRatio: Double
    /// Number of rows the averages and the projection use.
    public let rowCount: Int

    public init(deltaMean: Double, slopeOtherMean: Double, slopeOtherWeightedMean: Double, beta1: Double, beta2: Double,
                noiseRatio: Double, rowCount: Int) {
        self.deltaMean = deltaMean
        self.slopeOtherMean = slopeOtherMean
        self.slopeOtherWeightedMean = slopeOtherWeightedMean
        self.beta1 = beta1
        self.beta2 = beta2
        self.noiseRatio = noiseRatio
        self.rowCount = rowCount
    }

    /// The truths a scenario's `[[estimate]]` may name, with their meaning.
    public static let meanings: [(name: String, meaning: String)] = [
        ("delta_mean", "mean of δ_imt = n v_d/(v_z + n v_d), eq. (9), over rows with sister-city signals"),
        ("slope_oth_mean", "mean of ∂ln r/∂ȳ^oth (δ n^oth/n consistent, δ as-printed): what Δlnaffiliate's coefficient measures"),
        ("slope_oth_weighted", "mean of ∂ln r/∂ȳ^oth weighted by 1/n^oth (OLS weights rows by the variance v_z/n^oth of Δlnaffiliate): the target of Δlnaffiliate without interaction"),
        ("beta1", "intercept of the 1/n^oth-weighted least-squares projection of slope_oth on (1, lndensity): the target of β1 in eq. (15)"),
        ("beta2", "slope of that projection on lndensity: the target of β2 (Δlnaffiliate × lndensity) in eq. (15)"),
        ("noise_ratio", "v_z/v_d, the structural ratio behind the density interaction"),
    ]

    /// The truth called `name` (see `meanings`), or nil.
    public func value(named name: String) -> Double? {
        switch name {
        case "delta_mean": return deltaMean
        case "slope_oth_mean": return slopeOtherMean
        case "slope_oth_weighted": return slopeOtherWeightedMean
        case "beta1": return beta1
        case "beta2": return beta2
        case "noise_ratio": return noiseRatio
        default: return nil
        }
    }
}
