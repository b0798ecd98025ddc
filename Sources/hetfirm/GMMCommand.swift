import ArgumentParser
import Foundation
import Scenario

extension Hetfirm {
    struct GMM: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "gmm",
            abstract: "Arellano–Bond difference GMM and Blundell–Bond system GMM on a CSV panel (plm pgmm conventions).",
            discussion: """
                Example: hetfirm gmm empluk.csv "log(emp) ~ l(log(emp), 1:2) + l(log(wage), 0:1) + log(capital) | l(log(emp), 2:99)" --panel firm,year
                The formula has plm's parts: the equation | GMM-style instruments l(v, a:b) | optional standard instruments.
                Reports the robust (one-step) or Windmeijer-corrected (two-step) standard errors, AR(1)/AR(2), Hansen J,
                Sargan and Wald tests, and the instrument count beside the number of groups. See docs/estimators/gmm.md.
                """)

        @Argument(help: "A CSV file with a header row (NA or empty = missing).") var data: String
        @Argument(help: "y ~ regressors | GMM instruments [| standard instruments], with l(), f(), d() and log().") var formula: String
        @Option(help: "The panel's unit and time columns, ID,TIME.") var panel: String
        @Option(help: "difference (Arellano–Bond) or system (Blundell–Bond).") var transformation = "difference"
        @Option(help: "one or two (two-step efficient GMM with the Windmeijer correction).") var steps = "two"
        @Option(help: "individual, or twoways (period dummies).") var effect = "twoways"
        @Flag(help: "One instrument column per lag instead of per lag and period (Roodman 2009).") var collapse = false
        @Flag(help: "Print the result as JSON.") var json = false
        @Option(help: "Field separator: ',', ';', 'tab' or '|' (default: detected).") var delimiter: String?
        @Flag(help: "Report the seconds spent reading the CSV and estimating, on standard error.") var timing = false
        @Option(help: "Report the speed and half-life of convergence from the slope on this coefficient (growth form, e.g. d(log(y)) ~ l(log(y), 1) + …).") var convergence: String?
        @Option(help: "Horizon T of the growth in --convergence (periods; default 1).") var horizon: Double = 1
        @Option(help: "total (default) or per-period growth for --convergence.") var growth = "total"
        @Option(help: "For conditional convergence: TERM=VALUE (repeatable), the slope is b + VALUE·b_TERM.") var convergenceAt: [String] = []

        func run() throws {
            var request = DataGMM.Request(dataPath: data, formula: formula, panel: panel)
            request.transformation = transformation
            request.steps = steps
            request.effect = effect
            request.collapse = collapse
            request.json = json
            request.delimiter = delimiter
            request.convergence = ConvergenceOptions(coefficient: convergence, horizon: horizon, growth: growth, at: convergenceAt)
            try DataCommandOutcome.run({ try DataGMM.run(request) }, text: \.text,
                                       timing: timing ? { String(format: "timing: reading %.3f s, estimation %.3f s", $0.readingSeconds, $0.estimationSeconds) } : nil,
                                       warnings: \.warnings)
        }
    }
}
