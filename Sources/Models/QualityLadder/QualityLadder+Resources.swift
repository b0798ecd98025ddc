/// The memory and work of one quality-ladder replication, from its parameters.
///
/// The records are at most firms × years × destinations_per_firm × products (the ladder's length;
/// the cap of `maximumPotentialRecords`); `quality-paper-scale.toml` has 12.2 million potential and
/// 9.45 million kept records. The world's arrays grow with destinations, industries and, under CES
/// demand, with every product × destination × year shifter.
extension QualityLadder {
    /// Bytes a record takes at the replication's peak: the simulated columns, KSW quality and the
    /// distances, the estimation's working copies and the allocator's slack; calibrated on measured
    /// runs (see `ResourceEstimateTests`).
    static let bytesPerRecord = 700.0

    public static func resources(_ values: ParameterValues) -> ResourceEstimate {
        func real(_ key: String, _ fallback: Double) -> Double { values.real(key) ?? fallback }
        let firms = real("firms", 300), years = real("years", 6), destinations = real("destinations", 12)
        let perFirm = min(real("destinations_per_firm", 4), destinations), ladder = real("products", 3)
        let industries = real("industries", 5), productsPerIndustry = real("products_per_industry", 4)
        let classes = real("patent_classes", 8)
        let records = firms * years * perFirm * ladder
        let productCodes = industries * productsPerIndustry
        let shifters = values.choice("demand") == "ces" ? productCodes * destinations * years : 0
        return ResourceEstimate(terms: [
            .init(label: "records: firms × years × destinations_per_firm × products (at most \(Int(min(records, 9e18))))",
                  keys: ["firms", "years", "destinations_per_firm", "products"],
                  bytes: bytesPerRecord * records, operations: 80 * records),
            .init(label: "firms' patent classes: firms × patent_classes", keys: ["firms", "patent_classes"],
                  bytes: ResourceEstimate.words(3 * firms * classes) + 200 * firms, operations: firms * years * classes),
            .init(label: "product codes and foreign patents: industries × (products_per_industry + years)",
                  keys: ["industries", "products_per_industry", "years"],
                  bytes: ResourceEstimate.words(productCodes + 3 * industries * years),
                  operations: productCodes + industries * years),
            .init(label: "destinations", keys: ["destinations"],
                  bytes: ResourceEstimate.words(2 * destinations), operations: 2 * destinations),
            .init(label: "CES demand shifters: industries × products_per_industry × destinations × years",
                  keys: ["industries", "products_per_industry", "destinations", "years"],
                  bytes: ResourceEstimate.words(shifters), operations: shifters),
            .init(label: "cities and provinces", keys: ["cities", "provinces", "years"],
                  bytes: ResourceEstimate.words(3 * real("cities", 12) + real("provinces", 4) * years),
                  operations: real("cities", 12) + real("provinces", 4) * years),
        ])
    }
}
