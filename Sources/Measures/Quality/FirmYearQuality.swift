import PanelData

/// Firm-year quality and the firm-year distance Distanceq (notes §3.2, Table 2 columns (5)–(6)).
///
/// The paper gives no formula; hetfirm follows the Shi (2014) convention: the positive standardized
/// quality q⁺ of a firm's records in a year is averaged with export-value weights,
///
///     Q_ft = Σ_r v_r q⁺_r / Σ_r v_r    (records r of firm f in year t with a defined q⁺ and v > 0),
///
/// the frontier is the maximum Q_ft over firms of the same industry and year, and
/// Distanceq_ft = max_{industry, t} Q − Q_ft. The firm's industry is its first record's.
public enum FirmYearQuality {
    /// One row per firm-year: `firm`, `year`, `industry`, `quality`, `value` (total), `frontier_q`,
    /// `distance_q`, ordered by first appearance of the firm-year.
    public static func aggregate(_ dataset: Dataset, quality: String = "ksw_quality_std",
                                 columns: QualityColumnNames = .init()) throws -> Dataset {
        let firmYears = try dataset.groupIndex(by: [columns.firm, columns.year])
        let firms = try dataset.ints(columns.firm), years = try dataset.ints(columns.year)
        let industries = try dataset.ints(columns.industry)
        let qualities = try dataset.doubles(quality), qualityColumn = try dataset.column(named: quality)
        let values = try dataset.doubles(columns.value), valueColumn = try dataset.column(named: columns.value)
        let count = firmYears.groupCount
        var firm = [Int](repeating: 0, count: count), year = firm, industry = firm
        var weighted = [Double](repeating: 0, count: count), weight = weighted, total = weighted
        var seen = [Bool](repeating: false, count: count)
        for row in 0..<dataset.rowCount where firmYears.groupOfRow[row] >= 0 {
            let group = Int(firmYears.groupOfRow[row])
            if !seen[group] {
                seen[group] = true
                (firm[group], year[group], industry[group]) = (firms[row], years[row], industries[row])
            }
            guard !valueColumn.isMissing(row), values[row].isFinite else { continue }
            total[group] += values[row]
            guard !qualityColumn.isMissing(row), qualities[row].isFinite, values[row] > 0 else { continue }
            weighted[group] += values[row] * qualities[row]
            weight[group] += values[row]
        }
        let firmYearQuality = (0..<count).map { weight[$0] > 0 ? weighted[$0] / weight[$0] : Double.nan }
        var frontierData = try Dataset(columns: [.int("industry", industry), .int("year", year)])
        let frontierGroups = try frontierData.groupIndex(by: ["industry", "year"])
        let distances = FrontierDistances(quality: firmYearQuality, groups: frontierGroups)
        frontierData = try Dataset(columns: [
            .int("firm", firm), .int("year", year), .int("industry", industry),
            KSWQualityResult.column("quality", firmYearQuality), .double("value", total),
            KSWQualityResult.column("frontier_q", distances.frontier), KSWQualityResult.column("distance_q", distances.distance),
        ])
        return frontierData
    }
}
