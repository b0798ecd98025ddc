import PanelData

/// One simulated replication of the `information-spillover` model: the world, the plant roster,
/// the source aggregates the constructed regressors need, the plant panel and the truth.
public struct SpilloverPanel: Sendable {
    // MARK: World

    /// area_c (km²) of each city.
    public let cityArea: [Double]
    /// Province of each city.
    public let cityProvince: [Int32]
    /// Income group 0–3 (high … low) of each destination, by quartile of d_m,−1.
    public let destinationIncomeGroup: [Int32]
    /// Rauch flag of each product.
    public let productDifferentiated: [Bool]
    /// f_m, the fixed export cost of each destination, cutoff (6).
    public let destinationFixedCost: [Double]
    /// d_mt for t = −1 … T−1, flat at m (T + 1) + t + 1 (truth: plants never see it unless published).
    public let demandLevel: [Double]
    /// T.
    public let yearCount: Int
    /// M.
    public let destinationCount: Int

    // MARK: Plants, indexed by plant id

    public let plantFirm: [Int32]
    public let plantCity: [Int32]
    /// The plant exists in every year ≥ this value (may be negative: established before the panel).
    public let plantEstablishmentYear: [Int32]
    /// φ.
    public let plantProductivity: [Double]

    // MARK: Source aggregates, flat at (c M + m) T + t

    /// n_cmt, the continuing single-plant source exporters.
    public let sourceCount: [Int32]
    /// S_cmt, the sum of their log export growth.
    public let sourceGrowthSum: [Double]

    /// Gross output of each firm, flat at f T + t: its plants' export sales × (1 + domestic/export ratio).
    public let firmGrossOutput: [Double]

    // MARK: Panels

    /// One row per exporting plant × destination × year, sorted by (year, plant, dest).
    /// Int: plant, firm, city, dest, year. Double: exports, lnexp, imports, lnimp (= ln(1 + imports)),
    /// and the truth columns delta, n_nb, n_oth, slope_oth, slope_nb.
    public let rows: Dataset
    /// One row per shipped product of each row: plant, product, dest, year (Int), exports (Double);
    /// no rows when simulated without `keepingProducts` (`summary.productRowCount` still counts them).
    public let products: Dataset

    /// What the estimators must recover.
    public let truth: InformationSpilloverTruth
    /// Moments of the firm network and of the panel.
    public let summary: SpilloverSummary
}
