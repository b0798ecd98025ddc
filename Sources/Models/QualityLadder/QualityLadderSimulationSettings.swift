/// The simulator's parameters for the `quality-ladder` model (paper 004, issue 6): panel sizes,
/// shares, the observed demand layer, the patent process, the instruments, noise and filters.
/// Every process is documented in `docs/models/quality-ladder.md` (section "Simulator").
///
/// The defaults give a small, fast panel (14,288 records at seed 20261121); `paperScale` gives about the paper's
/// 9.6M five-dimension observations.
public struct QualityLadderSimulationSettings: Sendable, Codable, Equatable {
    // MARK: Panel dimensions
    /// `firms`: surviving firms simulated (every firm produces in every year).
    public var firmCount: Int
    /// `years`: panel years, labelled `firstYear`, `firstYear + 1`, ….
    public var yearCount: Int
    /// `first_year`: label of the first year (the paper's sample starts in 2004).
    public var firstYear: Int
    /// `destinations`: destination countries.
    public var destinationCount: Int
    /// `destinations_per_firm`: mean size of a firm's destination set, 1 + Poisson(mean − 1), capped.
    public var meanDestinationsPerFirm: Double
    /// `industries`: industries (the frontier is the industry × year maximum).
    public var industryCount: Int
    /// `products_per_industry`: product codes of each industry (at least `products`, the ladder length).
    public var productsPerIndustry: Int
    /// `cities`: cities (the 1984 cross-section is drawn per city).
    public var cityCount: Int
    /// `provinces`: provinces; city c (1-based) lies in province 1 + (c − 1) mod provinces.
    public var provinceCount: Int

    // MARK: Shares
    /// `dest_group_shares`: probabilities of the developed, developing, least-developed groups.
    public var destinationGroupShares: [Double]
    /// `trade_type_shares`: probabilities of pure general, pure processing, mixed trade firms.
    public var tradeTypeShares: [Double]
    /// `ownership_shares`: probabilities of state-owned, private, other (foreign, collective) firms.
    public var ownershipShares: [Double]

    // MARK: Demand layer and noise
    /// `demand`: which demand generates the observed quantities.
    public var demandLayer: QualityLadderDemandLayer
    /// `sigma`: σ > 1, the CES elasticity of the observed layer (notes eq. (19)).
    public var elasticityOfSubstitution: Double
    /// `ksw_sigma`: how the KSW quality measure gets σ: the simulator's true σ_j per product, standing in
    /// for the outside elasticities the paper imposes (`"imposed"`), or estimated from ln q on ln p with
    /// product × destination × year FE, pooled (`"estimated"`) or one regression per product (`"estimated-by-product"`).
    public var kswElasticity: KSWElasticitySource = .imposed
    /// `sigma_sd`: dispersion of ln(σ_j − 1) across products (0: a common σ).
    public var elasticityDispersion: Double
    /// `quantity_scale`: units a typical firm sells in a destination of size 1.
    public var quantityScale: Double
    /// `destination_size_sd`: SD of ln s_m, the destination's size.
    public var destinationSizeDispersion: Double
    /// `chi_sd`: SD of the product × destination × year demand shifter χ_jmt around its mean (CES layer).
    public var shifterDispersion: Double
    /// `quantity_noise_sd`: SD of ε, the log-quantity noise of each record.
    public var quantityNoise: Double
    /// `price_noise_sd`: SD of the log unit-value noise of each record (the observed price).
    public var priceNoise: Double

    // MARK: Digital innovation
    /// `I_max`: I_max > I, the digital input a firm approaches as its patents grow:
    /// I_it = I + (I_max − I)(1 − e^{−κ Eco_it}). The SOC must hold at I_max.
    public var maximumDigitalInput: Double
    /// `kappa`: κ > 0, how fast digital input responds to Eco = ln(1 + patents).
    public var digitalResponse: Double
    /// `patent_intercept`: m0, the intercept of the log patent intensity.
    public var patentIntercept: Double
    /// `patent_propensity_sd`: SD of the firm's patenting propensity a_i.
    public var patentPropensityDispersion: Double
    /// `patent_persistence`: loading of ln(1 + P_{i,t−1}) in the log patent intensity.
    public var patentPersistence: Double
    /// `pi_phone`: first-stage strength of the 1984 telephones × ports instrument.
    public var phoneStrength: Double
    /// `pi_post`: first-stage strength of the 1984 post offices × ports instrument.
    public var postStrength: Double
    /// `pi_patent`: first-stage strength of the foreign-patent instrument.
    public var foreignPatentStrength: Double
    /// `ports_growth`: yearly growth of ln provincial internet ports.
    public var portsGrowth: Double
    /// `ports_sd`: SD of the province-year shock to ln ports.
    public var portsDispersion: Double
    /// `foreign_patent_growth`: yearly growth of the foreign-patent index.
    public var foreignPatentGrowth: Double
    /// `foreign_patent_sd`: SD of the industry-year shock to the foreign-patent index.
    public var foreignPatentDispersion: Double
    /// `appeal_sd`: SD of ξ_it, an unobserved firm-year demand appeal (not quality) that enters
    /// observed quantities; 0 turns it off.
    public var appealDispersion: Double
    /// `appeal_in_patents`: loading of ξ_it in the log patent intensity (the endogeneity of Eco).
    public var appealInPatents: Double

    // MARK: Mechanism variables (paper Tables 8–9)
    /// `tfp_input_elasticity`: τ, the elasticity of measured TFP to the digital input,
    /// tfp_it = ln(1/c_i) + τ ln(I_it/I) + 0.1 z (eq. (5): digital input shrinks the productivity gap;
    /// the cost draw c that sets prices and quality is unchanged).
    public var tfpInputElasticity: Double
    /// `external_tfp_gap`: g_US > 0, mean log gap of the external (US) TFP frontier above the Chinese
    /// industry × year maximum; industry j's gap is g_US × U_j, U_j ~ U(0.5, 1.5).
    public var externalFrontierGap: Double
    /// `patent_classes`: M_Z, the patent classes (IPC main groups) a firm's patents fall into.
    public var patentClassCount: Int
    /// `core_class_share`: s0, the share of a non-innovating firm's patents in its core class;
    /// a patent of year t is in the core class with probability s_it + (1 − s_it)/M_Z, s_it = s0 e^{−ν Eco_it}.
    public var coreClassShare: Double
    /// `breadth_response`: ν ≥ 0, how fast digital innovation spreads patents away from the core class.
    public var breadthResponse: Double

    // MARK: Filters
    /// `min_value`: records with export value below this are dropped (paper: 50 USD).
    public var minimumValue: Double
    /// `min_quantity`: records with quantity below this are dropped (paper: 1).
    public var minimumQuantity: Double

    /// Reads the settings from validated scenario values (every default filled in).
    public init(_ values: ParameterValues) throws {
        guard let name = values.choice("demand"), let layer = QualityLadderDemandLayer(rawValue: name) else {
            throw ModelError.missingParameter("demand")
        }
        firmCount = try values.requiredInteger("firms")
        yearCount = try values.requiredInteger("years")
        firstYear = try values.requiredInteger("first_year")
        destinationCount = try values.requiredInteger("destinations")
        meanDestinationsPerFirm = try values.requiredReal("destinations_per_firm")
        industryCount = try values.requiredInteger("industries")
        productsPerIndustry = try values.requiredInteger("products_per_industry")
        cityCount = try values.requiredInteger("cities")
        provinceCount = try values.requiredInteger("provinces")
        destinationGroupShares = try values.requiredList("dest_group_shares")
        tradeTypeShares = try values.requiredList("trade_type_shares")
        ownershipShares = try values.requiredList("ownership_shares")
        demandLayer = layer
        elasticityOfSubstitution = try values.requiredReal("sigma")
        kswElasticity = values.choice("ksw_sigma").flatMap(KSWElasticitySource.init(rawValue:)) ?? .imposed
        elasticityDispersion = try values.requiredReal("sigma_sd")
        quantityScale = try values.requiredReal("quantity_scale")
        destinationSizeDispersion = try values.requiredReal("destination_size_sd")
        shifterDispersion = try values.requiredReal("chi_sd")
        quantityNoise = try values.requiredReal("quantity_noise_sd")
        priceNoise = try values.requiredReal("price_noise_sd")
        maximumDigitalInput = try values.requiredReal("I_max")
        digitalResponse = try values.requiredReal("kappa")
        patentIntercept = try values.requiredReal("patent_intercept")
        patentPropensityDispersion = try values.requiredReal("patent_propensity_sd")
        patentPersistence = try values.requiredReal("patent_persistence")
        phoneStrength = try values.requiredReal("pi_phone")
        postStrength = try values.requiredReal("pi_post")
        foreignPatentStrength = try values.requiredReal("pi_patent")
        portsGrowth = try values.requiredReal("ports_growth")
        portsDispersion = try values.requiredReal("ports_sd")
        foreignPatentGrowth = try values.requiredReal("foreign_patent_growth")
        foreignPatentDispersion = try values.requiredReal("foreign_patent_sd")
        appealDispersion = try values.requiredReal("appeal_sd")
        appealInPatents = try values.requiredReal("appeal_in_patents")
        tfpInputElasticity = try values.requiredReal("tfp_input_elasticity")
        externalFrontierGap = try values.requiredReal("external_tfp_gap")
        patentClassCount = try values.requiredInteger("patent_classes")
        coreClassShare = try values.requiredReal("core_class_share")
        breadthResponse = try values.requiredReal("breadth_response")
        minimumValue = try values.requiredReal("min_value")
        minimumQuantity = try values.requiredReal("min_quantity")
    }

    /// Scenario overrides that give about the paper's scale (9.6M product-destination-year-mode
    /// records, 11 years, 2004–2014) at the other defaults; see the docs for the measured size and cost.
    public static let paperScale: [String: ParameterValue] = [
        "firms": .integer(57_000), "years": .integer(11), "destinations": .integer(120),
        "destinations_per_firm": .real(6.5), "industries": .integer(30), "products_per_industry": .integer(12),
        "cities": .integer(280), "provinces": .integer(31),
    ]
}

/// Where the KSW quality measure gets σ (`ksw_sigma`).
public enum KSWElasticitySource: String, Sendable, Codable, Equatable, CaseIterable {
    /// The simulator's true σ_j per product, standing in for the outside elasticities the paper imposes.
    case imposed
    /// σ̂ from ln q on ln p with product × destination × year FE, pooled over products.
    case estimated
    /// σ̂_j from one such regression per product.
    case estimatedByProduct = "estimated-by-product"
}
