/// The scenario-facing description of the `allocation-regional` model: paper 000's province × year
/// panel generated from the allocation-efficiency firm model (docs/models/allocation-efficiency.md,
/// "The province layer"). The firm economy's keys and their domains are the firm model's.
public enum AllocationRegional {
    public static let key = "allocation-regional"

    /// The keys of the firm economy shared with `allocation-efficiency` (its specs, defaults and domains).
    static let economyKeys: Set<String> = ["sigma", "k", "phi_min", "kappa", "m_probabilities", "f", "f_x", "tau", "f_e", "A_x", "L"]

    public static let descriptor = ModelDescriptor(
        key: key,
        title: "Internet, allocation efficiency and export sophistication across provinces (paper 000's evidence)",
        source: "paper 000 (notes: papers/000-internet-allocation-efficiency.md, §3–4), a documented extension in docs/models/allocation-efficiency.md",
        parameters: economyParameters + provinceParameters,
        constraints: Array(AllocationEfficiency.constraints.prefix(2)) + constraints,
        recoverable: [],
        panelColumns: AllocationRegionalTruth.panelColumns,
        truths: AllocationRegionalTruth.meanings,
        noiselessOutcomes: ["MET": "MET_expected", "lnMET": "lnMET_expected"],
        spatialWeights: spatialWeights,
        resources: resources
    )

    /// The weight matrices the pipeline supplies to `weights = "model:NAME"` (built in
    /// `Sources/Pipelines/AllocationRegional/RegionalWeights.swift`, which imports the spatial builders).
    static let spatialWeights: [(name: String, meaning: String)] = [
        ("contiguity", "symmetrised 4-nearest-neighbour graph of the provinces (adjacency, Table 4)"),
        ("distance", "inverse geographic distance 1/d_ij (Table 4)"),
        ("economic", "economic distance 1/|ḡ_i − ḡ_j| of mean PGDP on the noise-free path (Table 4)"),
        ("personnel", "W_FP: gravity flows of R&D personnel, P_i P_j/d_ij², through which technology diffuses (Tables 5–6)"),
        ("funds", "W_FC: gravity flows of R&D funds, F_i F_j/d_ij² (Tables 5–6)"),
    ]

    /// The firm economy's specs, with the defaults this model changes: foreign demand high enough that a
    /// about a fifth of producers export in the first year (so every province-year exports with N = 3,000 entrants).
    static let economyParameters: [ParameterSpec] = AllocationEfficiency.parameters.compactMap { spec in
        guard economyKeys.contains(spec.key) else { return nil }
        guard let value = economyDefaults[spec.key] else { return spec }
        return ParameterSpec(key: spec.key, symbol: spec.symbol, name: spec.name, meaning: spec.meaning, kind: spec.kind,
                             defaultValue: value, domain: spec.domain)
    }

    static let economyDefaults: [String: ParameterValue] = ["A_x": .real(0.05)]

    static let provinceParameters: [ParameterSpec] = [
        .init(key: "regions", symbol: "R", name: "regionCount", meaning: "provinces (30 in the paper; coastal are the ⌈R/2⌉ easternmost)",
              kind: .integer, defaultValue: .integer(30), domain: .within(4, 2_000)),
        .init(key: "first_year", symbol: "t₀", name: "firstYear", meaning: "calendar year of the first period (2004 in the paper)",
              kind: .integer, defaultValue: .integer(2004), domain: .within(1900, 2200)),
        .init(key: "years", symbol: "T", name: "yearCount", meaning: "years (13 in the paper: 2004–2016)",
              kind: .integer, defaultValue: .integer(13), domain: .within(3, 200)),
        .init(key: "firms_per_region", symbol: "N", name: "entrantsPerRegion",
              meaning: "potential entrants per province, each with φ0, m and one product drawn per replication",
              kind: .integer, defaultValue: .integer(20000), domain: .within(10, 10_000_000)),
        .init(key: "products_per_complexity", symbol: "H", name: "productsPerComplexity",
              meaning: "products of each complexity class m; exports e_rht are by product (eqs. 12–13)",
              kind: .integer, defaultValue: .integer(10), domain: .within(1, 100_000)),
        .init(key: "I0", symbol: "I₀", name: "baseInternet", meaning: "mean latent Internet level before the first year",
              defaultValue: .real(0.1)),
        .init(key: "I_region_sd", symbol: "σ_μ", name: "internetRegionSpread",
              meaning: "SD of the provinces' Internet effects μ_r (drawn once per run, as geography)",
              defaultValue: .real(0.03), domain: .atLeast(0)),
        .init(key: "I_coastal", symbol: "c", name: "coastalInternet", meaning: "Internet advantage of coastal provinces",
              defaultValue: .real(0.05)),
        .init(key: "I_trend", symbol: "g", name: "internetTrend", meaning: "yearly rise of latent Internet",
              defaultValue: .real(0.008)),
        .init(key: "I_shift", symbol: "s", name: "internetShift", meaning: "shift of Internet from I_shift_year on",
              defaultValue: .real(0.02)),
        .init(key: "I_shift_year", symbol: "t_s", name: "internetShiftYear",
              meaning: "first year with the shift (2009: the paper puts 2008 before the crisis)",
              kind: .integer, defaultValue: .integer(2009), domain: .within(1900, 2200)),
        .init(key: "I_diffusion", symbol: "ψ", name: "internetDiffusion",
              meaning: "weight of neighbours' previous-year Internet (W_geo I_{t−1})_r in I_rt",
              defaultValue: .real(0.3), domain: .init(lowerBound: 0, upperBound: 1, upperInclusive: false)),
        .init(key: "I_noise", symbol: "σ_ν", name: "internetNoise", meaning: "SD of the yearly Internet innovations ν_rt",
              defaultValue: .real(0.02), domain: .atLeast(0)),
        .init(key: "world_tracking", symbol: "χ", name: "worldTracking",
              meaning: "A_x,t = A_x (S(ḡ_t)/S(ḡ_0))^{−χ(σ−1)/k}: foreign competition keeps pace with the provinces' mean efficiency ḡ_t (χ = 1) or is frozen (χ = 0)",
              defaultValue: .real(1.0), domain: .within(0, 1)),
        .init(key: "theta_internet", symbol: "λ", name: "thetaInternet",
              meaning: "ln θ_rt = λ I_rt + a_rt: allocation efficiency's response to Internet (λ = 1, a = 0 is eq. (4))",
              defaultValue: .real(1.0)),
        .init(key: "allocation_shock_sd", symbol: "σ_a", name: "allocationShockScale",
              meaning: "SD of the innovations of the AR(1) allocation shocks a_rt (allocation efficiency not due to Internet)",
              defaultValue: .real(0.02), domain: .atLeast(0)),
        .init(key: "allocation_persistence", symbol: "ϱ_a", name: "allocationShockPersistence",
              meaning: "persistence of the allocation shocks a_rt", defaultValue: .real(0.7), domain: .init(lowerBound: 0, upperBound: 1, upperInclusive: false)),
        .init(key: "rho", symbol: "ρ", name: "technologyDiffusion",
              meaning: "spatial diffusion of export technology through W_FP: T_t = (ρ + ρ′ diag(I_t)) W_FP T_t + Z_t (eqs. 24–25)",
              defaultValue: .real(0.4)),
        .init(key: "rho_internet", symbol: "ρ′", name: "technologyDiffusionInternet",
              meaning: "how a province's Internet strengthens the technology diffusion it receives (eq. 25)",
              defaultValue: .real(0.2)),
        .init(key: "alpha1", symbol: "α1", name: "catchUp",
              meaning: "catch-up of local technology Z toward the frontier per year (α1 < 0 converges, eq. 26)",
              defaultValue: .real(-0.1), domain: .within(-1, 0)),
        .init(key: "alpha3", symbol: "α3", name: "catchUpInternet",
              meaning: "Internet's acceleration of the catch-up, α3 I_rt (Z − Z^F) (α3 < 0 accelerates, eq. 26)",
              defaultValue: .real(-0.1), domain: .within(-10, 10)),
        .init(key: "technology_growth", symbol: "γ", name: "technologyGrowth", meaning: "yearly growth of local technology Z",
              defaultValue: .real(0.002)),
        .init(key: "technology_noise", symbol: "σ_η", name: "technologyNoise", meaning: "SD of local technology innovations",
              defaultValue: .real(0.01), domain: .atLeast(0)),
        .init(key: "technology_initial_sd", symbol: "σ_Z", name: "technologyInitialSpread",
              meaning: "SD of local technology before the first year (drawn once per run)", defaultValue: .real(0.03), domain: .atLeast(0)),
        .init(key: "gov_effect", symbol: "β_GOV", name: "governmentEffect",
              meaning: "ln f_rt = ln f + β_GOV (GOV_rt − 0.2): government intervention raises fixed costs", defaultValue: .real(0.5)),
        .init(key: "lab_effect", symbol: "β_LAB", name: "labourQualityEffect",
              meaning: "ln φ_min,rt = ln φ_min + β_LAB (LAB_rt − 8): schooling raises every entrant's productivity", defaultValue: .real(0.03)),
        .init(key: "open_effect", symbol: "β_OPEN", name: "opennessEffect",
              meaning: "ln A_x,rt = ln A_x + β_OPEN (OPEN_rt − 0.025): FDI raises foreign demand", defaultValue: .real(4.0)),
        .init(key: "urban_effect", symbol: "β_URBAN", name: "urbanisationEffect",
              meaning: "ln L_rt = ln L_r + β_URBAN (URBAN_rt − 0.45): urbanisation raises the labour force", defaultValue: .real(1.0)),
        .init(key: "control_persistence", symbol: "ϱ_X", name: "controlPersistence",
              meaning: "persistence of the controls' AR(1) deviations", defaultValue: .real(0.8),
              domain: .init(lowerBound: 0, upperBound: 1, upperInclusive: false)),
        .init(key: "labour_sd", symbol: "σ_L", name: "labourSpread", meaning: "SD of the provinces' log labour forces (drawn once per run)",
              defaultValue: .real(0.6), domain: .atLeast(0)),
        .init(key: "alpha_K", symbol: "α_K", name: "capitalShare", meaning: "capital share in ALLO = ln Y − α_K ln K − (1 − α_K) ln L",
              defaultValue: .real(0.4), domain: .init(lowerBound: 0, lowerInclusive: false, upperBound: 1, upperInclusive: false)),
        .init(key: "delta", symbol: "δ", name: "depreciation", meaning: "depreciation of the perpetual-inventory capital stock",
              defaultValue: .real(0.096), domain: .init(lowerBound: 0, lowerInclusive: false, upperBound: 1)),
        .init(key: "investment_rate", symbol: "s_I", name: "investmentRate", meaning: "investment as a share of output",
              defaultValue: .real(0.4), domain: .init(lowerBound: 0, lowerInclusive: false, upperBound: 1)),
        .init(key: "income_scale", symbol: "y₀", name: "incomeScale", meaning: "PGDP = y₀ × real income per worker (yuan per person)",
              defaultValue: .real(10_000), domain: .greaterThan(0)),
        .init(key: "indicator_noise", symbol: "s_q", name: "indicatorNoise",
              meaning: "scale of the four Internet indicators' measurement noise (1 = the documented SDs)", defaultValue: .real(1.0),
              domain: .atLeast(0)),
        .init(key: "index_genetic_runs", symbol: "n_GA", name: "geneticRuns", meaning: "independent RAGA runs per year for INTER (best kept)",
              kind: .integer, defaultValue: .integer(3), domain: .within(1, 20)),
        .init(key: "index_check", symbol: "check", name: "indexCheck",
              meaning: "\"multistart\": check RAGA's maximum by the deterministic multi-start optimiser and report shortfalls; \"best\": also build INTER from the better direction; \"none\": RAGA only",
              kind: .choice(AllocationRegionalParameters.IndexCheck.allCases.map(\.rawValue)), defaultValue: .choice("none")),
    ]

    /// The largest simulation a run may ask for, in potential firm-years.
    public static let maximumPanelSize = 500_000_000

    static let constraints: [ParameterConstraint] = [
        ParameterConstraint("R · T · N ≤ \(maximumPanelSize) potential firm-years") { values in
            guard let regions = values.integer("regions"), let years = values.integer("years"),
                  let firms = values.integer("firms_per_region") else { return nil }
            let size = Double(regions) * Double(years) * Double(firms)
            guard size > Double(maximumPanelSize) else { return nil }
            return DomainViolation(key: "firms_per_region",
                                   message: "\(regions) provinces × \(years) years × \(firms) entrants is more than \(maximumPanelSize) firm-years",
                                   fix: "lower firms_per_region")
        },
    ]
}
