import PanelData

/// Output buffers of `SpilloverMeasures.construct`: one array per Double column with its
/// missing mask, and one array per Int column, all indexed by sample row.
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

    var doubles: [[Double]]
    var absent: [[Bool]]
    var ints: [[Int]]

    init(rowCount: Int) {
        doubles = DoubleColumn.allCases.map { _ in [Double](repeating: .nan, count: rowCount) }
        absent = DoubleColumn.allCases.map { _ in [Bool](repeating: true, count: rowCount) }
        ints = IntColumn.allCases.map { _ in [Int](repeating: 0, count: rowCount) }
    }

    /// Stores `value` at `row`; `nil` (or a non-finite value) is recorded as missing.
    @inline(__always)
    mutating func set(_ column: DoubleColumn, _ row: Int, _ value: Double?) {
        guard let value, value.isFinite else { return }
        doubles[column.rawValue][row] = value
        absent[column.rawValue][row] = false
    }

    @inline(__always)
    mutating func set(_ column: IntColumn, _ row: Int, _ value: Int) {
        ints[column.rawValue][row] = value
    }

    /// The product of two columns, missing where either factor is.
    mutating func setProduct(_ product: DoubleColumn, of left: DoubleColumn, _ right: DoubleColumn) {
        for row in doubles[product.rawValue].indices
        where !absent[left.rawValue][row] && !absent[right.rawValue][row] {
            doubles[product.rawValue][row] = doubles[left.rawValue][row] * doubles[right.rawValue][row]
            absent[product.rawValue][row] = false
        }
    }

    /// The dataset, moving the buffers out.
    consuming func dataset() throws -> Dataset {
        var columns = [Column]()
        for column in DoubleColumn.allCases {
            columns.append(.double(column.name, doubles[column.rawValue], missing: absent[column.rawValue]))
            doubles[column.rawValue] = []
            absent[column.rawValue] = []
        }
        for column in IntColumn.allCases {
            columns.append(.int(column.name, ints[column.rawValue]))
            ints[column.rawValue] = []
        }
        return try Dataset(columns: columns)
    }
}
