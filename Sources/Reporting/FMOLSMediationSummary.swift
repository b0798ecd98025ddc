import Estimation

/// The summary table of the mediation steps by panel FMOLS (paper 000's Table 2): the paths with
/// stars and standard errors, the indirect effect with Sobel and Aroian tests, the share mediated and
/// the verdict in words, one column per mediator.
public enum FMOLSMediationSummary {
    public static func markdown(_ results: [FMOLSMediationResult]) -> String {
        guard let first = results.first else { return "" }
        let path = MediationSummary.path, test = MediationSummary.test
        let method = first.totalEffectEquation.options.method == .groupMean ? "group-mean" : "pooled"
        let rows: [[String]] = [
            ["total effect c (Y on X)"] + results.map { path($0.total) },
            ["a (M on X)"] + results.map { path($0.a) },
            ["b (Y on M given X)"] + results.map { path($0.b) },
            ["direct effect c′ (Y on X given M)"] + results.map { path($0.direct) },
            ["indirect effect a·b"] + results.map { NumberFormat.general($0.indirectEffect, digits: 5) },
            ["Sobel"] + results.map { test($0.sobel) },
            ["Aroian"] + results.map { test($0.aroian) },
            ["share mediated a·b / c"] + results.map { result in
                result.shareMediated.map { NumberFormat.fixed(100 * $0, digits: 1) + "%" } ?? "—"
            },
            ["units (Y ~ X + M)"] + results.map { String($0.outcomeEquation.units.count) },
            ["Observations"] + results.map { RegressionSummary.grouped($0.observationCount) },
            ["Estimator"] + results.map { _ in "\(method) FMOLS" },
        ]
        let header = ["X = \(first.treatment), Y = \(first.outcome)"] + results.map { "M = \($0.mediator)" }
        var text = MarkdownTable(header: header, rows: rows).render()
        if !text.hasSuffix("\n") { text += "\n" }
        text += "\nCoefficients with stars (*** 0.01, ** 0.05, * 0.1; normal p-values of the FMOLS t statistics) "
            + "and standard errors in parentheses.\n"
        for result in results {
            text += "\n\(result.mediator): \(result.explanation)"
            for note in result.notes { text += "\n  note: \(note)" }
        }
        return text + "\n"
    }
}
