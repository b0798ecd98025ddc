extension AllocationEfficiencyPipeline {
    /// Two regions × two years × 1,000 firms, the employment elasticity as the `[[estimate]]` block,
    /// k from the built-in estimator, and a two-point sweep of the Internet level I.
    package static var contractScenario: String {
        """
        [scenario]
        name = "contract-allocation-efficiency"
        model = "allocation-efficiency"
        seed = 20261121

        [model]
        regions = 2
        years = 2
        firms_per_region = 1000

        [[estimate]]
        name = "employment"
        formula = "log(employment) ~ log(phi0) + m:I | region^year^exporter + m"
        vcov = "hetero"
        recover = { "log(phi0)" = "truth.sigma_minus_one" }

        [sweep]
        I = [0.1, 0.2]

        [montecarlo]
        replications = 2
        recover = ["k"]

        [output]
        panel = true
        gnuplot = false
        """
    }
}
