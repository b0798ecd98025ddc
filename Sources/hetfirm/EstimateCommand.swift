import Pipelines
import ArgumentParser
import Foundation
import Scenario

extension Hetfirm {
    struct Estimate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "OLS with absorbed fixed effects on a CSV panel, fixest syntax and standard errors.",
            discussion: """
                Example: hetfirm estimate panel.csv "y ~ x1 + x2 | firm + year" --vcov cluster=firm
                Multiple estimation as in fixest: "c(y1, y2) ~ x1 + csw0(x2, x3) | sw0(firm)" and --split region
                (one model per value of region; --fsplit also estimates on the full sample first), all in one table.
                Without --vcov the standard errors follow fixest: clustered by the first fixed effect, iid without fixed effects.
                Text columns (state names, ISO codes, industry codes) are categorical: use them as fixed effects,
                in interactions (state^year), as cluster variables and with --split. See docs/estimators/data-input.md.
                """)

        @Argument(help: "A CSV file with a header row (NA or empty = missing; text columns are categorical).")
        var data: String

        @Argument(help: "One or more fixest formulas: \"y ~ x1 + x2:x3 + log(z) | fe1 + fe2^fe3\". Several are shown side by side.")
        var formulas: [String] = []

        @Option(help: "iid, hc1, cluster=VAR[,VAR] (a VAR may be a^b), nw (panel Newey-West) or dk (Driscoll-Kraay); nw and dk need --panel.")
        var vcov: String?

        @Option(help: "A column of analytic weights (fixest/pyfixest weights, Stata aweight): rows with weight 0 are left out; a missing or negative weight is an error.")
        var weights: String?

        @Option(help: "Report the speed and half-life of convergence from the slope on this coefficient (the initial log level of a growth regression), e.g. \"l(log(gdp), 1)\".")
        var convergence: String?

        @Option(help: "Horizon T of the growth in --convergence (periods; default 1).")
        var horizon: Double = 1

        @Option(help: "How the dependent variable measures growth for --convergence: total (ln y_t - ln y_t-T, the default) or per-period (divided by T).")
        var growth = "total"

        @Option(help: "For conditional convergence: an interaction coefficient and the value of the interacted variable, TERM=VALUE (repeatable); the slope is then b + VALUE·b_TERM.")
        var convergenceAt: [String] = []

        @Option(help: "Bandwidth L of --vcov nw or dk (Bartlett weights 1 - j/(L+1); default floor(T^(1/4)) over the T periods).")
        var lags: Int?

        @Option(help: "The panel's unit and time columns, ID,TIME: enables l(x, k), f(x, k) and d(x) in formulas (times must be whole numbers; a gap gives a missing lag).")
        var panel: String?

        @Option(help: "Field separator: ',', ';', 'tab' or '|' (default: detected from the header; .tsv files are tab-separated).")
        var delimiter: String?

        @Flag(help: "Also print the fixed-effect coefficients.")
        var fixef = false

        @Flag(help: "Print the result as JSON.")
        var json = false

        @Option(help: "How fixed effects count in K: fixest (Σ levels − (#FE − 1), the default) or reghdfe (exact, by connected components).")
        var dof = "fixest"

        @Option(help: "Small-sample convention: finite-sample (fixest/pyfixest corrections, t inference; the default) or asymptotic (ivreg2 without small, linearmodels debiased=False: RSS/n, HC0, no cluster factors, z inference).")
        var ssc = "finite-sample"

        @Flag(help: "Keep a multi-way covariance that is not positive semi-definite as it is (fixest's eigenvalue fix is on by default).")
        var noPsdFix = false

        @Option(help: "Table format: text (fixest summary for one model, an etable-style text table for several), markdown, latex or csv.")
        var table: String?

        @Option(help: "Estimate every model on each value of this column (rows where it is missing are left out).")
        var split: String?

        @Option(help: "Like --split, with the full sample first.")
        var fsplit: String?

        @Flag(help: "Report the seconds spent reading the CSV and estimating, on standard error.")
        var timing = false

        /// `--convergence`, `--horizon`, `--growth` and `--convergence-at` as written (checked by `DataEstimation`).
        var convergenceOptions: ConvergenceOptions {
            ConvergenceOptions(coefficient: convergence, horizon: horizon, growth: growth, at: convergenceAt)
        }

        func run() throws {
            let output: EstimationOutput
            if json {
                output = .json
            } else if let table {
                guard let format = EstimationOutput(rawValue: table), format != .json else {
                    throw badInput("--table must be text, markdown, latex or csv, not '\(table)'")
                }
                output = format
            } else {
                output = .text
            }
            if split != nil && fsplit != nil { throw badInput("give --split or --fsplit, not both") }
            let sampleSplit = (split ?? fsplit).map { SampleSplit(column: $0, includesFullSample: fsplit != nil) }
            try DataCommandOutcome.run({
                try DataEstimation.run(dataPath: data, formulas: formulas, vcov: vcov, fixedEffects: fixef, output: output,
                                       degreesOfFreedom: dof, fixNonPositiveDefinite: !noPsdFix, split: sampleSplit,
                                       smallSample: ssc, delimiter: delimiter, panel: panel, lags: lags, weights: weights,
                                       convergence: convergenceOptions)
            }, text: \.text,
            timing: timing ? { String(format: "timing: reading %.3f s, estimation %.3f s", $0.readingSeconds, $0.estimationSeconds) } : nil,
            warnings: \.warnings)
        }
    }
}
