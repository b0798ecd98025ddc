/// What the province model knows and the estimators must recover, by name (`truth.NAME`). The
/// structural values are the parameters; the others are computed per replication by the pipeline
/// from the noise-free quantities (docs/models/allocation-efficiency.md, "Truths").
public struct AllocationRegionalTruth: Sendable, ModelTruth {
    public var values: [String: Double]

    public init(values: [String: Double]) { self.values = values }

    /// The structural truths of `parameters`.
    public init(structural p: AllocationRegionalParameters) {
        values = ["rho": p.technologyDiffusion, "rho_internet": p.technologyDiffusionInternet, "alpha1": p.catchUp,
                  "alpha3": p.catchUpInternet, "acceleration": p.convergenceAcceleration, "theta_internet": p.thetaInternet]
    }

    public static let meanings: [(name: String, meaning: String)] = [
        ("dmet_dI", "mean over province-years of dMET_rt/dI_rt: the contemporaneous own effect of latent Internet on MET through θ and T's diffusion, PRODY held at the year's noise-free values"),
        ("dlnmet_dI", "the same for ln MET"),
        ("dallo_dI", "mean of dALLO_rt/dI_rt (output responds, capital is predetermined but for this year's investment)"),
        ("dI_dinter", "OLS slope of I on INTER within province and year (INTER is normalised year by year, eqs. 14–15, so it measures a province's position)"),
        ("dI_dinter_province", "mean over provinces of the within-province OLS slope of I on INTER (what group-mean FMOLS without year effects sees)"),
        ("dmet_dinter", "dmet_dI × dI_dinter: what MET on INTER with province and year effects recovers if MET is linear in I and nothing else moves"),
        ("dlnmet_dinter", "dlnmet_dI × dI_dinter"),
        ("dlnmet_dinter_province", "dlnmet_dI × dI_dinter_province: the same in the within-province scale of INTER (group-mean FMOLS without year effects)"),
        ("dlnmet_dinter_via_theta", "the part of dlnmet_dinter that runs through allocation efficiency θ (λ ∂ln MET/∂ln θ × dI_dinter): the indirect effect a mediation through ALLO looks for"),
        ("dallo_dinter", "dallo_dI × dI_dinter"),
        ("allocation_share", "share of dMET/dI that runs through allocation efficiency θ (λ ∂MET/∂ln θ), the rest through technology diffusion"),
        ("rho", "ρ, technology diffusion through W_FP (eq. 24)"),
        ("rho_internet", "ρ′, Internet's strengthening of the diffusion (eq. 25)"),
        ("alpha1", "α1, the catch-up of local technology (eq. 26)"),
        ("alpha3", "α3, Internet's acceleration of the catch-up (eq. 26)"),
        ("acceleration", "α3/α1, the convergence acceleration (eq. 26, as the paper's FMOLS columns compute it)"),
        ("theta_internet", "λ in ln θ = λ I + a"),
    ]

    /// The simulated province panel's columns.
    public static let panelColumns = [
        "province", "year", "coastal", "post_crisis", "x", "y", "I", "ln_theta", "T", "INTER", "MET", "lnMET",
        "MET_expected", "lnMET_expected", "ALLO", "ALLO_true", "PGDP", "Y", "K", "L", "GOV", "LAB", "OPEN", "URBAN",
    ] + InternetIndicators.names

    public func value(named name: String) -> Double? { values[name] }
}
