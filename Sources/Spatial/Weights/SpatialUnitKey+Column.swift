import PanelData

extension SpatialUnitKey {
    /// The canonical key of every row of a data column (ints, doubles or factor labels), for
    /// matching the data's id column with W's units; nil at a missing row.
    public static func keys(of column: Column) -> [String?] {
        switch column.storage {
        case .int(let values):
            return values.indices.map { column.isMissing($0) ? nil : canonical(values[$0]) }
        case .double(let values):
            return values.indices.map { column.isMissing($0) || !values[$0].isFinite ? nil : canonical(values[$0]) }
        case .factor(let codes, let labels):
            let labelKeys = labels.map { canonical($0) }
            return codes.indices.map { row in
                let code = Int(codes[row])
                return column.isMissing(row) || code < 0 || code >= labelKeys.count ? nil : labelKeys[code]
            }
        }
    }
}
