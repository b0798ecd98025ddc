/// The simulator's scenario keys (issue 6) and their cross-parameter conditions. The defaults give
/// a small, fast panel; `QualityLadderSimulationSettings.paperScale` gives the paper's scale.
extension QualityLadder {
    static let count = ParameterDomain(lowerBound: 1, upperBound: 100_000_000)
    static let nonNegative = ParameterDomain.atLeast(0)

    static let simulationParameters: [ParameterSpec] = [
        .init(key: "firms", symbol: "n_firms", name: "firmCount", meaning: "surviving firms simulated (simulator)",
              kind: .integer, defaultValue: .integer(300), domain: count),
        .init(key: "years", symbol: "T", name: "yearCount", meaning: "panel years (simulator)",
              kind: .integer, defaultValue: .integer(6), domain: count),
        .init(key: "first_year", symbol: "t0", name: "firstYear", meaning: "label of the first year (paper: 2004)",
              kind: .integer, defaultValue: .integer(2004), domain: .within(1, 10_000)),
        .init(key: "destinations", symbol: "M", name: "destinationCount", meaning: "destination countries",
              kind: .integer, defaultValue: .integer(12), domain: count),
        .init(key: "destinations_per_firm", symbol: "m̄", name: "meanDestinationsPerFirm",
              meaning: "mean size of a firm's destination set, 1 + Poisson(m̄ − 1), capped at M",
              defaultValue: .real(3.0), domain: .atLeast(1)),
        .init(key: "industries", symbol: "J", name: "industryCount", meaning: "industries (frontier: industry × year maximum)",
              kind: .integer, defaultValue: .integer(5), domain: count),
        .init(key: "products_per_industry", symbol: "P", name: "productsPerIndustry",
              meaning: "product codes per industry (≥ products, the ladder length)",
              kind: .integer, defaultValue: .integer(4), domain: count),
        .init(key: "cities", symbol: "n_cities", name: "cityCount", meaning: "cities (1984 cross-section per city)",
              kind: .integer, defaultValue: .integer(12), domain: count),
        .init(key: "provinces", symbol: "n_prov", name: "provinceCount",
              meaning: "provinces; city c lies in province 1 + (c − 1) mod provinces",
              kind: .integer, defaultValue: .integer(4), domain: count),
        .init(key: "dest_group_shares", symbol: "s_dest", name: "destinationGroupShares",
              meaning: "probabilities of the developed, developing, least-developed destination groups",
              kind: .realList, defaultValue: .realList([0.55, 0.40, 0.05]), domain: .within(0, 1)),
        .init(key: "trade_type_shares", symbol: "s_mode", name: "tradeTypeShares",
              meaning: "probabilities of pure general, pure processing, mixed trade firms",
              kind: .realList, defaultValue: .realList([0.15, 0.05, 0.80]), domain: .within(0, 1)),
        .init(key: "ownership_shares", symbol: "s_own", name: "ownershipShares",
              meaning: "probabilities of state-owned, private, other firms",
              kind: .realList, defaultValue: .realList([0.02, 0.58, 0.40]), domain: .within(0, 1)),
        .init(key: "demand", symbol: "demand", name: "demandLayer",
              meaning: "observed demand layer: \"ces\" (KSW's model) or \"linear\" (the model's own)",
              kind: .choice(QualityLadderDemandLayer.allCases.map(\.rawValue)), defaultValue: .choice("ces")),
        .init(key: "sigma", symbol: "σ", name: "elasticityOfSubstitution", meaning: "CES elasticity of the observed layer, notes eq. (19)",
              defaultValue: .real(4.0), domain: .greaterThan(1)),
        .init(key: "ksw_sigma", symbol: "σ̂_KSW", name: "kswElasticity",
              meaning: "σ in KSW quality: the true σ_j per product (\"imposed\"), or estimated from ln q on ln p with product × destination × year FE, pooled or per product",
              kind: .choice(KSWElasticitySource.allCases.map(\.rawValue)), defaultValue: .choice("imposed")),
        .init(key: "sigma_sd", symbol: "s_σ", name: "elasticityDispersion", meaning: "SD of ln(σ_j − 1) across products (0: common σ)",
              defaultValue: .real(0.0), domain: nonNegative),
        .init(key: "quantity_scale", symbol: "Q̄", name: "quantityScale", meaning: "units a typical firm sells in a destination of size 1",
              defaultValue: .real(1000.0), domain: .greaterThan(0)),
        .init(key: "destination_size_sd", symbol: "s_m", name: "destinationSizeDispersion", meaning: "SD of ln destination size",
              defaultValue: .real(1.0), domain: nonNegative),
        .init(key: "chi_sd", symbol: "s_χ", name: "shifterDispersion", meaning: "SD of the product × destination × year shifter χ_jmt (CES layer)",
              defaultValue: .real(0.5), domain: nonNegative),
        .init(key: "quantity_noise_sd", symbol: "s_ε", name: "quantityNoise", meaning: "SD of the log-quantity noise ε of each record",
              defaultValue: .real(0.3), domain: nonNegative),
        .init(key: "price_noise_sd", symbol: "s_p", name: "priceNoise", meaning: "SD of the log unit-value noise of each record",
              defaultValue: .real(0.05), domain: nonNegative),
        .init(key: "I_max", symbol: "I_max", name: "maximumDigitalInput",
              meaning: "digital input approached as patents grow: I_it = I + (I_max − I)(1 − e^{−κ Eco_it})",
              defaultValue: .real(2.0), domain: .greaterThan(0)),
        .init(key: "kappa", symbol: "κ", name: "digitalResponse", meaning: "response of digital input to Eco = ln(1 + patents)",
              defaultValue: .real(0.5), domain: .greaterThan(0)),
        .init(key: "patent_intercept", symbol: "m0", name: "patentIntercept", meaning: "intercept of the log patent intensity",
              defaultValue: .real(-0.5)),
        .init(key: "patent_propensity_sd", symbol: "s_a", name: "patentPropensityDispersion", meaning: "SD of the firm's patenting propensity a_i",
              defaultValue: .real(1.0), domain: nonNegative),
        .init(key: "patent_persistence", symbol: "ρ_P", name: "patentPersistence", meaning: "loading of ln(1 + P_{i,t−1}) in the log patent intensity",
              defaultValue: .real(0.3), domain: .within(0, 0.99)),
        .init(key: "pi_phone", symbol: "π_phone", name: "phoneStrength", meaning: "first-stage strength of 1984 telephones × provincial ports",
              defaultValue: .real(0.3)),
        .init(key: "pi_post", symbol: "π_post", name: "postStrength", meaning: "first-stage strength of 1984 post offices × provincial ports",
              defaultValue: .real(0.2)),
        .init(key: "pi_patent", symbol: "π_patent", name: "foreignPatentStrength", meaning: "first-stage strength of foreign patents in the industry",
              defaultValue: .real(0.3)),
        .init(key: "ports_growth", symbol: "g_ports", name: "portsGrowth", meaning: "yearly growth of ln provincial internet ports",
              defaultValue: .real(0.15)),
        .init(key: "ports_sd", symbol: "s_ports", name: "portsDispersion", meaning: "SD of the province-year shock to ln ports",
              defaultValue: .real(0.2), domain: nonNegative),
        .init(key: "foreign_patent_growth", symbol: "g_FP", name: "foreignPatentGrowth", meaning: "yearly growth of the foreign-patent index",
              defaultValue: .real(0.1)),
        .init(key: "foreign_patent_sd", symbol: "s_FP", name: "foreignPatentDispersion", meaning: "SD of the industry-year shock to the foreign-patent index",
              defaultValue: .real(0.3), domain: nonNegative),
        .init(key: "appeal_sd", symbol: "s_ξ", name: "appealDispersion", meaning: "SD of ξ_it, unobserved demand appeal in observed quantities (0: off)",
              defaultValue: .real(0.0), domain: nonNegative),
        .init(key: "appeal_in_patents", symbol: "λ_ξ", name: "appealInPatents", meaning: "loading of ξ_it in the log patent intensity (endogeneity of Eco)",
              defaultValue: .real(0.0)),
        .init(key: "tfp_input_elasticity", symbol: "τ", name: "tfpInputElasticity",
              meaning: "elasticity of measured TFP to digital input: tfp = ln(1/c) + τ ln(I_it/I) + 0.1 z (eq. (5); Table 8)",
              defaultValue: .real(0.5), domain: nonNegative),
        .init(key: "external_tfp_gap", symbol: "g_US", name: "externalFrontierGap",
              meaning: "mean log gap of the external (US) TFP frontier above the Chinese industry × year maximum (Table 8)",
              defaultValue: .real(0.3), domain: .greaterThan(0)),
        .init(key: "patent_classes", symbol: "M_Z", name: "patentClassCount",
              meaning: "patent classes (IPC main groups) for knowledge breadth 1 − HHI (Table 9)",
              kind: .integer, defaultValue: .integer(8), domain: .within(1, 10_000)),
        .init(key: "core_class_share", symbol: "s0", name: "coreClassShare",
              meaning: "share of a non-innovating firm's patents in its core class; s_it = s0 e^{−ν Eco}",
              defaultValue: .real(0.8), domain: .within(0, 1)),
        .init(key: "breadth_response", symbol: "ν", name: "breadthResponse",
              meaning: "how fast Eco spreads new patents over classes (knowledge breadth, Table 9)",
              defaultValue: .real(0.5), domain: nonNegative),
        .init(key: "min_value", symbol: "v_min", name: "minimumValue", meaning: "records with export value below this are dropped (paper: 50)",
              defaultValue: .real(50.0), domain: nonNegative),
        .init(key: "min_quantity", symbol: "q_min", name: "minimumQuantity", meaning: "records with quantity below this are dropped (paper: 1)",
              defaultValue: .real(1.0), domain: nonNegative),
    ]

    /// Conditions the simulator needs (checked in every variant: the simulator uses the consistent model).
    /// The most records a panel may generate before the filters (firm-years × destinations per firm ×
    /// ladder products): about 20 GB of columns once KSW quality and the distances are added.
    public static let maximumPotentialRecords = 40_000_000

    static let simulationConstraints: [ParameterConstraint] = [
        ParameterConstraint("firms · years · destinations_per_firm · products ≤ \(maximumPotentialRecords)") { values in
            guard let firms = values.integer("firms"), let years = values.integer("years"),
                  let perFirm = values.real("destinations_per_firm"), let products = values.integer("products") else { return nil }
            let records = Double(firms) * Double(years) * perFirm * Double(products)
            guard !(records <= Double(maximumPotentialRecords)) else { return nil }
            return DomainViolation(
                key: "firms",
                message: "\(firms) firms × \(years) years × \(perFirm) destinations × \(products) products is about \(Int(min(records, 9e18))) records, too large a panel",
                fix: "keep firms · years · destinations_per_firm · products at or below \(maximumPotentialRecords) (the paper's scale is about 15 million)")
        },
        ParameterConstraint("products_per_industry ≥ products") { values in
            guard let perIndustry = values.integer("products_per_industry"), let ladder = values.integer("products"),
                  perIndustry < ladder else { return nil }
            return DomainViolation(key: "products_per_industry",
                                   message: "an industry has \(perIndustry) product codes but a ladder may have \(ladder) products",
                                   fix: "raise products_per_industry to at least products")
        },
        ParameterConstraint("I_max > I and the SOC 4γψ > E(β−μ)² holds at I_max") { values in
            // Only for the consistent variant, and only once the theory's own conditions hold at I
            // (those are reported by the theory's constraints).
            guard let parameters = try? QualityLadderParameters(values), parameters.variant == .consistent else { return nil }
            let baseModel = QualityLadderModel(parameters: parameters)
            guard QualityLadderCondition.allCases.allSatisfy({ $0.violation(in: baseModel) == nil }) else { return nil }
            let base = parameters.digitalInput, top = parameters.simulation.maximumDigitalInput
            if top <= base {
                return DomainViolation(key: "I_max", message: "I_max = \(top) is not above I = \(base)",
                                       fix: "set I_max above I")
            }
            let model = QualityLadderModel(parameters: parameters.with(digitalInput: top))
            guard model.secondOrderMargin <= 0 else { return nil }
            return DomainViolation(key: "I_max", message: "the SOC 4γψ > E(β−μ)² fails at I_max = \(top): quality would be unbounded",
                                   fix: "lower I_max (or raise psi0)")
        },
        ParameterConstraint("the share lists have three non-negative entries summing to 1") { values in
            for key in ["dest_group_shares", "trade_type_shares", "ownership_shares"] {
                guard let shares = values.list(key) else { continue }
                if shares.count != 3 || abs(shares.reduce(0, +) - 1) > 1e-9 {
                    return DomainViolation(key: key, message: "\(key) must have three shares summing to 1",
                                           fix: "give three shares that sum to 1")
                }
            }
            return nil
        },
    ]
}
