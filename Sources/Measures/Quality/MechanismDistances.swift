import Foundation
import PanelData

/// The mechanism variables of paper 004's Tables 8–9 built from a firm-year attribute on every record
/// (notes §3.8). Frontiers are maxima over the records of the same industry × year (the same as over
/// its firm-years, since the attribute is constant within a firm-year):
///
/// - Dist^{CIC_CN}_TFP = TFP^Front_jt / TFP_ijt = exp(max tfp − tfp) for log TFP (Table 8 (2): ratio of
///   TFP levels, ≥ 1), and Dist^{US_CN}_TFP = exp(ln TFP^US_jt − tfp) against an external frontier column
///   (Table 8 (3));
/// - Dist_knowledge = max P_knowledge − P_knowledge (Table 9 (2); the paper gives no formula: hetfirm uses the
///   difference, as for Distance, since breadth is already in [0, 1));
/// - Variety_it = the number of distinct products firm i exports in year t (records in the panel), and
///   Dist_variety = 1 − Variety/max Variety (Table 9 (4); the paper gives no formula: the relative gap
///   keeps it in [0, 1) whatever the ladder length).
///
/// Rows with a missing or non-finite input get NaN (missing).
public enum MechanismDistances {
    /// Variety_it of every record: distinct `product` codes among the rows of its firm-year.
    public static func exportVariety(_ dataset: Dataset, columns: QualityColumnNames = .init()) throws -> [Double] {
        let firmYears = try dataset.groupIndex(by: [columns.firm, columns.year])
        let products = try dataset.ints(columns.product)
        var seen = Array(repeating: Set<Int>(), count: firmYears.groupCount)
        for row in 0..<dataset.rowCount where firmYears.groupOfRow[row] >= 0 {
            seen[Int(firmYears.groupOfRow[row])].insert(products[row])
        }
        return (0..<dataset.rowCount).map { row in
            firmYears.groupOfRow[row] >= 0 ? Double(seen[Int(firmYears.groupOfRow[row])].count) : .nan
        }
    }

    /// The group maximum of `values` on every row (NaN where the row's value is undefined).
    public static func groupMaximum(_ values: [Double], groups: GroupIndex) -> [Double] {
        var maximum = [Double](repeating: -.infinity, count: groups.groupCount)
        for (row, value) in values.enumerated() where value.isFinite && groups.groupOfRow[row] >= 0 {
            maximum[Int(groups.groupOfRow[row])] = max(maximum[Int(groups.groupOfRow[row])], value)
        }
        return values.enumerated().map { row, value in
            value.isFinite && groups.groupOfRow[row] >= 0 ? maximum[Int(groups.groupOfRow[row])] : .nan
        }
    }

    /// Appends, from the firm-year columns `tfp` (log TFP), `externalFrontier` (log TFP of the external
    /// frontier), `breadth` and `variety` (or, when `variety` is nil, the `variety` counted from the records):
    /// `PREFIXtfp_distance_cn`, `PREFIXtfp_distance_us`, `PREFIXknowledge_distance`, `PREFIXvariety_distance`
    /// (and `variety` itself when counted).
    public static func adding(to dataset: Dataset, tfp: String = "tfp", externalFrontier: String = "tfp_external_frontier",
                              breadth: String = "knowledge_breadth", variety: String? = nil, prefix: String = "",
                              columns: QualityColumnNames = .init()) throws -> Dataset {
        var output = dataset
        let groups = try dataset.groupIndex(by: [columns.industry, columns.year])
        let varietyValues: [Double]
        if let variety {
            varietyValues = try present(dataset, variety)
        } else {
            varietyValues = try exportVariety(dataset, columns: columns)
            try output.add(KSWQualityResult.column("variety", varietyValues))
        }
        let logTfp = try present(dataset, tfp), external = try present(dataset, externalFrontier)
        let tfpFrontier = groupMaximum(logTfp, groups: groups)
        let breadthValues = try present(dataset, breadth), breadthFrontier = groupMaximum(breadthValues, groups: groups)
        let varietyFrontier = groupMaximum(varietyValues, groups: groups)
        let built: [(String, [Double])] = [
            ("tfp_distance_cn", zip(tfpFrontier, logTfp).map { exp($0 - $1) }),
            ("tfp_distance_us", zip(external, logTfp).map { exp($0 - $1) }),
            ("knowledge_distance", zip(breadthFrontier, breadthValues).map { $0 - $1 }),
            ("variety_distance", zip(varietyFrontier, varietyValues).map { $0 > 0 ? 1 - $1 / $0 : .nan }),
        ]
        for (name, values) in built { try output.add(KSWQualityResult.column(prefix + name, values)) }
        return output
    }

    /// The column's values with missing entries as NaN.
    static func present(_ data: Dataset, _ name: String) throws -> [Double] {
        let values = try data.doubles(name), column = try data.column(named: name)
        return values.enumerated().map { column.isMissing($0.offset) ? .nan : $0.element }
    }
}
