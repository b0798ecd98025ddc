extension AllocationRegionalPipeline {
    /// Six provinces × five years × 300 entrants, MET on INTER by OLS with province effects recovering
    /// its pseudo-true value, and a two-point sweep of the Internet trend.
    package static var contractScenario: String {
        """
        [scenario]
        name = "contract-allocation-regional"
        model = "allocation-regional"
        seed = 20261208

        [model]
        regions = 6
        years = 5
        firms_per_region = 300
        products_per_complexity = 3

        [[estimate]]
        name = "baseline"
        formula = "lnMET ~ INTER | province"
        vcov = "hetero"
        recover = { INTER = "pseudo-true" }

        [sweep]
        I_trend = [0.02, 0.03]

        [montecarlo]
        replications = 2

        [output]
        panel = true
        gnuplot = false
        """
    }
}
