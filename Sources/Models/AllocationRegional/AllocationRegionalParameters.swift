import Foundation

/// Typed parameters of the `allocation-regional` model: paper 000's province × year layer on top of
/// the allocation-efficiency firm model (docs/models/allocation-efficiency.md, "The province layer").
/// Every process and its symbol is listed by `hetfirm describe allocation-regional`.
public struct AllocationRegionalParameters: Sendable, Equatable, ModelParameters {
    /// The firm economy of one region-year before the region-year's own values (Internet, controls)
    /// are applied: σ, k, φ_min, κ, P(m), f, f_x, τ, f_e, A_x, L, as in `allocation-efficiency`.
    public var economy: AllocationEfficiencyParameters

    // Panel dimensions.
    /// R, provinces.
    public var regionCount: Int
    /// The calendar year of the first period (2004 in the paper).
    public var firstYear: Int
    /// T, years.
    public var yearCount: Int
    /// N, potential entrants per province (each draws φ0, m and a product once per replication).
    public var entrantsPerRegion: Int
    /// H, products of each complexity class m (M·H products in all).
    public var productsPerComplexity: Int

    // Latent Internet I_rt.
    /// I₀, the mean Internet level before the first year.
    public var baseInternet: Double
    /// σ_μ, SD of the provinces' Internet effects μ_r (drawn once, as geography).
    public var internetRegionSpread: Double
    /// c, the coastal provinces' Internet advantage.
    public var coastalInternet: Double
    /// g, the yearly rise of Internet.
    public var internetTrend: Double
    /// s, the shift of Internet from `internetShiftYear` on (2009: after the 2008 crisis, Table 1 (7)–(8)).
    public var internetShift: Double
    /// The first calendar year with the shift.
    public var internetShiftYear: Int
    /// ψ ∈ [0, 1), the weight of neighbours' previous-year Internet, (W_geo I_{t−1})_r.
    public var internetDiffusion: Double
    /// σ_ν, SD of the yearly Internet innovations.
    public var internetNoise: Double

    /// χ ∈ [0, 1]: how closely foreign competitors' technology tracks the provinces' mean efficiency
    /// (``RegionalEconomyPanel/worldDemandFactors(parameters:paths:)``).
    public var worldTracking: Double

    // Allocation efficiency θ_rt (eq. 4, generalised).
    /// λ: ln θ_rt = λ I_rt + a_rt (λ = 1 and a = 0 is the paper's θ = e^I).
    public var thetaInternet: Double
    /// σ_a, SD of the allocation shocks' innovations.
    public var allocationShockScale: Double
    /// ϱ_a, persistence of the AR(1) allocation shocks a_rt.
    public var allocationShockPersistence: Double

    // Export technology: spatial diffusion and catch-up.
    /// ρ, spatial diffusion of export technology through W_FP.
    public var technologyDiffusion: Double
    /// ρ′, how much a province's Internet strengthens the diffusion it receives.
    public var technologyDiffusionInternet: Double
    /// α1 ≤ 0, catch-up of local technology toward the frontier per year.
    public var catchUp: Double
    /// α3, the Internet's acceleration of the catch-up (α3 < 0 accelerates, as the paper reads it).
    public var catchUpInternet: Double
    /// γ, the frontier's yearly technology growth.
    public var technologyGrowth: Double
    /// σ_η, SD of local technology innovations.
    public var technologyNoise: Double
    /// SD of local technology before the first year (drawn once, as geography).
    public var technologyInitialSpread: Double

    // Controls and their channels.
    /// Elasticity of the domestic fixed cost f to GOV (deviation from its mean).
    public var governmentEffect: Double
    /// Elasticity of φ_min to LAB (years of schooling, deviation from its mean).
    public var labourQualityEffect: Double
    /// Elasticity of foreign demand A_x to OPEN (FDI/GDP, deviation from its mean).
    public var opennessEffect: Double
    /// Elasticity of the labour force L to URBAN (urban share, deviation from its mean).
    public var urbanisationEffect: Double
    /// Persistence of the controls' AR(1) deviations.
    public var controlPersistence: Double
    /// SD of the provinces' log labour forces (drawn once, as geography).
    public var labourSpread: Double

    // Output, capital and ALLO.
    /// α_K, the capital share of the Solow residual ALLO.
    public var capitalShare: Double
    /// δ, depreciation of the perpetual-inventory capital stock.
    public var depreciation: Double
    /// s_I, investment as a share of output.
    public var investmentRate: Double
    /// Scale of PGDP: real income per worker × this (yuan per person).
    public var incomeScale: Double

    // The Internet indicators and INTER.
    /// Scale of the indicators' measurement noise (1 = the documented SDs).
    public var indicatorNoise: Double
    /// Independent RAGA runs per year for INTER.
    public var geneticRuns: Int
    /// Whether INTER's maximum is checked by the deterministic multi-start optimiser in every replication.
    public var indexCheck: IndexCheck

    /// Whether the projection-pursuit maximum is checked by the multi-start optimiser.
    public enum IndexCheck: String, Sendable, CaseIterable {
        /// Check RAGA against the multi-start optimiser and report the shortfalls; INTER is RAGA's.
        case multistart
        /// Check, and build INTER from whichever direction has the higher Q (the exact projection-pursuit index).
        case best
        /// RAGA only.
        case none
    }

    /// Reads the parameters from validated scenario values (every default filled in).
    public init(_ values: ParameterValues) throws {
        // The firm economy through the firm model's own reader: its keys from this scenario, the rest (its
        // panel keys, which this model replaces) at the firm model's defaults, and its I at I₀.
        var firmValues = AllocationEfficiency.descriptor.defaults
        for key in AllocationRegional.economyKeys { firmValues[key] = values[key] }
        firmValues["I"] = values["I0"]
        economy = try AllocationEfficiencyParameters(firmValues)
        regionCount = try values.requiredInteger("regions")
        firstYear = try values.requiredInteger("first_year")
        yearCount = try values.requiredInteger("years")
        entrantsPerRegion = try values.requiredInteger("firms_per_region")
        productsPerComplexity = try values.requiredInteger("products_per_complexity")
        baseInternet = try values.requiredReal("I0")
        internetRegionSpread = try values.requiredReal("I_region_sd")
        coastalInternet = try values.requiredReal("I_coastal")
        internetTrend = try values.requiredReal("I_trend")
        internetShift = try values.requiredReal("I_shift")
        internetShiftYear = try values.requiredInteger("I_shift_year")
        internetDiffusion = try values.requiredReal("I_diffusion")
        internetNoise = try values.requiredReal("I_noise")
        worldTracking = try values.requiredReal("world_tracking")
        thetaInternet = try values.requiredReal("theta_internet")
        allocationShockScale = try values.requiredReal("allocation_shock_sd")
        allocationShockPersistence = try values.requiredReal("allocation_persistence")
        technologyDiffusion = try values.requiredReal("rho")
        technologyDiffusionInternet = try values.requiredReal("rho_internet")
        catchUp = try values.requiredReal("alpha1")
        catchUpInternet = try values.requiredReal("alpha3")
        technologyGrowth = try values.requiredReal("technology_growth")
        technologyNoise = try values.requiredReal("technology_noise")
        technologyInitialSpread = try values.requiredReal("technology_initial_sd")
        governmentEffect = try values.requiredReal("gov_effect")
        labourQualityEffect = try values.requiredReal("lab_effect")
        opennessEffect = try values.requiredReal("open_effect")
        urbanisationEffect = try values.requiredReal("urban_effect")
        controlPersistence = try values.requiredReal("control_persistence")
        labourSpread = try values.requiredReal("labour_sd")
        capitalShare = try values.requiredReal("alpha_K")
        depreciation = try values.requiredReal("delta")
        investmentRate = try values.requiredReal("investment_rate")
        incomeScale = try values.requiredReal("income_scale")
        indicatorNoise = try values.requiredReal("indicator_noise")
        geneticRuns = try values.requiredInteger("index_genetic_runs")
        indexCheck = try values.requiredChoice("index_check")
    }

    /// The defaults of `AllocationRegional.descriptor`.
    public static var defaults: AllocationRegionalParameters {
        get throws { try AllocationRegionalParameters(AllocationRegional.descriptor.defaults) }
    }

    /// M, the number of complexity classes.
    public var complexityCount: Int { economy.maximumComplexity }

    /// M·H, the number of products.
    public var productCount: Int { complexityCount * productsPerComplexity }

    /// The calendar year of period t (0-based).
    public func calendarYear(_ period: Int) -> Int { firstYear + period }

    /// The structural convergence acceleration α3/α1 (the paper's "收敛加速度", eq. 26); NaN when α1 = 0.
    public var convergenceAcceleration: Double { catchUp == 0 ? .nan : catchUpInternet / catchUp }
}
