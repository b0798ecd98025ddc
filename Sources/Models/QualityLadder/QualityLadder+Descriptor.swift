/// The scenario-facing description of the `quality-ladder` model (paper 004): every parameter
/// with its symbol, meaning, default and domain, and the conditions the consistent variant needs
/// for an equilibrium (checked only when `variant = "consistent"`; the as-printed variant reports
/// its regime instead of rejecting it).
public enum QualityLadder {
    public static let key = "quality-ladder"

    public static let descriptor = ModelDescriptor(
        key: key,
        title: "Digital innovation and export-quality catch-up (Melitz–Ottaviano with quality choice, Antoniades 2015)",
        source: "paper 004 (notes: papers/004-quality-catch-up.md), consistent variant as in docs/models/quality-ladder.md",
        parameters: parameters + simulationParameters,
        constraints: constraints + simulationConstraints,
        recoverable: [],
        panelColumns: panelColumns,
        truths: QualityLadderTruth.meanings,
        noiselessOutcomes: noiselessOutcomes,
        resources: resources
    )

    /// Outcomes with a noise-free counterpart, for `recover = { eco = "pseudo-true" }`: the measured distances
    /// without noise in quantities and prices (and without demand appeal ξ) on the observed scale, and the
    /// mechanism variables without their noise (TFP without z, breadth from expected class counts, variety
    /// from the records that pass the filters without noise). The noise-free distances are built only when a
    /// scenario block asks for a pseudo-true value.
    public static let noiselessOutcomes: [String: String] = [
        "distance": "distance_noiseless", "distance_1": "distance_1_noiseless", "distance_2": "distance_2_noiseless",
        "distance_q": "distance_q_noiseless", "tfp": "true_tfp", "tfp_distance_cn": "true_tfp_distance_cn",
        "tfp_distance_us": "true_tfp_distance_us", "knowledge_breadth": "true_knowledge_breadth",
        "knowledge_distance": "true_knowledge_distance", "variety": "true_variety", "variety_distance": "true_variety_distance",
    ]

    /// Columns of the simulated record panel, then the measures the scenario pipeline adds (KSW
    /// quality, frontier distances, Distanceq and the logs of the eq. (4) elasticity).
    public static let panelColumns: [String] = QualityLadderSimulator.panelColumns + constructedColumns

    /// Columns built by `Measures` and the pipeline from each simulated panel (docs/models/quality-ladder.md).
    public static let constructedColumns: [String] = [
        "ksw_quality", "ksw_quality_std", "frontier", "distance", "distance_1", "distance_2", "distance_q",
        "ln_distance", "ln_true_distance", "ln_digital_input",
        "variety", "tfp_distance_cn", "tfp_distance_us", "knowledge_distance", "variety_distance",
        "true_tfp_distance_cn", "true_tfp_distance_us", "true_knowledge_distance", "true_variety_distance",
        "labour_intensive",
        "distance_noiseless", "distance_1_noiseless", "distance_2_noiseless", "distance_q_noiseless",
    ]

    static let open = ParameterDomain(lowerBound: 0, lowerInclusive: false, upperBound: 1, upperInclusive: false)
    static let unitInterval = ParameterDomain(lowerBound: 0, lowerInclusive: false, upperBound: 1)

    static let parameters: [ParameterSpec] = [
        .init(key: "variant", symbol: "variant", name: "variant",
              meaning: "\"consistent\": the well-posed quality choice; \"as-printed\": eqs. (4)–(14) as printed, with the regime table",
              kind: .choice(QualityLadderVariant.allCases.map(\.rawValue)), defaultValue: .choice("consistent")),
        .init(key: "alpha", symbol: "α", name: "demandIntercept",
              meaning: "demand intercept (utility from differentiated goods), eqs. (1)–(2)",
              defaultValue: .real(2.0), domain: .greaterThan(0)),
        .init(key: "beta", symbol: "β", name: "qualityPreference",
              meaning: "consumers' preference for quality, eqs. (1)–(2)",
              defaultValue: .real(1.0), domain: .atLeast(0)),
        .init(key: "gamma", symbol: "γ", name: "productDifferentiation",
              meaning: "product differentiation (γ = 0: perfect substitutes), eqs. (1)–(3)",
              defaultValue: .real(1.0), domain: .greaterThan(0)),
        .init(key: "eta", symbol: "η", name: "competitionIntensity",
              meaning: "substitutability among differentiated goods, eqs. (1)–(2); c_D = α − ηQ^c",
              defaultValue: .real(1.0), domain: .greaterThan(0)),
        .init(key: "E", symbol: "E", name: "marketSize",
              meaning: "market size (consumers), eq. (3)",
              defaultValue: .real(10.0), domain: .greaterThan(0)),
        .init(key: "mu", symbol: "μ", name: "qualityMarginalCost",
              meaning: "marginal cost of quality: marginal cost c + μλ, eq. (6)",
              defaultValue: .real(0.5), domain: .atLeast(0)),
        .init(key: "k", symbol: "k", name: "paretoShape",
              meaning: "Pareto shape of the cost draw, G(c) = (c/c_M)^k, §2.2",
              defaultValue: .real(2.0), domain: .greaterThan(0)),
        .init(key: "c_M", symbol: "c_M", name: "costUpperBound",
              meaning: "upper bound of the cost draw (φ_M in the as-printed variant), §2.2",
              defaultValue: .real(1.0), domain: .greaterThan(0)),
        .init(key: "f_E", symbol: "f_E", name: "entryCost",
              meaning: "sunk entry cost, eq. (10)",
              defaultValue: .real(0.04), domain: .greaterThan(0)),
        .init(key: "theta", symbol: "θ", name: "innovationCapability",
              meaning: "independent innovation capability, eqs. (4)–(7)",
              defaultValue: .real(2.0), domain: .greaterThan(0)),
        .init(key: "rho", symbol: "ρ", name: "spilloverLevel",
              meaning: "technology-spillover level, eqs. (4)–(7)",
              defaultValue: .real(0.5), domain: .atLeast(0)),
        .init(key: "delta_lambda", symbol: "δ_λ", name: "qualityInfluence",
              meaning: "influence coefficient on the quality distance, eqs. (4), (6)–(7)",
              defaultValue: .real(0.5), domain: unitInterval),
        .init(key: "delta_phi", symbol: "δ_φ", name: "productivityInfluence",
              meaning: "influence coefficient on the productivity distance, eq. (5)",
              defaultValue: .real(0.5), domain: unitInterval),
        .init(key: "I", symbol: "I", name: "digitalInput",
              meaning: "digital-innovation input, eqs. (4)–(5); in the consistent variant the industry's common I in ψ = ψ0/(θ^{2ρ} δ_λ² I)",
              defaultValue: .real(1.0), domain: .greaterThan(0)),
        .init(key: "psi0", symbol: "ψ0", name: "qualityCostScale",
              meaning: "scale of the consistent quality cost ψλ², ψ = ψ0/(θ^{2ρ} δ_λ² I) (ψ0 = I = 1: the printed cost of eq. (6))",
              defaultValue: .real(1.0), domain: .greaterThan(0)),
        .init(key: "lambda_F", symbol: "λ_F", name: "frontierQuality",
              meaning: "frontier quality in the as-printed variant, eqs. (8)–(9) (consistent: λ_F = ϕ c_D is derived)",
              defaultValue: .real(1.0), domain: .atLeast(0)),
        .init(key: "phi_F", symbol: "φ_F", name: "frontierCost",
              meaning: "frontier cost draw in the as-printed variant, φ_i = φ_F − Δφ_i, eq. (12)",
              defaultValue: .real(0.0), domain: .atLeast(0)),
        .init(key: "omega", symbol: "ω", name: "ladderCostFactor",
              meaning: "cost-ladder factor of multi-product firms (the paper's σ, eq. (15)); product n costs c/ω^{n−1}",
              defaultValue: .real(0.8), domain: open),
        .init(key: "products", symbol: "N", name: "maximumProducts",
              meaning: "the longest product ladder a firm may have (1: single-product firms)",
              kind: .integer, defaultValue: .integer(3), domain: .within(1, 1000)),
    ]

    /// The consistent variant's conditions, in the order `solve` checks them.
    static let constraints: [ParameterConstraint] = QualityLadderCondition.allCases.map { condition in
        ParameterConstraint("\(condition.rawValue) (consistent variant)") { values in
            guard values.choice("variant") == QualityLadderVariant.consistent.rawValue,
                  let parameters = try? QualityLadderParameters(values) else { return nil }
            let model = QualityLadderModel(parameters: parameters)
            // Later conditions need the earlier ones (c_D needs Π > 0): report only the first failure.
            for earlier in QualityLadderCondition.allCases.prefix(while: { $0 != condition })
            where earlier.violation(in: model) != nil { return nil }
            guard let violation = condition.violation(in: model), let key = violation.keys.first else { return nil }
            return DomainViolation(key: key, message: violation.reason, fix: violation.fix)
        }
    }
}
