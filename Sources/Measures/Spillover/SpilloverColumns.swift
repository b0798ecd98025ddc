import Numerical
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
    /// One pointer per column into the column's final array (see `build`), so the row loop writes
    /// without copy-on-write checks and no column is copied afterwards.
    private let doubles: [UnsafeMutablePointer<Double>]
    private let absent: [UnsafeMutablePointer<Bool>]
    /// `nil` for a column given to `build` (its `set` does nothing).
    private let ints: [UnsafeMutablePointer<Int>?]

    /// Runs `fill` on buffers of `rowCount` rows and returns the dataset. `fill` must set every column
    /// of every row exactly as it means it (a missing value through `set(_:_:_:)` with `nil`), since
    /// the buffers start uninitialized; the pointers are valid only while `fill` runs. The Int columns
    /// in `given` are taken as they are, not written.
    static func build(rowCount: Int, given: [IntColumn: [Int]] = [:], _ fill: (SpilloverColumns) -> Void) throws -> Dataset {
        let written = IntColumn.allCases.filter { given[$0] == nil }
        var masks = [[Bool]](), integers = [[Int]]()
        let values = ColumnBuffers.build(DoubleColumn.allCases.count, length: rowCount) { (doubles: [UnsafeMutablePointer<Double>]) in
            masks = ColumnBuffers.build(DoubleColumn.allCases.count, length: rowCount) { (absent: [UnsafeMutablePointer<Bool>]) in
                integers = ColumnBuffers.build(written.count, length: rowCount) { (buffers: [UnsafeMutablePointer<Int>]) in
                    var ints = [UnsafeMutablePointer<Int>?](repeating: nil, count: IntColumn.allCases.count)
                    for (index, column) in written.enumerated() { ints[column.rawValue] = buffers[index] }
                    fill(SpilloverColumns(rowCount: rowCount, doubles: doubles, absent: absent, ints: ints))
                }
            }
        }
        var columns = [Column]()
        for column in DoubleColumn.allCases {
            columns.append(.double(column.name, values[column.rawValue], missing: masks[column.rawValue]))
        }
        var writtenValues = integers.makeIterator()
        for column in IntColumn.allCases {
            columns.append(.int(column.name, given[column] ?? writtenValues.next()!))
        }
        return try Dataset(columns: columns)
    }

    private init(rowCount: Int, doubles: [UnsafeMutablePointer<Double>], absent: [UnsafeMutablePointer<Bool>],
                 ints: [UnsafeMutablePointer<Int>?]) {
        self.rowCount = rowCount
        self.doubles = doubles
        self.absent = absent
        self.ints = ints
    }

    /// Stores `value` at `row` (which must be in `0..<rowCount`); `nil` (or a non-finite
    /// value) is recorded as missing, with NaN as the placeholder value.
    @inline(__always)
    func set(_ column: DoubleColumn, _ row: Int, _ value: Double?) {
        if let value, value.isFinite {
            doubles[column.rawValue][row] = value
            absent[column.rawValue][row] = false
        } else {
            doubles[column.rawValue][row] = .nan
            absent[column.rawValue][row] = true
        }
    }

    @inline(__always)
    func set(_ column: IntColumn, _ row: Int, _ value: Int) {
        ints[column.rawValue]?[row] = value
    }

    /// The product of two columns at every row, missing where either factor is.
    func setProduct(_ product: DoubleColumn, of left: DoubleColumn, _ right: DoubleColumn) {
        let (l, r) = (doubles[left.rawValue], doubles[right.rawValue])
        let (lAbsent, rAbsent) = (absent[left.rawValue], absent[right.rawValue])
        let (out, outAbsent) = (doubles[product.rawValue], absent[product.rawValue])
        for row in 0..<rowCount {
            if !lAbsent[row] && !rAbsent[row] {
                out[row] = l[row] * r[row]
                outAbsent[row] = false
            } else {
                out[row] = .nan
                outAbsent[row] = true
            }
        }
    }
}
