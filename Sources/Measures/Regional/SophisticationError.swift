/// Why export sophistication (RTV/PRODY, MET/EXPY) could not be computed. Every case names where:
/// rows are 0-based rows of the table concerned, regions, products and periods are codes (the CLI
/// turns both into file lines and the file's ids).
public enum SophisticationError: Error, Equatable, Sendable {
    /// The two input tables of ``ExportSophistication``.
    public enum Table: String, Sendable, Equatable {
        /// ``RegionalExports``.
        case exports
        /// ``RegionalIncome``.
        case gdpPerCapita = "GDP per capita"
    }

    /// A count (regions, products, periods) is negative.
    case invalidCount(name: String, value: Int)
    /// A column of a table has another length than its `exports` (or `gdpPerCapita`) column.
    case lengthMismatch(table: Table, column: String, expected: Int, found: Int)
    /// A code lies outside `0..<count`.
    case codeOutOfRange(table: Table, row: Int, column: String, value: Int, count: Int)
    /// e_iht is negative, NaN or infinite.
    case invalidExports(row: Int, region: Int, product: Int, time: Int, value: Double)
    /// A (region, product, period) has a second row.
    case duplicateExports(row: Int, firstRow: Int, region: Int, product: Int, time: Int)
    /// PGDP_it is ≤ 0, NaN or infinite.
    case invalidGDPPerCapita(row: Int, region: Int, time: Int, value: Double)
    /// A region-period has a second GDP-per-capita row.
    case duplicateGDPPerCapita(row: Int, firstRow: Int, region: Int, time: Int)
    /// E_it = Σ_h e_iht = 0 for a region-period that has rows: its shares e_iht/E_it, hence MET_it, are undefined.
    /// `firstRow` is its first row in the exports table.
    case zeroTotalExports(region: Int, time: Int, firstRow: Int)
    /// A region-period with exports has no PGDP_it. `firstRow` is its first row in the exports table.
    case missingGDPPerCapita(region: Int, time: Int, firstRow: Int)
    /// Every region's exports of a product in a period are 0 (with ``ExportSophisticationOptions/UnexportedProducts/reject``).
    /// `firstRow` is the product-period's first row in the exports table.
    case unexportedProduct(product: Int, time: Int, firstRow: Int)
}

extension SophisticationError: CustomStringConvertible {
    /// A one-line message with the table, 0-based row and codes.
    public var description: String {
        switch self {
        case let .invalidCount(name, value):
            return "the number of \(name) is \(value); it must be ≥ 0"
        case let .lengthMismatch(table, column, expected, found):
            return "\(table.rawValue) table: column '\(column)' has \(found) values, expected \(expected)"
        case let .codeOutOfRange(table, row, column, value, count):
            return "\(table.rawValue) table, row \(row): \(column) code \(value) is outside 0..<\(count)"
        case let .invalidExports(row, region, product, time, value):
            return "exports table, row \(row) (region \(region), product \(product), period \(time)): exports \(value) "
                + "must be finite and ≥ 0"
        case let .duplicateExports(row, firstRow, region, product, time):
            return "exports table, row \(row): region \(region), product \(product), period \(time) already has row \(firstRow)"
        case let .invalidGDPPerCapita(row, region, time, value):
            return "GDP per capita table, row \(row) (region \(region), period \(time)): GDP per capita \(value) must be finite and > 0"
        case let .duplicateGDPPerCapita(row, firstRow, region, time):
            return "GDP per capita table, row \(row): region \(region), period \(time) already has row \(firstRow)"
        case let .zeroTotalExports(region, time, firstRow):
            return "region \(region) exports nothing in period \(time) (first row \(firstRow)): its total E_it is 0, "
                + "so its export shares and MET are undefined"
        case let .missingGDPPerCapita(region, time, firstRow):
            return "region \(region) has exports in period \(time) (first row \(firstRow)) but no GDP per capita"
        case let .unexportedProduct(product, time, firstRow):
            return "product \(product) is exported by no region in period \(time) (first row \(firstRow)): its RTV (PRODY) is undefined"
        }
    }
}
