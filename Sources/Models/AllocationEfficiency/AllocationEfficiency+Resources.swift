/// The memory and work of one allocation-efficiency replication, from its parameters.
///
/// The panel has at most regions × years × firms_per_region firm-years (only producing firm-years
/// are rows, so this is an upper bound); the region-year equilibria are solved once per run.
extension AllocationEfficiency {
    /// Bytes a firm-year row takes at the replication's peak: 10 simulated columns, the estimators'
    /// sorted and logged copies and the allocator's slack; calibrated on measured runs (see
    /// `ResourceEstimateTests`).
    static let bytesPerRow = 240.0
    /// Bytes and solver steps of one region-year equilibrium.
    static let bytesPerEquilibrium = 400.0
    static let operationsPerEquilibrium = 2_000.0

    public static func resources(_ values: ParameterValues) -> ResourceEstimate {
        func real(_ key: String, _ fallback: Double) -> Double { values.real(key) ?? fallback }
        let regions = real("regions", 10), years = real("years", 8), entrants = real("firms_per_region", 4000)
        let rows = regions * years * entrants
        let regionYears = regions * years
        return ResourceEstimate(terms: [
            .init(label: "firm-year rows: regions × years × firms_per_region (at most \(Int(min(rows, 9e18))))",
                  keys: ["regions", "years", "firms_per_region"], bytes: bytesPerRow * rows, operations: 30 * rows),
            .init(label: "region-year equilibria: regions × years", keys: ["regions", "years"],
                  bytes: bytesPerEquilibrium * regionYears, operations: operationsPerEquilibrium * regionYears),
        ])
    }
}
