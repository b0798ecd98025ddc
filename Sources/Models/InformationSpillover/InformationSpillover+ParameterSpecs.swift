extension InformationSpillover {
    /// Every parameter of the model, with long name, symbol, equation of paper 003 and default.
    /// The defaults give a small, fast panel (a few 10⁴ rows); `paperScale` gives the paper's size.
    static let parameters: [ParameterSpec] = learning + world + firms + sales + choices

    /// Overrides of the defaults that give a panel of the paper's size: 14,000 firms with about five
    /// plants each in 300 cities, 120 destinations and 12 years, about 6.2 million plant-destination-year
    /// rows (it varies by replication, mostly with the draw of the destinations' demand levels) and
    /// about 11 million product rows (the paper: 6,240,750 and 11,106,454).
    public static let paperScale: [String: ParameterValue] = [
        "firms": .integer(14_000), "cities": .integer(300), "provinces": .integer(30), "destinations": .integer(120),
        "years": .integer(12), "max_plants": .integer(30), "products": .integer(5_000), "f": .real(1.45),
    ]

    static let learning: [ParameterSpec] = [
        .init(key: "sigma", symbol: "σ", name: "elasticityOfSubstitution",
              meaning: "CES elasticity of substitution, eq. (1)", defaultValue: .real(4.0), domain: .greaterThan(1)),
        .init(key: "k", symbol: "k", name: "paretoShape",
              meaning: "Pareto shape of plant productivity φ ~ Pareto(k, 1) (needs k > σ − 1)",
              defaultValue: .real(4.5), domain: .greaterThan(0)),
        .init(key: "v_d", symbol: "v_d", name: "demandVariance",
              meaning: "variance of the demand innovation g_mt ~ N(drift, v_d), the prior variance of eqs. (3), (9), (10)",
              defaultValue: .real(0.05), domain: .greaterThan(0)),
        .init(key: "v_z", symbol: "v_z", name: "signalNoiseVariance",
              meaning: "variance of z_im and of each source signal's noise, eqs. (4), (9), (10)",
              defaultValue: .real(1.0), domain: .greaterThan(0)),
        .init(key: "drift", symbol: "ḡ", name: "demandDrift",
              meaning: "drift of the demand random walk d_mt = d_m,t−1 + g_mt", defaultValue: .real(0.02)),
        .init(key: "demand_log_mean", symbol: "E d_m,−1", name: "initialDemandLogMean",
              meaning: "mean of the public initial log demand d_m,−1 (prior mean d̄ of eq. (3) in year 0)",
              defaultValue: .real(0.0)),
        .init(key: "demand_log_sd", symbol: "sd d_m,−1", name: "initialDemandLogSD",
              meaning: "SD of d_m,−1 across destinations (sets the income groups by quartile)",
              defaultValue: .real(0.8), domain: .atLeast(0)),
        .init(key: "f", symbol: "f", name: "fixedCost",
              meaning: "scale of the fixed export cost f_m of cutoff (6)", defaultValue: .real(0.6), domain: .greaterThan(0)),
        .init(key: "fixed_cost_sd", symbol: "sd ln f_m", name: "fixedCostDispersion",
              meaning: "SD of ln(f_m/f) across destinations", defaultValue: .real(0.4), domain: .atLeast(0)),
    ]

    static let world: [ParameterSpec] = [
        .init(key: "cities", symbol: "C", name: "cityCount", meaning: "number of cities",
              kind: .integer, defaultValue: .integer(40), domain: .within(2, 1_000_000)),
        .init(key: "provinces", symbol: "P", name: "provinceCount", meaning: "number of provinces (each non-empty)",
              kind: .integer, defaultValue: .integer(8), domain: .within(1, 1_000_000)),
        .init(key: "destinations", symbol: "M", name: "destinationCount", meaning: "number of destinations m",
              kind: .integer, defaultValue: .integer(15), domain: .within(1, 100_000)),
        .init(key: "years", symbol: "T", name: "yearCount", meaning: "number of years (growth needs t − 1, so T ≥ 2)",
              kind: .integer, defaultValue: .integer(6), domain: .within(2, 200)),
        .init(key: "products", symbol: "H", name: "productCount", meaning: "number of products (HS codes)",
              kind: .integer, defaultValue: .integer(50), domain: .within(1, 1_000_000)),
        .init(key: "rauch_share", symbol: "π_R", name: "differentiatedShare",
              meaning: "probability that a product is differentiated (Rauch)", defaultValue: .real(0.6), domain: .within(0, 1)),
        .init(key: "area_log_mean", symbol: "E ln area_c", name: "areaLogMean",
              meaning: "mean of ln city area (km²), the denominator of eq. (14)", defaultValue: .real(9.3)),
        .init(key: "area_log_sd", symbol: "sd ln area_c", name: "areaLogSD",
              meaning: "SD of ln city area", defaultValue: .real(0.6), domain: .atLeast(0)),
        .init(key: "density_log_mean", symbol: "E u_c", name: "densityLogMean",
              meaning: "mean of u_c in n_cmt ~ Poisson(area_c e^{u_c + w_m}) (source exporters per km²)",
              defaultValue: .real(-7.5)),
        .init(key: "density_city_sd", symbol: "sd u_c", name: "densityCitySD",
              meaning: "SD of the city density effect u_c", defaultValue: .real(1.0), domain: .atLeast(0)),
        .init(key: "density_destination_sd", symbol: "sd w_m", name: "densityDestinationSD",
              meaning: "SD of the destination density effect w_m", defaultValue: .real(1.0), domain: .atLeast(0)),
    ]

    static let firms: [ParameterSpec] = [
        .init(key: "firms", symbol: "F", name: "firmCount", meaning: "number of multi-plant firms",
              kind: .integer, defaultValue: .integer(300), domain: .within(1, 10_000_000)),
        .init(key: "plants_extra_mean", symbol: "μ_N", name: "extraPlantsMean",
              meaning: "mean of the negative binomial number of plants beyond two (truncated at max_plants)",
              defaultValue: .real(3.0), domain: .within(0, 10_000)),
        .init(key: "plants_dispersion", symbol: "n_N", name: "plantsDispersion",
              meaning: "size of that negative binomial (variance μ_N + μ_N²/n_N)", defaultValue: .real(1.5), domain: .greaterThan(0)),
        .init(key: "max_plants", symbol: "N_max", name: "maximumPlants",
              meaning: "truncation of the number of plants per firm (distinct cities, so ≤ C)",
              kind: .integer, defaultValue: .integer(12), domain: .within(2, 100_000)),
        .init(key: "establishment_lead", symbol: "L", name: "establishmentLead",
              meaning: "later plants are established uniformly in {−L, …, T−1}",
              kind: .integer, defaultValue: .integer(4), domain: .within(0, 10_000)),
    ]

    static let sales: [ParameterSpec] = [
        .init(key: "sales_noise", symbol: "sd u", name: "salesNoiseSD",
              meaning: "SD of the transitory sales noise u_imt in ln r = eq. (11) + z_im + u_imt",
              defaultValue: .real(0.5), domain: .atLeast(0)),
        .init(key: "import_share", symbol: "π_imp", name: "importShare",
              meaning: "probability that a plant-destination-year row records imports", defaultValue: .real(0.3), domain: .within(0, 1)),
        .init(key: "extra_products", symbol: "λ_H", name: "extraProductsMean",
              meaning: "mean of the Poisson number of products shipped beyond the first", defaultValue: .real(0.8), domain: .atLeast(0)),
    ]

    static let choices: [ParameterSpec] = [
        .init(key: "variant", symbol: "variant", name: "variant",
              meaning: "eq. (8) as the count-weighted posterior (\"consistent\") or literally with group means (\"as-printed\")",
              kind: .choice(["consistent", "as-printed"]), defaultValue: .choice("consistent")),
        .init(key: "revelation", symbol: "revelation", name: "revelation",
              meaning: "d_m,t−1 published each year (\"annual\": the static eqs. (8)–(10) each year) or never (\"none\")",
              kind: .choice(["annual", "none"]), defaultValue: .choice("annual")),
        .init(key: "own_variance", symbol: "own_variance", name: "ownVariance",
              meaning: "whether v_z of the plant's own z_im enters the lognormal term V/2 of eq. (11)",
              kind: .choice(["exclude", "include"]), defaultValue: .choice("exclude")),
        .init(key: "xi", symbol: "ξ", name: "xiConvention",
              meaning: "ξ of eq. (1): (σ−1)^{σ−1}/σ^σ (\"melitz\") or [σ((σ−1)/σ)^{σ−1}]^{−1} (\"as-printed\")",
              kind: .choice(["melitz", "as-printed"]), defaultValue: .choice("melitz")),
    ]
}
