extension QualityLadderPipeline {
    /// 80 firms over three years, the within-firm regression of the frontier distance on the
    /// eco-innovation indicator as the `[[estimate]]` block, and a two-point sweep of β.
    package static var contractScenario: String {
        """
        [scenario]
        name = "contract-quality-ladder"
        model = "quality-ladder"
        seed = 11

        [model]
        firms = 80
        years = 3
        appeal_sd = 0.3
        appeal_in_patents = 1.0

        [[estimate]]
        name = "baseline"
        formula = "distance ~ eco + size | firm + year + city + industry"
        vcov = { cluster = ["firm"] }
        recover = { eco = "truth.eco_effect" }

        [sweep]
        beta = [0.9, 1.1]

        [montecarlo]
        replications = 2

        [output]
        panel = true
        gnuplot = false
        """
    }
}
