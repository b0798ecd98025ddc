/// The long table that export sophistication is computed from: one row per (region i, product h,
/// period t) with exports e_iht (paper 000, §3.1; paper 001, §3.2.2, where products are industries k).
///
/// Regions, products and periods are integer codes `0..<regionCount`, `0..<productCount` and
/// `0..<timeCount` (labels are the caller's business: a simulator has codes already, the CLI keeps
/// the file's text ids). Rows may come in any order; a (region, product, period) may appear once.
/// A cell that is absent and a row with exports 0 mean the same thing; a region-period with no rows
/// is simply not in the sample that period (an unbalanced panel is fine).
public struct RegionalExports: Sendable, Equatable {
    /// Number of regions; codes are `0..<regionCount`.
    public var regionCount: Int
    /// Number of products (or industries); codes are `0..<productCount`.
    public var productCount: Int
    /// Number of periods; codes are `0..<timeCount`.
    public var timeCount: Int
    /// The region code of each row.
    public var region: [Int]
    /// The product code of each row.
    public var product: [Int]
    /// The period code of each row.
    public var time: [Int]
    /// e_iht: exports of the row's product by its region in its period (finite and ≥ 0).
    public var exports: [Double]

    public init(regionCount: Int, productCount: Int, timeCount: Int,
                region: [Int], product: [Int], time: [Int], exports: [Double]) {
        self.regionCount = regionCount
        self.productCount = productCount
        self.timeCount = timeCount
        self.region = region
        self.product = product
        self.time = time
        self.exports = exports
    }

    /// Number of rows.
    public var rowCount: Int { exports.count }
}

/// PGDP_it, GDP per capita of region i in period t, as a long table with one row per region-period
/// (codes as in ``RegionalExports``). Region-periods without exports may be listed; they are not used.
public struct RegionalIncome: Sendable, Equatable {
    /// The region code of each row.
    public var region: [Int]
    /// The period code of each row.
    public var time: [Int]
    /// PGDP_it (finite and > 0).
    public var gdpPerCapita: [Double]

    public init(region: [Int], time: [Int], gdpPerCapita: [Double]) {
        self.region = region
        self.time = time
        self.gdpPerCapita = gdpPerCapita
    }

    /// A dense regions × periods table, `values[time * regionCount + region]`, as a simulator holds it
    /// (every region-period listed; a NaN entry is an invalid value if that region-period exports).
    public init(regionCount: Int, timeCount: Int, values: [Double]) {
        var region: [Int] = [], time: [Int] = []
        region.reserveCapacity(regionCount * timeCount)
        time.reserveCapacity(regionCount * timeCount)
        for period in 0..<max(timeCount, 0) {
            for unit in 0..<max(regionCount, 0) {
                region.append(unit)
                time.append(period)
            }
        }
        self.init(region: region, time: time, gdpPerCapita: values)
    }

    /// Number of rows.
    public var rowCount: Int { gdpPerCapita.count }
}
