import Estimation
import Foundation

/// The text `hetfirm gmm` prints: the estimator, the coefficient table with plm's default (robust) standard
/// errors, the specification tests and the instrument count next to the number of groups.
public enum DynamicPanelSummary {
    public static func text(_ result: DynamicPanelResult) -> String {
        let options = result.options
        let kind = options.transformation == .system ? "System GMM (Blundell–Bond)" : "Difference GMM (Arellano–Bond)"
        let steps = options.twoSteps ? "two-step" : "one-step"
        let covariance = options.twoSteps ? "Windmeijer-corrected two-step" : "robust one-step"
        var lines = [
            "\(kind), \(steps), \(options.effect == .twoways ? "two-way (period dummies)" : "individual") effects"
                + (options.collapse ? ", collapsed instruments" : ""),
            "Formula: \(result.formula)",
            "Groups: \(result.groupCount)   Observations: \(result.observationCount)   Instruments: \(result.instrumentCount)",
            "Standard errors: \(covariance) (plm pgmm conventions)",
        ]
        var rows: [[String]] = [["", "Estimate", "Std. Error", "z value", "Pr(>|z|)", ""]]
        for (index, name) in result.coefficientNames.enumerated() {
            let estimate = result.coefficients[index], error = result.standardErrors[index]
            let p = DynamicPanelResult.Test(statistic: estimate / error, degreesOfFreedom: nil).pValue
            rows.append([name, number(estimate), number(error), NumberFormat.fixed(estimate / error, digits: 3), pText(p),
                         SignificanceStars.marks(p)])
        }
        lines.append(RegressionSummary.aligned(rows))
        lines.append("---")
        lines.append(test("Arellano–Bond AR(1) in first differences", result.arTests[0]))
        lines.append(test("Arellano–Bond AR(2) in first differences", result.arTests[1]))
        lines.append(test("Hansen J (two-step weights; plm sargan())", result.hansen))
        lines.append(test("Sargan (one-step weights)", result.sargan))
        if let difference = result.differenceInHansen {
            lines.append(test("Difference-in-Hansen, level-equation GMM instruments", difference))
        }
        lines.append(test("Wald test of the coefficients", result.waldCoefficients))
        if let time = result.waldTimeEffects { lines.append(test("Wald test of the period effects", time)) }
        return lines.joined(separator: "\n") + "\n"
    }

    static func test(_ label: String, _ test: DynamicPanelResult.Test) -> String {
        let df = test.degreesOfFreedom.map { "chi2(\($0)) = " } ?? "z = "
        let p = test.pValue
        return "\(label): \(df)\(number(test.statistic)), " + (p < 2.2e-16 ? "p < 2.2e-16" : "p = \(pText(p))")
    }

    static func number(_ value: Double) -> String { NumberFormat.general(value, digits: 6) }

    static func pText(_ p: Double) -> String { p < 2.2e-16 ? "< 2.2e-16" : NumberFormat.general(p, digits: 3) }
}
