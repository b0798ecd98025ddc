import Foundation

/// The memory and work of one information-spillover replication, from its parameters.
///
/// Rows: each of the P ≈ F (2 + μ_N) plants (capped at N_max and C) can export to each of M
/// destinations in each year after it is established; it does when its expected profit clears the
/// destination's fixed cost, cutoff (6). With (σ − 1) ln φ exponential of rate k/(σ − 1) and the
/// threshold ln f_m − ln ξ − d_mt − v/2 roughly normal across destinations and years, the share of
/// plant-destination-years that export is E[min(1, e^{−r Y})], Y ~ N(a, s²), with r = k/(σ − 1),
/// a and s the threshold's mean and SD. This gives 5.4 million rows for `spillover-paper-scale.toml`
/// (5,967,144 simulated) and 150,000 for `spillover-recovery.toml` (100,000–160,000).
extension InformationSpillover {
    /// Bytes a plant × destination × year row takes at the replication's peak: the 15 simulated
    /// columns, the constructed regressors with their missing masks, the estimation's working copies
    /// (demeaned columns, residuals) and the allocator's slack; calibrated on measured runs (see
    /// `ResourceEstimateTests`).
    static let bytesPerRow = 900.0
    /// Bytes of a plant × product × destination × year row (5 columns).
    static let bytesPerProductRow = 48.0
    /// Bytes per (city, destination, year) cell: source counts and growth sums (12 bytes) and their
    /// transposed copy in the learning loop (12 bytes). Measured: 8 million cells took about 18 bytes
    /// each (growth sums stay untouched, so not resident, where a cell has no source exporter).
    static let bytesPerSourceCell = 24.0

    public static func resources(_ values: ParameterValues) -> ResourceEstimate {
        func real(_ key: String, _ fallback: Double) -> Double { values.real(key) ?? fallback }
        let firms = real("firms", 300), cities = real("cities", 40), destinations = real("destinations", 15)
        let years = real("years", 6), products = real("products", 50), extraProducts = real("extra_products", 0.8)
        let lead = real("establishment_lead", 4)
        let plantsPerFirm = min(2 + real("plants_extra_mean", 3), min(real("max_plants", 12), cities))
        let plants = firms * plantsPerFirm
        // The first plant exists from the start; the others are established uniformly over L + T years.
        let establishedShare = (1 + (plantsPerFirm - 1) * min(1, (lead + (years + 1) / 2) / (lead + years))) / plantsPerFirm
        let rows = plants * destinations * years * establishedShare * exportShare(values)
        let productsPerRow = min(1 + extraProducts, products)
        let productRows = rows * productsPerRow
        // Drawing k distinct products of H by rejection takes H ln(H / (H − k + 1)) draws.
        let drawsPerRow = productsPerRow >= products
            ? products * (log(products) + 1)
            : products * log(products / (products - productsPerRow + 1))
        let annual = values.choice("revelation") != "none"
        let sourceCells = cities * destinations * years
        return ResourceEstimate(terms: [
            .init(label: "source exporters: cities × destinations × years", keys: ["cities", "destinations", "years"],
                  bytes: bytesPerSourceCell * sourceCells, operations: 4 * sourceCells),
            .init(label: "plant beliefs: plants × destinations (every year)", keys: ["firms", "plants_extra_mean", "destinations", "years"],
                  bytes: ResourceEstimate.words(plants * destinations * (annual ? 1 : 3)),
                  operations: plants * destinations * years * establishedShare),
            .init(label: "plant × destination × year rows (about \(Int(min(rows, 9e18).rounded())))",
                  keys: ["firms", "destinations", "years", "f"],
                  bytes: bytesPerRow * rows, operations: 60 * rows),
            .init(label: "product rows: rows × min(1 + extra_products, products)",
                  keys: ["extra_products", "products", "firms", "destinations", "years"],
                  bytes: bytesPerProductRow * productRows + 4 * products,
                  operations: rows * max(drawsPerRow, productsPerRow)),
        ])
    }

    /// The expected share of established plant × destination × year cells that export (see the type's note).
    static func exportShare(_ values: ParameterValues) -> Double {
        func real(_ key: String, _ fallback: Double) -> Double { values.real(key) ?? fallback }
        let sigma = real("sigma", 4), k = real("k", 4.5), vd = real("v_d", 0.05), vz = real("v_z", 1)
        let years = real("years", 6)
        let xi = values.choice("xi") == "as-printed"
            ? 1 / (sigma * pow((sigma - 1) / sigma, sigma - 1))
            : pow(sigma - 1, sigma - 1) / pow(sigma, sigma)
        let ownVariance = values.choice("own_variance") == "include" ? vz : 0
        let mean = log(real("f", 0.6)) - log(xi) - real("demand_log_mean", 0) - real("drift", 0.02) * (years - 1) / 2
            - (vd + ownVariance) / 2
        let spread = (pow(real("fixed_cost_sd", 0.4), 2) + pow(real("demand_log_sd", 0.8), 2) + vd * years / 2).squareRoot()
        let rate = k / (sigma - 1)
        guard mean.isFinite, spread.isFinite, rate.isFinite, rate > 0 else { return 1 }
        // E[min(1, e^{−r Y})] for Y ~ N(mean, spread²), by the midpoint rule over ±8 SD (the closed
        // form overflows for large r · spread).
        let steps = 400, width = 16.0 / Double(steps)
        var share = 0.0
        for step in 0..<steps {
            let z = -8 + (Double(step) + 0.5) * width
            let threshold = mean + spread * z
            share += exp(-z * z / 2) * (threshold <= 0 ? 1 : exp(-rate * threshold))
        }
        share *= width / (2 * Double.pi).squareRoot()
        return min(max(share, 0), 1)
    }
}
