/// The file formats of spatial weight matrices hetfirm reads and writes.
public enum SpatialWeightsFormat: String, Sendable, CaseIterable {
    /// PySAL/GeoDa GAL: header `n` (or `0 n shapefile key`), then per unit a line `id count` and a
    /// line of its `count` neighbour ids. Binary: every listed neighbour has weight 1.
    case gal
    /// PySAL/GeoDa GWT: header `0 n shapefile key` (or `n`), then one `from to weight` line per weight.
    case gwt
    /// A dense matrix in CSV: a header row of unit ids, one row per unit (optionally led by its id).
    case csv
    /// An edge list in CSV: a header row, then `from,to[,weight]` rows (weight 1 when the column is absent).
    case edges

    /// The format a path's extension names (`.gal`, `.gwt`); nil for CSV files, whose content decides
    /// (see ``SpatialWeightsReader/read(bytes:fileName:format:delimiter:limits:)``).
    public static func fromExtension(of path: String) -> SpatialWeightsFormat? {
        let lower = path.lowercased()
        if lower.hasSuffix(".gal") { return .gal }
        if lower.hasSuffix(".gwt") { return .gwt }
        return nil
    }
}
