/// Export sophistication at the regional level: the PRODY/EXPY method of Hausmann, Hwang and Rodrik
/// (2007) with regions in the role of countries, as paper 000 (§3.1, eqs. 12–13) and paper 001
/// (§3.2.2, eqs. 4–5, over industries k) apply it. Model-neutral: arrays in, arrays out.
///
/// With s_iht = e_iht / E_it the share of product h in region i's exports in period t
/// (E_it = Σ_h e_iht):
///
///     RTV_ht = Σ_i [ s_iht / Σ_j s_jht ] × PGDP_it        (12)  — PRODY: a weighted mean of PGDP
///     MET_it = Σ_h s_iht × RTV_ht                           (13)  — EXPY
///
/// Paper 001's TSI is ln MET_it. A group-specific TSI (its factor-intensity groups) is this
/// computation on the rows of the group's products, so shares and RTV are within the group.
///
/// Conventions and rules (docs/estimators/export-sophistication.md):
/// - The sums over i run over the regions with rows in period t; a missing row is an export of 0.
/// - Exports must be finite and ≥ 0; a (region, product, period) appears once.
/// - A region-period with rows must have E_it > 0 and a PGDP_it that is finite and > 0.
/// - A product-period with rows but Σ_i e_iht = 0 has no RTV (0/0): excluded (it weighs 0 in every
///   MET) and listed, or an error, by ``ExportSophisticationOptions/UnexportedProducts``.
///
/// Cost: two passes over the rows plus a counting sort by product-period for the duplicate check,
/// O(rows + (regions + products) × periods) time and memory.
public enum ExportSophistication {
    /// Computes RTV_ht and MET_it.
    ///
    /// - Throws: ``SophisticationError``, the first problem found, checked in this order: counts and
    ///   lengths; exports rows (codes, values) in row order; GDP-per-capita rows (codes, values,
    ///   repeats) in row order; repeated exports rows; region-periods (E_it = 0, no PGDP) in order
    ///   of their first row; product-periods exported by nobody (when rejected).
    public static func compute(exports: RegionalExports, income: RegionalIncome,
                               options: ExportSophisticationOptions = .init()) throws(SophisticationError)
        -> ExportSophisticationResult {
        let regions = exports.regionCount, products = exports.productCount, periods = exports.timeCount
        for (name, value) in [("regions", regions), ("products", products), ("periods", periods)] where value < 0 {
            throw .invalidCount(name: name, value: value)
        }
        let rows = exports.rowCount
        for (name, count) in [("region", exports.region.count), ("product", exports.product.count), ("time", exports.time.count)]
        where count != rows {
            throw .lengthMismatch(table: .exports, column: name, expected: rows, found: count)
        }
        for (name, count) in [("region", income.region.count), ("time", income.time.count)] where count != income.rowCount {
            throw .lengthMismatch(table: .gdpPerCapita, column: name, expected: income.rowCount, found: count)
        }

        // Pass 1 over the exports: codes, values, E_it, the first row of each region- and product-period.
        let regionCells = regions * periods, productCells = products * periods
        var total = [Double](repeating: 0, count: regionCells)
        var firstRegionRow = [Int](repeating: -1, count: regionCells)
        var cellRowCount = [Int](repeating: 0, count: productCells + 1)
        for row in 0..<rows {
            let region = exports.region[row], product = exports.product[row], time = exports.time[row]
            try checkCode(.exports, row, "region", region, regions)
            try checkCode(.exports, row, "product", product, products)
            try checkCode(.exports, row, "time", time, periods)
            let value = exports.exports[row]
            guard value.isFinite, value >= 0 else {
                throw .invalidExports(row: row, region: region, product: product, time: time, value: value)
            }
            let cell = time * regions + region
            total[cell] += value
            if firstRegionRow[cell] < 0 { firstRegionRow[cell] = row }
            cellRowCount[time * products + product + 1] += 1
        }

        // GDP per capita: codes, values and one row per region-period.
        var gdp = [Double](repeating: .nan, count: regionCells)
        var gdpRow = [Int](repeating: -1, count: regionCells)
        for row in 0..<income.rowCount {
            let region = income.region[row], time = income.time[row]
            try checkCode(.gdpPerCapita, row, "region", region, regions)
            try checkCode(.gdpPerCapita, row, "time", time, periods)
            let cell = time * regions + region
            if gdpRow[cell] >= 0 {
                throw .duplicateGDPPerCapita(row: row, firstRow: gdpRow[cell], region: region, time: time)
            }
            let value = income.gdpPerCapita[row]
            guard value.isFinite, value > 0 else {
                throw .invalidGDPPerCapita(row: row, region: region, time: time, value: value)
            }
            gdpRow[cell] = row
            gdp[cell] = value
        }

        try checkDuplicates(exports, rowsBefore: &cellRowCount)
        let cellStart = cellRowCount  // now the start offsets of the product-periods (size productCells + 1)

        // Region-periods in order of their first row.
        var present = (0..<regionCells).filter { firstRegionRow[$0] >= 0 }
        present.sort { firstRegionRow[$0] < firstRegionRow[$1] }
        for cell in present {
            let region = cell % max(regions, 1), time = cell / max(regions, 1)
            if total[cell] == 0 { throw .zeroTotalExports(region: region, time: time, firstRow: firstRegionRow[cell]) }
            if gdpRow[cell] < 0 { throw .missingGDPPerCapita(region: region, time: time, firstRow: firstRegionRow[cell]) }
        }

        // Pass 2: Σ_i s_iht and Σ_i s_iht PGDP_it per product-period (eq. 12).
        var shareSum = [Double](repeating: 0, count: productCells)
        var weightedIncome = [Double](repeating: 0, count: productCells)
        var productExports = [Double](repeating: 0, count: productCells)
        var exportingRegions = [Int](repeating: 0, count: productCells)
        var firstProductRow = [Int](repeating: -1, count: productCells)
        for row in 0..<rows {
            let time = exports.time[row], cell = time * products + exports.product[row]
            if firstProductRow[cell] < 0 { firstProductRow[cell] = row }
            let value = exports.exports[row]
            guard value > 0 else { continue }
            let regionCell = time * regions + exports.region[row]
            let share = value / total[regionCell]
            shareSum[cell] += share
            weightedIncome[cell] += share * gdp[regionCell]
            productExports[cell] += value
            exportingRegions[cell] += 1
        }
        var rtv = [Double](repeating: .nan, count: productCells)
        var unexported: [ExportSophisticationResult.ProductPeriod] = []
        for cell in 0..<productCells where cellStart[cell + 1] > cellStart[cell] {
            if shareSum[cell] > 0 {
                rtv[cell] = weightedIncome[cell] / shareSum[cell]
            } else {
                unexported.append(.init(product: cell % max(products, 1), time: cell / max(products, 1),
                                        firstRow: firstProductRow[cell]))
            }
        }
        unexported.sort { $0.firstRow < $1.firstRow }
        if options.unexportedProducts == .reject, let first = unexported.first {
            throw .unexportedProduct(product: first.product, time: first.time, firstRow: first.firstRow)
        }

        // Pass 3: MET_it = Σ_h s_iht RTV_ht (eq. 13); products with s_iht = 0 add nothing (and may have no RTV).
        var met = [Double](repeating: .nan, count: regionCells)
        for cell in present { met[cell] = 0 }
        for row in 0..<rows {
            let value = exports.exports[row]
            guard value > 0 else { continue }
            let time = exports.time[row], regionCell = time * regions + exports.region[row]
            met[regionCell] += value / total[regionCell] * rtv[time * products + exports.product[row]]
        }
        var totals = [Double](repeating: .nan, count: regionCells), incomes = totals
        for cell in present {
            totals[cell] = total[cell]
            incomes[cell] = gdp[cell]
        }
        return ExportSophisticationResult(
            regionCount: regions, productCount: products, timeCount: periods,
            regionSophistication: met, totalExports: totals, gdpPerCapita: incomes,
            productSophistication: rtv, productExports: productExports, exportingRegions: exportingRegions,
            unexportedProducts: unexported)
    }

    static func checkCode(_ table: SophisticationError.Table, _ row: Int, _ column: String, _ value: Int,
                          _ count: Int) throws(SophisticationError) {
        guard value >= 0, value < count else {
            throw .codeOutOfRange(table: table, row: row, column: column, value: value, count: count)
        }
    }

    /// Sorts the rows by product-period (a stable counting sort) and checks that no region appears twice
    /// in one; throws for the repeated row with the smallest row number. On entry `rowsBefore[cell + 1]`
    /// holds the number of rows of `cell`; on return `rowsBefore[cell]` is where `cell` starts.
    static func checkDuplicates(_ exports: RegionalExports, rowsBefore: inout [Int]) throws(SophisticationError) {
        let products = exports.productCount
        for cell in 0..<(rowsBefore.count - 1) { rowsBefore[cell + 1] += rowsBefore[cell] }
        var next = rowsBefore
        var order = [Int](repeating: 0, count: exports.rowCount)
        for row in 0..<exports.rowCount {
            let cell = exports.time[row] * products + exports.product[row]
            order[next[cell]] = row
            next[cell] += 1
        }
        // lastCell[region]: the last product-period in which the region was seen, and its row there.
        var lastCell = [Int](repeating: -1, count: exports.regionCount)
        var rowInCell = [Int](repeating: -1, count: exports.regionCount)
        var repeated: (row: Int, firstRow: Int)?
        for cell in 0..<(rowsBefore.count - 1) {
            for position in rowsBefore[cell]..<rowsBefore[cell + 1] {
                let row = order[position], region = exports.region[row]
                if lastCell[region] == cell {
                    if repeated == nil || row < repeated!.row { repeated = (row, rowInCell[region]) }
                } else {
                    lastCell[region] = cell
                    rowInCell[region] = row
                }
            }
        }
        if let repeated {
            let row = repeated.row
            throw .duplicateExports(row: row, firstRow: repeated.firstRow, region: exports.region[row],
                                    product: exports.product[row], time: exports.time[row])
        }
    }
}
