import ArgumentParser
import Foundation
import Scenario

extension Hetfirm {
    struct FMOLS: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "fmols",
            abstract: "Panel fully modified OLS: Pedroni's group-mean or the pooled (within) estimator.",
            discussion: """
                Example: hetfirm fmols panel.csv "y ~ x1 + x2" --panel country,year --kernel bartlett --bandwidth 4
                Each unit has its own intercept and long-run covariances; unit FMOLS follows Python arch's
                FullyModifiedOLS (trend "c"). Units with fewer than k + 3 periods are dropped and counted.
                See docs/estimators/fmols.md.
                """)

        @Argument(help: "A CSV file with a header row (NA or empty = missing; text columns are categorical).")
        var data: String
        @Argument(help: "The cointegrating regression \"y ~ x1 + x2\" (no fixed-effect part).")
        var formula: String
        @Option(help: "The unit and time columns, e.g. --panel country,year (times: whole numbers).")
        var panel: String
        @Option(help: "group-mean (Pedroni's between-dimension estimator, the default) or pooled (within dimension).")
        var method = "group-mean"
        @Option(help: "Long-run covariance kernel: bartlett (the default), parzen or quadratic-spectral.")
        var kernel = "bartlett"
        @Option(help: "Bandwidth: a non-negative number (rounded up to a whole number) or auto (Newey–West 1994 per unit).")
        var bandwidth = "auto"
        @Flag(help: "Print the result as JSON (with every unit's estimates).")
        var json = false
        @Flag(help: "Also print every unit's FMOLS estimates.")
        var units = false
        @Flag(help: "Report the seconds spent reading the CSV and estimating, on standard error.")
        var timing = false
        @Option(help: "Field separator: ',', ';', 'tab' or '|' (default: detected from the header; .tsv files are tab-separated).")
        var delimiter: String?

        func run() throws {
            var request = DataFMOLS.Request(dataPath: data, formula: formula, panel: panel)
            request.method = method
            request.kernel = kernel
            request.bandwidth = bandwidth
            request.json = json
            request.units = units
            request.delimiter = delimiter
            try DataCommandOutcome.run({ try DataFMOLS.runTimed(request) }, text: \.text,
                                       timing: timing ? { String(format: "timing: reading %.3f s, estimation %.3f s", $0.readingSeconds, $0.estimationSeconds) } : nil)
        }
    }
}
