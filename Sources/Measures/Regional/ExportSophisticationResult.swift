/// RTV_ht (PRODY) and MET_it (EXPY) with what they were computed from; see ``ExportSophistication``.
///
/// Region-period arrays are indexed `time * regionCount + region`, product-period arrays
/// `time * productCount + product`. NaN marks an undefined value: a region-period or product-period
/// without rows, or a product-period exported by nobody (``unexportedProducts``).
public struct ExportSophisticationResult: Sendable, Equatable {
    /// A product-period whose exports are zero in every region: RTV undefined, excluded.
    public struct ProductPeriod: Sendable, Equatable, Hashable {
        public let product: Int
        public let time: Int
        /// Its first row in the exports table.
        public let firstRow: Int
    }

    public let regionCount: Int
    public let productCount: Int
    public let timeCount: Int
    /// MET_it = Σ_h (e_iht/E_it) RTV_ht (eq. 13); NaN where region i has no rows in t.
    public let regionSophistication: [Double]
    /// E_it = Σ_h e_iht; NaN where region i has no rows in t.
    public let totalExports: [Double]
    /// PGDP_it as used (NaN where region i has no rows in t).
    public let gdpPerCapita: [Double]
    /// RTV_ht = Σ_i [(e_iht/E_it) / Σ_j (e_jht/E_jt)] PGDP_it (eq. 12); NaN where undefined.
    public let productSophistication: [Double]
    /// Σ_i e_iht, the product's exports over regions (0 where it has no rows).
    public let productExports: [Double]
    /// Number of regions with e_iht > 0.
    public let exportingRegions: [Int]
    /// Product-periods with rows whose exports are all zero, in order of their first row (excluded).
    public let unexportedProducts: [ProductPeriod]

    /// MET_it, or nil when region `region` has no rows in period `time` (or a code is out of range).
    public func met(region: Int, time: Int) -> Double? {
        guard (0..<regionCount).contains(region), (0..<timeCount).contains(time) else { return nil }
        let value = regionSophistication[time * regionCount + region]
        return value.isNaN ? nil : value
    }

    /// RTV_ht, or nil when undefined (no rows, or exported by nobody) or a code is out of range.
    public func rtv(product: Int, time: Int) -> Double? {
        guard (0..<productCount).contains(product), (0..<timeCount).contains(time) else { return nil }
        let value = productSophistication[time * productCount + product]
        return value.isNaN ? nil : value
    }

    /// The region-periods with rows, ordered by period, then region: (region, time) codes.
    public var regionPeriods: [(region: Int, time: Int)] {
        var cells: [(region: Int, time: Int)] = []
        for time in 0..<timeCount {
            for region in 0..<regionCount where !regionSophistication[time * regionCount + region].isNaN {
                cells.append((region, time))
            }
        }
        return cells
    }

    /// The product-periods with a defined RTV, ordered by period, then product: (product, time) codes.
    public var productPeriods: [(product: Int, time: Int)] {
        var cells: [(product: Int, time: Int)] = []
        for time in 0..<timeCount {
            for product in 0..<productCount where !productSophistication[time * productCount + product].isNaN {
                cells.append((product, time))
            }
        }
        return cells
    }
}
