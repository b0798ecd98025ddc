import Estimation
import PanelData

/// KSW quality of every row of the input panel: an immutable value.
public struct KSWQualityResult: Sendable {
    /// quality_ijmt = ε̂_ijmt/(σ_j − 1), notes eq. (21); NaN where undefined (non-positive price or
    /// quantity, a cell with a single usable record, or a product without a regression).
    public let quality: [Double]
    /// offset + min–max standardized quality within product (`KSWQualityOptions.positiveOffset`);
    /// `nil` when not requested.
    public let positiveQuality: [Double]?
    /// σ_j used for each product code.
    public let elasticities: [Int: Double]
    /// The demand regressions, when σ was estimated (one pooled, or one per product in code order).
    public let regressions: [RegressionResult]
    /// Rows whose quality is undefined.
    public let undefinedRows: Int

    /// `dataset` with `ksw_quality` (and `ksw_quality_std`) appended; undefined rows are missing.
    public func adding(to dataset: Dataset, qualityName: String = "ksw_quality",
                       standardizedName: String = "ksw_quality_std") throws -> Dataset {
        var result = dataset
        try result.add(Self.column(qualityName, quality))
        if let positiveQuality { try result.add(Self.column(standardizedName, positiveQuality)) }
        return result
    }

    static func column(_ name: String, _ values: [Double]) -> Column {
        let missing = values.map { !$0.isFinite }
        return .double(name, values, missing: missing.contains(true) ? missing : nil)
    }
}
