import ArgumentParser
import Foundation
import Scenario

extension Hetfirm {
    struct Spatial: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "spatial",
            abstract: "Spatial lag, error, SAC, Durbin and Durbin-error models by maximum likelihood (spatialreg conventions).",
            discussion: """
                Example: hetfirm spatial columbus.csv "CRIME ~ INC + HOVAL" --weights columbus.gal --model sar --id POLYID
                Panel:   hetfirm spatial regions.csv "y ~ x1 + x2" --weights W.gal --model sdm --panel region,year --effects twoways
                The formula is fixest syntax without a fixed-effect part: effects come from --effects.
                Units are matched to W's by value; a panel must be balanced.
                rho and lambda are reported as named coefficients with information-matrix standard errors.
                See docs/estimators/spatial.md.
                """)

        @Argument(help: "A CSV file with a header row (NA or empty = missing).") var data: String
        @Argument(help: "y ~ x1 + x2 (log(), I(x^2), a:b allowed; 0 + drops the intercept).") var formula: String
        @Option(help: "The weight matrix W: a .gal or .gwt file, a dense CSV matrix or a CSV edge list.") var weights: String
        @Option(help: "gal, gwt, csv (dense matrix) or edges (default: from the extension; a CSV's header decides).") var weightsFormat: String?
        @Option(help: "sar, sem, sac, sdm or sdem.") var model = "sar"
        @Option(help: "The panel's unit and time columns, ID,TIME (a balanced panel).") var panel: String?
        @Option(help: "The unit id column of a cross-section.") var id: String?
        @Option(help: "none, individual, time or twoways (needs --panel).") var effects = "none"
        @Flag(help: "Lee–Yu (2010) bias-corrected likelihood for the fixed effects instead of the direct approach.") var leeYu = false
        @Flag(inversion: .prefixedNo, help: "Row-standardise W (default) or use it as given.") var rowStandardize = true
        @Flag(help: "Also report the LeSage–Pace direct, indirect and total effects of each regressor.") var impacts = false
        @Option(help: "Simulated draws of the estimates for the impacts' standard errors.") var draws = 1000
        @Option(help: "Seed of the impacts' simulation stream.") var seed: UInt64 = 20_261_121
        @Option(help: "How ln|I − ρW| is computed: auto (by n), eigen, sparse-lu, chebyshev or monte-carlo.") var logdet = "auto"
        @Option(help: "Paper 000's eq. (25): the spatial coefficient is rho + rho_prime × this column (with --model sar).") var rhoVariesWith: String?
        @Flag(help: "Print the result as JSON.") var json = false
        @Option(help: "Field separator of DATA: ',', ';', 'tab' or '|' (default: detected).") var delimiter: String?
        @Flag(help: "Report the seconds spent reading and estimating, on standard error.") var timing = false

        func run() throws {
            var request = DataSpatial.Request(dataPath: data, formula: formula, weightsPath: weights)
            request.weightsFormat = weightsFormat
            request.model = model
            request.panel = panel
            request.unit = id
            request.effects = effects
            request.leeYu = leeYu
            request.rowStandardize = rowStandardize
            request.json = json
            request.impacts = impacts
            request.draws = draws
            request.seed = seed
            request.delimiter = delimiter
            request.logDeterminant = logdet
            request.rhoVariesWith = rhoVariesWith
            if rhoVariesWith != nil {
                try DataCommandOutcome.run({ try DataSpatial.runVarying(request) }, text: \.text,
                                           timing: timing ? { String(format: "timing: reading %.3f s, estimation %.3f s", $0.readingSeconds, $0.estimationSeconds) } : nil,
                                           warnings: \.warnings)
                return
            }
            try DataCommandOutcome.run({ try DataSpatial.run(request) }, text: \.text,
                                       timing: timing ? { String(format: "timing: reading %.3f s, estimation %.3f s", $0.readingSeconds, $0.estimationSeconds) } : nil,
                                       warnings: \.warnings)
        }
    }
}
