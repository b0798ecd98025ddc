/// The memory and work of one allocation-regional replication, from its parameters: three equilibria
/// per province-year (the level and ± h), N entrants per province checked in every year, the product
/// exports table, and the projection-pursuit index (a genetic run of about 10⁵ objective evaluations
/// of R² pairs per year).
extension AllocationRegional {
    public static func resources(_ values: ParameterValues) -> ResourceEstimate {
        func real(_ key: String, _ fallback: Double) -> Double { values.real(key) ?? fallback }
        let regions = real("regions", 30), years = real("years", 13), entrants = real("firms_per_region", 3000)
        let products = real("products_per_complexity", 20) * Double(values.list("m_probabilities")?.count ?? 5)
        let cells = regions * years
        let runs = real("index_genetic_runs", 1) + (values.choice("index_check") == "multistart" ? 1 : 0)
        return ResourceEstimate(terms: [
            .init(label: "firm draws: regions × firms_per_region, checked in every year", keys: ["regions", "firms_per_region", "years"],
                  bytes: 0, operations: regions * entrants * (3 + years)),
            .init(label: "exports by product: regions × years × products (three tables: drawn, expected, ± h)",
                  keys: ["regions", "years", "products_per_complexity"], bytes: ResourceEstimate.words(4 * cells * products),
                  operations: 4 * cells * products),
            .init(label: "province-year equilibria (three each)", keys: ["regions", "years"], bytes: 1_500 * cells,
                  operations: 6_000 * cells),
            .init(label: "projection pursuit: years × runs × 10⁵ evaluations × regions²", keys: ["regions", "years", "index_genetic_runs"],
                  bytes: ResourceEstimate.words(regions * regions), operations: years * runs * 1e5 * regions * regions),
        ])
    }
}

extension AllocationRegionalModel: HeterogeneousFirmModel {
    public static var descriptor: ModelDescriptor { AllocationRegional.descriptor }

    /// The theory at the geography of seed 0; a run uses its own seed (``theory(seed:)``).
    public func theory() throws -> AllocationRegionalTheory { try theory(seed: 0) }
}
