import ArgumentParser
import Foundation
import Scenario

extension Hetfirm {
    struct Mediate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Stepwise mediation test (Baron–Kenny / Wen) with Sobel, Aroian and cluster-bootstrap inference.",
            discussion: """
                Example: hetfirm mediate panel.csv --treatment inter --mediator allo --outcome met --controls gov,open --fe province,year --vcov cluster=province
                Several mediators (comma-separated) are tested one at a time, or jointly with --joint.
                With --estimator fmols --panel ID,TIME each step is a panel FMOLS regression (paper 000's Table 2):
                hetfirm mediate panel.csv --treatment inter --mediator allo --outcome met --controls gov,lab --estimator fmols --panel province,year
                """)

        @Argument(help: "A CSV file with a header row (NA or empty = missing; text columns are categorical).")
        var data: String
        @Option(help: "Field separator: ',', ';', 'tab' or '|' (default: detected from the header; .tsv files are tab-separated).")
        var delimiter: String?
        @Option(help: "The treatment X.") var treatment: String
        @Option(help: "The mediator M (several: comma-separated).") var mediator: String
        @Option(help: "The outcome Y.") var outcome: String
        @Option(help: "Control terms, comma-separated (e.g. gov,log(pop)).") var controls: String?
        @Option(help: "Fixed effects, comma-separated (e.g. province,year or city^year).") var fe: String?
        @Option(help: "iid, hc1, or cluster=VAR[,VAR]; the bootstrap resamples the first cluster variable.") var vcov: String?
        @Option(help: "Bootstrap replications (0 turns the bootstrap off; default 999 with --estimator ols, none with fmols).")
        var bootstrap: Int?
        @Option(help: "Seed of the bootstrap's random streams.") var seed: UInt64 = 20_040_501
        @Flag(help: "All mediators in one outcome equation instead of one at a time.") var joint = false
        @Option(help: "ols (least squares with --fe, the default) or fmols (each step by panel FMOLS, as paper 000's Table 2).")
        var estimator = "ols"
        @Option(help: "With --estimator fmols: the unit and time columns, e.g. --panel province,year.") var panel: String?
        @Option(help: "With --estimator fmols: group-mean (the default) or pooled.") var fmols = "group-mean"
        @Option(help: "With --estimator fmols: bartlett (the default), parzen or quadratic-spectral.") var kernel = "bartlett"
        @Option(help: "With --estimator fmols: a non-negative bandwidth or auto (the default).") var bandwidth = "auto"

        func run() throws {
            func list(_ text: String?) -> [String] {
                (text ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            }
            var request = DataMediation.Request(dataPath: data, treatment: treatment, mediators: list(mediator), outcome: outcome)
            request.controls = list(controls)
            request.fixedEffects = list(fe)
            request.vcov = vcov
            request.bootstrapReplications = bootstrap ?? (estimator == "fmols" ? 0 : 999)
            request.estimator = estimator
            request.panel = panel
            request.fmolsMethod = fmols
            request.kernel = kernel
            request.bandwidth = bandwidth
            request.seed = seed
            request.joint = joint
            request.delimiter = delimiter
            try DataCommandOutcome.run({ try DataMediation.run(request) }, text: \.text, warnings: \.warnings)
        }
    }
}
