import Estimation

/// The mediation summary table: the stepwise paths, the indirect effect with Sobel, Aroian and
/// bootstrap inference, the share mediated and the verdict in words, one column per mediator.
public enum MediationSummary {
    public static func markdown(_ results: [MediationResult]) -> String {
        guard let first = results.first else { return "" }
        func interval(_ interval: ClosedInterval?) -> String {
            guard let interval else { return "—" }
            return "[" + NumberFormat.general(interval.lower, digits: 4) + ", " + NumberFormat.general(interval.upper, digits: 4) + "]"
        }
        var rows: [[String]] = [
            ["total effect c (Y on X)"] + results.map { path($0.total) },
            ["a (M on X)"] + results.map { path($0.a) },
            ["b (Y on M given X)"] + results.map { path($0.b) },
            ["direct effect c′ (Y on X given M)"] + results.map { path($0.direct) },
            ["indirect effect a·b"] + results.map { NumberFormat.general($0.indirectEffect, digits: 5) },
            ["Sobel"] + results.map { test($0.sobel) },
            ["Aroian"] + results.map { test($0.aroian) },
        ]
        if results.contains(where: { $0.bootstrap != nil }) {
            let level = results.compactMap(\.bootstrap).first.map { NumberFormat.general(100 * $0.confidenceLevel, digits: 3) } ?? ""
            rows.append(["bootstrap \(level)% CI, percentile"] + results.map { interval($0.bootstrap?.percentile) })
            rows.append(["bootstrap \(level)% CI, bias-corrected"] + results.map { interval($0.bootstrap?.biasCorrected) })
        }
        rows.append(["share mediated a·b / c"] + results.map { result in
            guard let share = result.shareMediated else { return "—" }
            return NumberFormat.fixed(100 * share, digits: 1) + "%" + (result.oppositeSigns ? " (opposite signs)" : "")
        })
        rows.append(["Observations"] + results.map { RegressionSummary.grouped($0.observationCount) })
        rows.append(["S.E. type"] + results.map { $0.outcomeRegression.covariance.type.description })
        let header = ["X = \(first.treatment), Y = \(first.outcome)"] + results.map { "M = \($0.mediator)" }
        var text = MarkdownTable(header: header, rows: rows).render()
        if !text.hasSuffix("\n") { text += "\n" }
        text += "\nCoefficients with stars (*** 0.01, ** 0.05, * 0.1) and standard errors in parentheses.\n"
        for result in results {
            text += "\n\(result.mediator): \(result.explanation)"
            for note in result.notes { text += "\n  note: \(note)" }
        }
        return text + "\n"
    }

    /// A path coefficient with stars and its standard error: `0.79354*** (0.01527)`.
    static func path(_ estimate: PathEstimate) -> String {
        NumberFormat.general(estimate.estimate, digits: 5) + SignificanceStars.marks(estimate.pValue)
            + " (" + NumberFormat.general(estimate.standardError, digits: 4) + ")"
    }

    /// A test of the indirect effect: `SE 0.05629, p = 2.16e-23`.
    static func test(_ test: IndirectEffectTest) -> String {
        "SE " + NumberFormat.general(test.standardError, digits: 4) + ", p = " + NumberFormat.general(test.pValue, digits: 3)
    }
}
