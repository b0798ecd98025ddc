/// The memory and work of one allocation-efficiency replication, from its parameters.
///
/// The panel has regions × years × firms_per_region potential firm-years, of which only the producing
/// ones are rows; the region-year equilibria are solved once per run.
extension AllocationEfficiency {
    /// Bytes a firm-year row takes at the replication's peak: 10 simulated columns (80 bytes) and
    /// the estimators' copies, which use the final year only; calibrated on a measured run (about
    /// 93 bytes per row, see `ResourceEstimateTests`).
    static let bytesPerRow = 100.0
    /// Bytes and solver steps of one region-year equilibrium.
    static let bytesPerEquilibrium = 400.0
    static let operationsPerEquilibrium = 2_000.0

    public static func resources(_ values: ParameterValues) -> ResourceEstimate {
        func real(_ key: String, _ fallback: Double) -> Double { values.real(key) ?? fallback }
        let regions = real("regions", 10), years = real("years", 8), entrants = real("firms_per_region", 4000)
        let rows = regions * years * entrants * producingShare(values)
        let regionYears = regions * years
        return ResourceEstimate(terms: [
            .init(label: "firm-year rows: regions × years × firms_per_region × the producing share (about \(Int(min(rows, 9e18).rounded())))",
                  keys: ["regions", "years", "firms_per_region"], bytes: bytesPerRow * rows, operations: 30 * rows + 10 * regionYears * entrants),
            .init(label: "region-year equilibria: regions × years", keys: ["regions", "years"],
                  bytes: bytesPerEquilibrium * regionYears, operations: operationsPerEquilibrium * regionYears),
        ])
    }

    /// The share of potential firm-years that produce: the mean of the equilibrium shares at the panel's
    /// lowest and highest Internet levels (the share falls with I, convexly, so this errs high); 1 when
    /// the parameters cannot be solved (their own checks report why).
    static func producingShare(_ values: ParameterValues) -> Double {
        guard let parameters = try? AllocationEfficiencyParameters(values),
              parameters.paretoShape > parameters.elasticityOfSubstitution - 1 else { return 1 }
        let model = AllocationEfficiencyModel(parameters: parameters)
        let levels = [parameters.internetLevel(region: 0, year: 0),
                      parameters.internetLevel(region: parameters.regionCount - 1, year: parameters.yearCount - 1)]
        let shares = levels.map { level -> Double in
            guard let equilibrium = try? model.solve(internetLevel: level) else { return 1 }
            return equilibrium.cutoffs.reduce(0) { $0 + $1.probability * $1.activeShare }
        }
        return min(1, max(0, shares.reduce(0, +) / Double(shares.count)))
    }
}
