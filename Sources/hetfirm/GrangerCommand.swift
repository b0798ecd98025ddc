import ArgumentParser
import Foundation
import Scenario

extension Hetfirm {
    struct Granger: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Dumitrescu–Hurlin (2012) panel Granger non-causality test (W-bar, Z-bar, Z-tilde), as R's plm::pgrangertest.",
            discussion: """
                Example: hetfirm granger panel.csv --panel firm,year --y exports --x internet --lags 2
                Each unit's y is regressed on a constant and K lags of y and x; W_i is the Wald statistic of the x lags.
                Lags follow the time column: a missing year is never bridged. Units too short for K lags are left out
                and listed (exit code 3). --lag-selection aic|bic --max-lags M chooses one K for all units.
                See docs/estimators/granger.md.
                """)

        @Argument(help: "A CSV file with a header row (NA or empty = missing).")
        var data: String
        @Option(help: "The unit and time columns, comma-separated (e.g. firm,year); time must be whole numbers.")
        var panel: String
        @Option(help: "The effect y (regressed on its own lags and those of x).") var y: String
        @Option(help: "The cause x.") var x: String
        @Option(help: "The lag order K (≥ 1).") var lags: Int?
        @Option(help: "Choose K by aic or bic (mean over units on a common sample), up to --max-lags.") var lagSelection: String?
        @Option(help: "The largest K --lag-selection tries.") var maxLags: Int?
        @Option(help: "Field separator: ',', ';', 'tab' or '|' (default: detected from the header; .tsv files are tab-separated).")
        var delimiter: String?
        @Flag(help: "Print the result as JSON, with every unit's Wald statistic.") var json = false
        @Flag(help: "Report the seconds spent reading the CSV and testing, on standard error.") var timing = false

        func run() throws {
            var request = DataGranger.Request(dataPath: data, panel: panel, effect: y, cause: x)
            request.lags = lags
            request.lagSelection = lagSelection
            request.maximumLags = maxLags
            request.json = json
            request.delimiter = delimiter
            try DataCommandOutcome.run({ try DataGranger.run(request) }, text: \.text,
                                       timing: timing ? { String(format: "timing: reading %.3f s, test %.3f s", $0.readingSeconds, $0.testSeconds) } : nil,
                                       warnings: \.warnings)
        }
    }
}
