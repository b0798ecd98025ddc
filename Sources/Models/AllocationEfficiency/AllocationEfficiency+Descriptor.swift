/// The scenario-facing description of the `allocation-efficiency` model: every
/// parameter with its symbol, meaning, default and domain, and the cross-parameter
/// conditions of the well-posed completion documented in docs/models/allocation-efficiency.md.
public enum AllocationEfficiency {
    public static let key = "allocation-efficiency"

    public static let descriptor = ModelDescriptor(
        key: key,
        title: "Internet, allocation efficiency and export complexity (Melitz with Pareto and product complexity)",
        source: "paper 000 (notes: papers/000-internet-allocation-efficiency.md), completed as in docs/models/allocation-efficiency.md",
        parameters: parameters,
        constraints: constraints + [panelConstraint],
        recoverable: [
            (key: "k", estimator: "k̂ = α̂ (σ̂ − 1): α̂ the Pareto tail MLE of final-year domestic sales, σ̂ from the markup"),
            (key: "sigma", estimator: "σ̂ = μ̂ / (μ̂ − 1), ln μ̂ the mean of ln(revenue ÷ production employment)"),
            (key: "sales_shape", estimator: "α̂ = (n − 2) / Σ ln(sales / min sales): Pareto tail MLE, small-sample corrected"),
        ],
        panelColumns: ["firm", "region", "year", "I", "phi0", "m", "exporter", "domestic_sales", "export_sales", "employment"],
        truths: AllocationEfficiencyTruth.meanings,
        resources: resources
    )

    static let parameters: [ParameterSpec] = [
        .init(key: "sigma", symbol: "σ", name: "elasticityOfSubstitution",
              meaning: "CES elasticity of substitution between varieties, eq. (1)",
              defaultValue: .real(4.0), domain: .greaterThan(1)),
        .init(key: "k", symbol: "k", name: "paretoShape",
              meaning: "shape of the Pareto distribution of initial productivity φ0 (needs k > σ − 1)",
              defaultValue: .real(4.5), domain: .greaterThan(0)),
        .init(key: "phi_min", symbol: "φ_min", name: "paretoScale",
              meaning: "lower bound (scale) of the Pareto distribution of φ0",
              defaultValue: .real(1.0), domain: .greaterThan(0)),
        .init(key: "kappa", symbol: "κ", name: "complexityDilution",
              meaning: "dilution per attribute type: φ_m = (θ/κ)^m φ0; κ = 1 is eq. (5), κ > 1 the paper's verbal story",
              defaultValue: .real(1.0), domain: .atLeast(1)),
        .init(key: "m_probabilities", symbol: "P(m)", name: "complexityProbabilities",
              meaning: "distribution of product complexity m on 1..M (M = number of entries), independent of φ0",
              kind: .realList, defaultValue: .realList([0.30, 0.25, 0.20, 0.15, 0.10]), domain: .within(0, 1)),
        .init(key: "I", symbol: "I", name: "internetLevel",
              meaning: "Internet level of the economy whose equilibrium and statics are reported; θ = e^I, eq. (4)",
              defaultValue: .real(0.2), domain: .atLeast(0)),
        .init(key: "f", symbol: "f", name: "fixedCost",
              meaning: "fixed (overhead) labour cost of serving the domestic market, eq. (6)",
              defaultValue: .real(1.0), domain: .greaterThan(0)),
        .init(key: "f_x", symbol: "f_x", name: "exportFixedCost",
              meaning: "fixed labour cost of exporting (not in the paper)",
              defaultValue: .real(1.5), domain: .greaterThan(0)),
        .init(key: "tau", symbol: "τ", name: "icebergCost",
              meaning: "iceberg trade cost of exporting (not in the paper)",
              defaultValue: .real(1.3), domain: .atLeast(1)),
        .init(key: "f_e", symbol: "f_e", name: "entryCost",
              meaning: "sunk entry cost paid before φ0 and m are drawn (not in the paper)",
              defaultValue: .real(0.2), domain: .greaterThan(0)),
        .init(key: "A_x", symbol: "A_x", name: "foreignDemand",
              meaning: "exogenous foreign demand level (R_x/σ)(ρ P_x)^(σ−1)",
              defaultValue: .real(0.005), domain: .greaterThan(0)),
        .init(key: "L", symbol: "L", name: "labourForce",
              meaning: "workers per region (w = 1); sets domestic expenditure R = L for welfare",
              defaultValue: .real(1.0), domain: .greaterThan(0)),
        .init(key: "regions", symbol: "R", name: "regionCount",
              meaning: "number of regions in the simulated panel",
              kind: .integer, defaultValue: .integer(10), domain: .within(1, 10_000)),
        .init(key: "years", symbol: "T", name: "yearCount",
              meaning: "number of years in the simulated panel",
              kind: .integer, defaultValue: .integer(8), domain: .within(1, 200)),
        .init(key: "firms_per_region", symbol: "N", name: "entrantsPerRegion",
              meaning: "potential entrants per region (each draws φ0 and m once)",
              kind: .integer, defaultValue: .integer(4000), domain: .within(1, 10_000_000)),
        .init(key: "I_low", symbol: "I_1", name: "lowestInternetLevel",
              meaning: "first-year Internet level of region 1; regions are spaced evenly up to I_high",
              defaultValue: .real(0.05), domain: .atLeast(0)),
        .init(key: "I_high", symbol: "I_R", name: "highestInternetLevel",
              meaning: "first-year Internet level of region R",
              defaultValue: .real(0.25), domain: .atLeast(0)),
        .init(key: "I_growth", symbol: "ΔI", name: "internetGrowth",
              meaning: "yearly rise of every region's Internet level",
              defaultValue: .real(0.01), domain: .atLeast(0)),
        .init(key: "employment_error", symbol: "s_ε", name: "employmentErrorScale",
              meaning: "SD of the log measurement error of employment: measured = true × e^ε, ε ~ N(0, s_ε²)",
              defaultValue: .real(0.3), domain: .atLeast(0)),
        .init(key: "phi0_reference", symbol: "φ0_ref", name: "referenceProductivity",
              meaning: "initial productivity at which the export cutoff complexity m*_x(φ0, I) is reported",
              defaultValue: .real(3.0), domain: .greaterThan(0)),
    ]

    /// The largest panel a run may simulate, in potential firm-years (about 10 GB of columns at most).
    public static let maximumPanelSize = 200_000_000

    static let constraints: [ParameterConstraint] = [
        ParameterConstraint("k > σ − 1") { values in
            guard let k = values.real("k"), let sigma = values.real("sigma"), k <= sigma - 1 else { return nil }
            return DomainViolation(
                key: "k", message: "k = \(k) must exceed σ − 1 = \(sigma - 1), or average productivity is infinite",
                fix: "set k above \(sigma - 1) (or lower sigma)")
        },
        ParameterConstraint("m_probabilities is non-empty and sums to 1") { values in
            guard let probabilities = values.list("m_probabilities") else { return nil }
            if probabilities.isEmpty {
                return DomainViolation(key: "m_probabilities", message: "the complexity distribution is empty",
                                       fix: "give at least one probability, e.g. m_probabilities = [1.0]")
            }
            let total = probabilities.reduce(0, +)
            guard abs(total - 1) > 1e-9 else { return nil }
            return DomainViolation(
                key: "m_probabilities", message: "probabilities of m sum to \(total), not 1",
                fix: "rescale the entries so that they sum to 1")
        },
        ParameterConstraint("R · T · N ≤ \(maximumPanelSize) potential firm-years") { values in
            guard let regions = values.integer("regions"), let years = values.integer("years"),
                  let firms = values.integer("firms_per_region") else { return nil }
            let (partial, overflow1) = regions.multipliedReportingOverflow(by: years)
            let (size, overflow2) = partial.multipliedReportingOverflow(by: firms)
            guard overflow1 || overflow2 || size > maximumPanelSize else { return nil }
            return DomainViolation(
                key: "firms_per_region",
                message: "a panel of \(regions) regions × \(years) years × \(firms) entrants is too large to hold in memory",
                fix: "keep regions × years × firms_per_region at or below \(maximumPanelSize)")
        },
        ParameterConstraint("I_high ≥ I_low") { values in
            guard let low = values.real("I_low"), let high = values.real("I_high"), high < low else { return nil }
            return DomainViolation(key: "I_high", message: "I_high = \(high) is below I_low = \(low)",
                                   fix: "swap them or set I_high ≥ I_low")
        },
    ]
}
