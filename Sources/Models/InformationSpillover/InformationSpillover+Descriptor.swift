/// The scenario-facing description of the `information-spillover` model: every parameter with
/// its symbol, meaning, default and domain, the cross-parameter conditions, the columns of the
/// simulated plant panel and the truths a regression may recover
/// (design: `docs/models/information-spillover.md`).
public enum InformationSpillover {
    public static let key = "information-spillover"

    public static let descriptor = ModelDescriptor(
        key: key,
        title: "Cross-regional information spillover in multi-plant firms (Bayesian learning about destination demand)",
        source: "paper 003 (notes: papers/003-cross-regional-information-spillover.md), extended to years as in docs/models/information-spillover.md",
        parameters: parameters,
        constraints: constraints,
        // The structural estimator of v_z/v_d; the coefficients of eq. (15) are checked against `truths`
        // or against their pseudo-true values (the same regression on ln r̄, eq. (11)).
        recoverable: [("noise_ratio", "nonlinear least squares of δ(n) = n/(ρ + n) on slopes estimated within bins of n")],
        panelColumns: panelColumns,
        truths: InformationSpilloverTruth.meanings,
        noiselessOutcomes: ["lnexp": "lnexp_expected"],
        additionalPanels: ["products": productColumns],
        resources: resources
    )

    /// Columns of the plant × product × destination × year panel (`data = "products"`): the product's own
    /// columns, then every column of its plant × destination × year row.
    public static let productColumns: [String] = ["product", "lnexp_product", "heter_dummy", "cpt"] + panelColumns

    /// Columns of the simulated plant × destination × year panel, then the constructed regressors
    /// that the `Measures` layer adds from the panel and the source aggregates.
    public static let panelColumns: [String] = simulatedColumns + constructedColumns

    /// Columns `simulate` writes in `SpilloverPanel.rows`.
    public static let simulatedColumns: [String] = [
        "plant", "firm", "city", "dest", "year", "exports", "lnexp", "lnexp_expected", "imports", "lnimp",
        "delta", "n_nb", "n_oth", "slope_oth", "slope_nb",
    ]

    /// Regressors built by `Measures` (eqs. (13), (14), (16), (17) and the controls of §3.2 of the notes).
    public static let constructedColumns: [String] = [
        "dlnaffiliate", "lndensity", "dlnaffiliate_x_lndensity",
        "dlnnear", "lnnear_density", "dlnnear_x_lnnear_density",
        "dlnnear_prov", "lnprov_density", "dlnnear_prov_x_lnprov_density",
        "dlnaffiliate1", "lndensity1", "dlnaffiliate1_x_lndensity1",
        "lnexp_other", "new_dummy", "exp_dummy", "num", "lnexport", "lnsupply",
        "pooled_signal", "n_signals", "cm", "it", "mt", "income_group", "single_plant_dest", "multi_plant_province",
    ]

    /// The largest number of potential plant × destination × year cells, firms · max_plants · M · T.
    public static let maximumCells = 2_000_000_000

    static let constraints: [ParameterConstraint] = [
        ParameterConstraint("k > σ − 1") { values in
            guard let k = values.real("k"), let sigma = values.real("sigma"), k <= sigma - 1 else { return nil }
            return DomainViolation(
                key: "k", message: "k = \(k) must exceed σ − 1 = \(sigma - 1), or expected sales φ^{σ−1} are infinite",
                fix: "set k above \(sigma - 1) (or lower sigma)")
        },
        ParameterConstraint("max_plants ≤ cities") { values in
            guard let plants = values.integer("max_plants"), let cities = values.integer("cities"), plants > cities else { return nil }
            return DomainViolation(
                key: "max_plants",
                message: "max_plants = \(plants) exceeds cities = \(cities), but the plants of a firm must sit in distinct cities",
                fix: "set max_plants ≤ \(cities) (or raise cities)")
        },
        ParameterConstraint("provinces ≤ cities") { values in
            guard let provinces = values.integer("provinces"), let cities = values.integer("cities"), provinces > cities else { return nil }
            return DomainViolation(
                key: "provinces", message: "provinces = \(provinces) exceeds cities = \(cities), so some province would be empty",
                fix: "set provinces ≤ \(cities)")
        },
        ParameterConstraint("firms · max_plants · destinations · years ≤ \(maximumCells)") { values in
            guard let firms = values.integer("firms"), let plants = values.integer("max_plants"),
                  let destinations = values.integer("destinations"), let years = values.integer("years") else { return nil }
            var size = firms, overflow = false
            for factor in [plants, destinations, years] {
                let (product, didOverflow) = size.multipliedReportingOverflow(by: factor)
                size = product
                overflow = overflow || didOverflow
            }
            guard overflow || size > maximumCells else { return nil }
            return DomainViolation(
                key: "firms",
                message: "\(firms) firms × \(plants) plants × \(destinations) destinations × \(years) years is too large a panel",
                fix: "keep firms · max_plants · destinations · years at or below \(maximumCells)")
        },
        ParameterConstraint("1 + extra_products ≤ products") { values in
            // Each row ships at most `products` distinct products; a larger mean only inflates the product panel.
            guard let extra = values.real("extra_products"), let products = values.integer("products"),
                  1 + extra > Double(products) else { return nil }
            return DomainViolation(
                key: "extra_products",
                message: "extra_products = \(extra) asks for more products per row than the \(products) products that exist",
                fix: "set extra_products ≤ \(products - 1) (or raise products)")
        },
    ]
}
