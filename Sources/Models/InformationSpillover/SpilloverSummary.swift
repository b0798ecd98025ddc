/// Moments of one simulated `information-spillover` replication, to compare with Table 1 of paper 003.
public struct SpilloverSummary: Sendable, Codable, Equatable {
    /// Number of plant-destination-year rows (the paper's main sample has 6,240,750).
    public let rowCount: Int
    /// Number of product rows (the paper's product-level sample has 11,106,454).
    public let productRowCount: Int
    /// Mean number of plants per firm (every plant of the roster).
    public let meanPlantsPerFirm: Double
    /// Median number of plants per firm.
    public let medianPlantsPerFirm: Double
    /// Mean over exporting firm-years of the largest plant's share of the firm's exports (Table 1: 0.6–0.8).
    public let meanLargestPlantShare: Double
    /// Share of rows with at least one sister-city signal (n^oth > 0).
    public let shareWithSisterSignals: Double

    public init(rowCount: Int, productRowCount: Int, meanPlantsPerFirm: Double, medianPlantsPerFirm: Double,
                meanLargestPlantShare: Double, shareWithSisterSignals: Double) {
        self.rowCount = rowCount
        self.productRowCount = productRowCount
        self.meanPlantsPerFirm = meanPlantsPerFirm
        self.medianPlantsPerFirm = medianPlantsPerFirm
        self.meanLargestPlantShare = meanLargestPlantShare
        self.shareWithSisterSignals = shareWithSisterSignals
    }
}
