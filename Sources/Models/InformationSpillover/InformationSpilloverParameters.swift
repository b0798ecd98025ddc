import Foundation

/// Typed parameters of the `information-spillover` model (paper 003, extended to years as in
/// `docs/models/information-spillover.md`). Scenario keys, symbols and domains are listed by
/// `hetfirm describe information-spillover`.
public struct InformationSpilloverParameters: Sendable, Codable, Equatable, ModelParameters {
    // MARK: Preferences, technology and learning

    /// σ > 1, elasticity of substitution, eq. (1) of paper 003.
    public var elasticityOfSubstitution: Double
    /// k > σ − 1, Pareto shape of plant productivity φ ~ Pareto(k, 1).
    public var paretoShape: Double
    /// v_d > 0, variance of the destination demand innovation g_mt and prior variance of d_m, eqs. (3), (9), (10).
    public var demandVariance: Double
    /// v_z > 0, variance of the plant-destination component z_im and of each signal's noise, eqs. (4), (9), (10).
    public var signalNoiseVariance: Double
    /// Drift of the random walk d_mt = d_m,t−1 + g_mt, g_mt ~ N(drift, v_d).
    public var demandDrift: Double
    /// Mean of the public initial log demand d_m,−1.
    public var initialDemandLogMean: Double
    /// SD of the public initial log demand d_m,−1 across destinations.
    public var initialDemandLogSD: Double
    /// f > 0, scale of the fixed export cost f_m of cutoff (6).
    public var fixedCost: Double
    /// SD of ln(f_m / f) across destinations.
    public var fixedCostDispersion: Double

    // MARK: World

    /// C, number of cities.
    public var cityCount: Int
    /// Number of provinces (every province holds at least one city).
    public var provinceCount: Int
    /// M, number of destinations.
    public var destinationCount: Int
    /// T ≥ 2, number of years.
    public var yearCount: Int
    /// H, number of products.
    public var productCount: Int
    /// Probability that a product is differentiated (Rauch).
    public var differentiatedShare: Double
    /// Mean of ln area_c (km²), the denominator of eq. (14).
    public var areaLogMean: Double
    /// SD of ln area_c.
    public var areaLogSD: Double
    /// Mean of the city density effect u_c in n_cmt ~ Poisson(area_c e^{u_c + w_m}).
    public var densityLogMean: Double
    /// SD of u_c across cities.
    public var densityCitySD: Double
    /// SD of w_m across destinations.
    public var densityDestinationSD: Double

    // MARK: Multi-plant firms

    /// Number of multi-plant firms.
    public var firmCount: Int
    /// Mean of the negative binomial number of plants beyond two.
    public var extraPlantsMean: Double
    /// Size (dispersion) n of that negative binomial: variance μ + μ²/n.
    public var plantsDispersion: Double
    /// Largest number of plants of a firm (plants sit in distinct cities, so ≤ C).
    public var maximumPlants: Int
    /// How many years before the panel a later plant may be established.
    public var establishmentLead: Int

    // MARK: Sales, imports and products

    /// SD of the transitory sales noise u_imt.
    public var salesNoiseSD: Double
    /// Probability that a plant-destination-year row records imports.
    public var importShare: Double
    /// Mean of the Poisson number of products shipped beyond the first.
    public var extraProductsMean: Double

    // MARK: Named choices

    /// Consistent count-weighted posterior or eq. (8) as printed.
    public var variant: Variant
    /// Whether d_m,t−1 is published every year.
    public var revelation: Revelation
    /// Whether the plant's own v_z enters the lognormal correction of eq. (11).
    public var ownVariance: OwnVariance
    /// Which constant ξ of eq. (1).
    public var xiConvention: XiConvention

    /// Reads and validates the parameters from scenario values (every default filled in).
    ///
    /// - Throws: `ModelError.missingParameter` when a key is absent or has the wrong kind, and the
    ///   first `DomainViolation` (of a single parameter's domain, then of the cross-parameter
    ///   constraints of `InformationSpillover.descriptor`) when a value is out of its domain.
    public init(_ values: ParameterValues) throws {
        let descriptor = InformationSpillover.descriptor
        for spec in descriptor.parameters {
            guard let value = values[spec.key] else { throw ModelError.missingParameter(spec.key) }
            switch (spec.kind, value) {
            case (.real, _), (.integer, .integer):
                guard let number = value.realValue else { throw ModelError.missingParameter(spec.key) }
                guard spec.domain.contains(number) else {
                    throw DomainViolation(key: spec.key,
                                          message: "\(spec.key) = \(number) is outside \(spec.domain.describe(symbol: spec.symbol))",
                                          fix: "choose \(spec.domain.describe(symbol: spec.key))")
                }
            case (.choice(let options), .choice(let option)):
                guard options.contains(option) else {
                    throw DomainViolation(key: spec.key, message: "\(spec.key) = \"\(option)\" is not one of \(options)",
                                          fix: "choose \(spec.kind.description)")
                }
            default:
                throw ModelError.missingParameter(spec.key)
            }
        }
        if let violation = descriptor.violations(of: values).first { throw violation }
        elasticityOfSubstitution = try values.requiredReal("sigma")
        paretoShape = try values.requiredReal("k")
        demandVariance = try values.requiredReal("v_d")
        signalNoiseVariance = try values.requiredReal("v_z")
        demandDrift = try values.requiredReal("drift")
        initialDemandLogMean = try values.requiredReal("demand_log_mean")
        initialDemandLogSD = try values.requiredReal("demand_log_sd")
        fixedCost = try values.requiredReal("f")
        fixedCostDispersion = try values.requiredReal("fixed_cost_sd")
        cityCount = try values.requiredInteger("cities")
        provinceCount = try values.requiredInteger("provinces")
        destinationCount = try values.requiredInteger("destinations")
        yearCount = try values.requiredInteger("years")
        productCount = try values.requiredInteger("products")
        differentiatedShare = try values.requiredReal("rauch_share")
        areaLogMean = try values.requiredReal("area_log_mean")
        areaLogSD = try values.requiredReal("area_log_sd")
        densityLogMean = try values.requiredReal("density_log_mean")
        densityCitySD = try values.requiredReal("density_city_sd")
        densityDestinationSD = try values.requiredReal("density_destination_sd")
        firmCount = try values.requiredInteger("firms")
        extraPlantsMean = try values.requiredReal("plants_extra_mean")
        plantsDispersion = try values.requiredReal("plants_dispersion")
        maximumPlants = try values.requiredInteger("max_plants")
        establishmentLead = try values.requiredInteger("establishment_lead")
        salesNoiseSD = try values.requiredReal("sales_noise")
        importShare = try values.requiredReal("import_share")
        extraProductsMean = try values.requiredReal("extra_products")
        variant = try values.requiredChoice("variant")
        revelation = try values.requiredChoice("revelation")
        ownVariance = try values.requiredChoice("own_variance")
        xiConvention = try values.requiredChoice("xi")
    }

    /// The defaults of `InformationSpillover.descriptor`, with `overrides` applied.
    public static func defaults(_ overrides: [String: ParameterValue] = [:]) throws -> InformationSpilloverParameters {
        var values = InformationSpillover.descriptor.defaults
        for (key, value) in overrides { values[key] = value }
        return try InformationSpilloverParameters(values)
    }

    /// ξ of eq. (1): (σ−1)^{σ−1}/σ^σ (Melitz) or [σ((σ−1)/σ)^{σ−1}]^{−1} (as extracted).
    public var xi: Double {
        let sigma = elasticityOfSubstitution
        switch xiConvention {
        case .melitz: return pow(sigma - 1, sigma - 1) / pow(sigma, sigma)
        case .asPrinted: return 1 / (sigma * pow((sigma - 1) / sigma, sigma - 1))
        }
    }

    /// v_z / v_d, the structural target `truth.noise_ratio`.
    public var noiseRatio: Double { signalNoiseVariance / demandVariance }
}
