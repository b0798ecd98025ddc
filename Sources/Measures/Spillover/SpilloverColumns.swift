import PanelData

/// Output buffers of `SpilloverMeasures.construct`: one buffer per Double column with its
/// missing mask, and one per Int column, all indexed by sample row.
struct SpilloverColumns {
    /// The Double columns, in output order.
    enum DoubleColumn: Int, CaseIterable {
        case dlnaffiliate, lndensity, dlnnear, lnnearDensity, dlnnearProv, lnprovDensity
        case dlnaffiliate1, lndensity1
        case dlnaffiliateXLndensity, dlnnearXLnnearDensity, dlnnearProvXLnprovDensity, dlnaffiliate1XLndensity1
        case lnexp, lnexpOther, newDummy, expDummy, num, lnexport, lnsupply, pooledSignal, nSignals

        var name: String {
            switch self {
            case .dlnaffiliate: return "dlnaffiliate"
            case .lndensity: return "lndensity"
            case .dlnnear: return "dlnnear"
            case .lnnearDensity: return "lnnear_density"
            case .dlnnearProv: return "dlnnear_prov"
            case .lnprovDensity: return "lnprov_density"
            case .dlnaffiliate1: return "dlnaffiliate1"
            case .lndensity1: return "lndensity1"
            case .dlnaffiliateXLndensity: return "dlnaffiliate_x_lndensity"
            case .dlnnearXLnnearDensity: return "dlnnear_x_lnnear_density"
            case .dlnnearProvXLnprovDensity: return "dlnnear_prov_x_lnprov_density"
            case .dlnaffiliate1XLndensity1: return "dlnaffiliate1_x_lndensity1"
            case .lnexp: return "lnexp"
            case .lnexpOther: return "lnexp_other"
            case .newDummy: return "new_dummy"
            case .expDummy: return "exp_dummy"
            case .num: return "num"
            case .lnexport: return "lnexport"
            case .lnsupply: return "lnsupply"
            case .pooledSignal: return "pooled_signal"
            case .nSignals: return "n_signals"
            }
        }
    }

    /// The Int columns, in output order (after the Double columns).
    enum IntColumn: Int, CaseIterable {
        case plant, firm, city, dest, year, incomeGroup, it, mt, cm, singlePlantDest, multiPlantProvince

        var name: String {
            switch self {
            case .plant: return "plant"
            case .firm: return "firm"
            case .city: return "city"
            case .dest: return "dest"
            case .year: return "year"
            case .incomeGroup: return "income_group"
            case .it: return "it"
            case .mt: return "mt"
            case .cm: return "cm"
            case .singlePlantDest: return "single_plant_dest"
            case .multiPlantProvince: return "multi_plant_province"
            }
        }
    }

    let rowCount: Int
    /// One manually allocated buffer per column, so the row loop writes without
    /// copy-on-write checks; `dataset()` moves each into an array and frees it.
    private let doubles: [UnsafeMutablePointer<Double>]
    private let absent: [UnsafeMutablePointer<Bool>]
    private let ints: [UnsafeMutablePointer<Int>]

    init(rowCount: Int) {
        self.rowCount = rowCount
        doubles = DoubleColumn.allCases.map { _ in
            let buffer = UnsafeMutablePointer<Double>.allocate(capacity: rowCount)
            buffer.initialize(repeating: .nan, count: rowCount)
            return buffer
        }
        absent = DoubleColumn.allCases.map { _ in
            let buffer = UnsafeMutablePointer<Bool>.allocate(capacity: rowCount)
            buffer.initialize(repeating: true, count: rowCount)
            return buffer
        }
        ints = IntColumn.allCases.map { _ in
            let buffer = UnsafeMutablePointer<Int>.allocate(capacity: rowCount)
            buffer.initialize(repeating: 0, count: rowCount)
            return buffer
        }
    }

    /// Stores `value` at `row` (which must be in `0..<rowCount`); `nil` (or a non-finite
    /// value) is recorded as missing.
    @inline(__always)
    func set(_ column: DoubleColumn, _ row: Int, _ value: Double?) {
        guard let value, value.isFinite else { return }
        doubles[column.rawValue][row] = value
        absent[column.rawValue][row] = false
    }

    @inline(__always)
    func set(_ column: IntColumn, _ row: Int, _ value: Int) {
        ints[column.rawValue][row] = value
    }

    /// The product of two columns, missing where either factor is.
    func setProduct(_ product: DoubleColumn, of left: DoubleColumn, _ right: DoubleColumn) {
        let (l, r) = (doubles[left.rawValue], doubles[right.rawValue])
        let (lAbsent, rAbsent) = (absent[left.rawValue], absent[right.rawValue])
        for row in 0..<rowCount where !lAbsent[row] && !rAbsent[row] {
            doubles[product.rawValue][row] = l[row] * r[row]
            absent[product.rawValue][row] = false
        }
    }

    /// The dataset; frees the buffers, so it must be called exactly once.
    func dataset() throws -> Dataset {
        var columns = [Column]()
        for column in DoubleColumn.allCases {
            let values = Array(UnsafeBufferPointer(start: doubles[column.rawValue], count: rowCount))
            let missing = Array(UnsafeBufferPointer(start: absent[column.rawValue], count: rowCount))
            doubles[column.rawValue].deallocate()
            absent[column.rawValue].deallocate()
            columns.append(.double(column.name, values, missing: missing))
        }
        for column in IntColumn.allCases {
            let values = Array(UnsafeBufferPointer(start: ints[column.rawValue], count: rowCount))
            ints[column.rawValue].deallocate()
            columns.append(.int(column.name, values))
        }
        return try Dataset(columns: columns)
    }
}
