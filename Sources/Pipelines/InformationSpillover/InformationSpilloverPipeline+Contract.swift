extension InformationSpilloverPipeline {
    /// 150 firms in 25 cities over five years, the baseline spillover regression as the `[[estimate]]`
    /// block (`recover = []` skips the structural fit of the noise ratio, which takes seconds per replication
    /// in a debug build), and a two-point sweep of the signal noise v_z.
    package static var contractScenario: String {
        """
        [scenario]
        name = "contract-information-spillover"
        model = "information-spillover"
        seed = 3

        [model]
        firms = 150
        cities = 25
        provinces = 5
        destinations = 8
        years = 5

        [[estimate]]
        name = "baseline"
        formula = "lnexp ~ dlnaffiliate + dlnaffiliate_x_lndensity + lndensity | it + mt + cm"
        vcov = { cluster = ["cm"] }
        recover = { dlnaffiliate_x_lndensity = "truth.beta2" }

        [sweep]
        v_z = [0.5, 2.0]

        [montecarlo]
        replications = 2
        recover = []

        [output]
        panel = true
        gnuplot = false
        """
    }
}
