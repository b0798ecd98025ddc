extension Scenario {
    /// The same scenario with command-line overrides applied, for the resolved `scenario.toml`.
    public func applying(outputDirectory: String, replications: Int, threads: Int) -> Scenario {
        Scenario(
            sourcePath: sourcePath, name: name, model: model, seed: seed, parameters: parameters,
            montecarlo: MonteCarloSettings(replications: replications, threads: threads,
                                           recover: montecarlo.recover, level: montecarlo.level),
            sweep: sweep, estimations: estimations, mediations: mediations,
            output: OutputSettings(directory: outputDirectory, writePanel: output.writePanel,
                                   gnuplot: output.gnuplot, format: output.format),
            locator: locator, sweepMonteCarlo: sweepMonteCarlo)
    }
}
