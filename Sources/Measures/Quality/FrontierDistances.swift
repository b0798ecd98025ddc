import PanelData

/// Distances to the quality frontier (paper 004, notes §3.2, eq. (22) and its robustness measures).
///
/// For a positive quality q (the positive standardized KSW quality, see `QualityStandardization`)
/// and the frontier F = max q over the frontier group (industry × year by default, optionally
/// × destination, since the paper's subscript m in quality^_imt is ambiguous):
///
/// - Distance   = F − q           (eq. (22); ≥ 0, 0 at the frontier),
/// - Distance_1 = F / q           (ratio, Bourlès et al. 2013; ≥ 1),
/// - Distance_2 = (F − q) / F     (relative gap, Aghion et al. 2005; in [0, 1)).
///
/// Rows with an undefined quality are left out of the frontier and get NaN. The ratios need
/// q > 0 and F > 0: a row whose q ≤ 0 gets NaN ratios (counted in `nonPositiveRows`) instead of
/// a sign-flipped or infinite value.
public struct FrontierDistances: Sendable {
    /// F per row.
    public let frontier: [Double]
    public let distance: [Double]
    public let ratio: [Double]
    public let relativeGap: [Double]
    /// Rows whose ratio distances are undefined because q ≤ 0 (or F ≤ 0).
    public let nonPositiveRows: Int

    /// Distances of `quality` to the maximum within each group of `groups` (group −1: NaN).
    public init(quality: [Double], groups: GroupIndex) {
        var maximum = [Double](repeating: -.infinity, count: groups.groupCount)
        for (row, value) in quality.enumerated() where value.isFinite && groups.groupOfRow[row] >= 0 {
            let group = Int(groups.groupOfRow[row])
            maximum[group] = max(maximum[group], value)
        }
        var frontier = [Double](repeating: .nan, count: quality.count)
        var distance = frontier, ratio = frontier, gap = frontier, nonPositive = 0
        for (row, value) in quality.enumerated() where value.isFinite && groups.groupOfRow[row] >= 0 {
            let top = maximum[Int(groups.groupOfRow[row])]
            frontier[row] = top
            distance[row] = top - value
            if value > 0 && top > 0 {
                ratio[row] = top / value
                gap[row] = (top - value) / top
            } else {
                nonPositive += 1
            }
        }
        self.frontier = frontier
        self.distance = distance
        self.ratio = ratio
        self.relativeGap = gap
        self.nonPositiveRows = nonPositive
    }

    /// Distances of the column `quality` to the frontier by `industry` × `year` (× `destination` when
    /// `byDestination`), appended to `dataset` as `frontier`, `distance`, `distance_1`, `distance_2`.
    public static func adding(to dataset: Dataset, quality: String = "ksw_quality_std", columns: QualityColumnNames = .init(),
                              byDestination: Bool = false) throws -> Dataset {
        let groups = try dataset.groupIndex(by: [columns.industry, columns.year] + (byDestination ? [columns.destination] : []))
        let values = try dataset.doubles(quality), column = try dataset.column(named: quality)
        let masked = values.enumerated().map { column.isMissing($0.offset) ? Double.nan : $0.element }
        let result = FrontierDistances(quality: masked, groups: groups)
        var output = dataset
        for (name, values) in [("frontier", result.frontier), ("distance", result.distance),
                               ("distance_1", result.ratio), ("distance_2", result.relativeGap)] {
            try output.add(KSWQualityResult.column(name, values))
        }
        return output
    }
}
