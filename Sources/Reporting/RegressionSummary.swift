import Estimation
import Foundation

/// One estimation printed the way fixest's `summary()` prints it.
public enum RegressionSummary {
    /// `title` names the estimator ("OLS estimation", "TSLS estimation").
    public static func text(_ result: RegressionResult, title: String = "OLS estimation") -> String {
        var lines = ["\(title), Dep. Var.: \(result.dependent)", "Observations: \(grouped(result.observationCount))"]
        if !result.fixedEffects.isEmpty {
            lines.append("Fixed-effects: " + result.fixedEffects.map { "\($0.name): \(grouped($0.levels))" }.joined(separator: ",  "))
        }
        lines.append("Standard-errors: \(result.covariance.type.description)")
        lines.append("Small-sample convention: \(result.covariance.options.convention.label)")
        var dropped: [String] = []
        if result.droppedMissing > 0 { dropped.append("\(grouped(result.droppedMissing)) rows with missing values") }
        if result.droppedSingletons > 0 { dropped.append("\(grouped(result.droppedSingletons)) fixed-effect singletons") }
        if !dropped.isEmpty { lines.append("Removed: " + dropped.joined(separator: ", ")) }
        let normal = result.covariance.usesNormalInference
        let header = ["", "Estimate", "Std. Error", normal ? "z value" : "t value", normal ? "Pr(>|z|)" : "Pr(>|t|)", ""]
        var rows: [[String]] = []
        for (index, name) in result.coefficientNames.enumerated() {
            let p = result.pValues[index]
            rows.append([name, NumberFormat.general(result.coefficients[index], digits: 6),
                         NumberFormat.general(result.standardErrors[index], digits: 6),
                         NumberFormat.fixed(result.tStatistics[index], digits: 3),
                         p < 2.2e-16 ? "< 2.2e-16" : NumberFormat.general(p, digits: 3), SignificanceStars.marks(p)])
        }
        lines.append(aligned([header] + rows))
        lines.append("---")
        lines.append("Signif. codes: *** 0.01, ** 0.05, * 0.1; "
            + (normal ? "normal (z) inference" : "t df = \(result.covariance.tDegreesOfFreedom)"))
        let rmse = (result.residualSumOfSquares / Double(result.observationCount)).squareRoot()
        var fit = "RMSE: \(NumberFormat.general(rmse, digits: 5))   R2: \(NumberFormat.general(result.rSquared, digits: 5))"
            + "   Adj. R2: \(NumberFormat.general(result.adjustedRSquared, digits: 5))"
        if let within = result.withinRSquared { fit += "   Within R2: \(NumberFormat.general(within, digits: 5))" }
        lines.append(fit)
        for dropped in result.droppedRegressors { lines.append("Note: \(dropped.name) was removed: \(dropped.reason).") }
        if let components = result.connectedComponents, components > 1 {
            lines.append("Note: the first two fixed effects form \(components) connected components.")
        }
        if let report = result.demeaning {
            lines.append("Fixed effects converged: \(report.converged ? "yes" : "NO"), iterations: \(report.iterations.max() ?? 0)")
        }
        for warning in result.warnings { lines.append("Warning: \(warning)") }
        return lines.joined(separator: "\n") + "\n"
    }

    /// 1234567 → "1,234,567".
    static func grouped(_ value: Int) -> String {
        let digits = String(abs(value))
        var out = ""
        for (index, character) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out += "," }
            out.append(character)
        }
        return (value < 0 ? "-" : "") + out
    }

    /// Columns padded to equal width; the first left-aligned, the rest right-aligned.
    static func aligned(_ rows: [[String]]) -> String {
        guard let columns = rows.map(\.count).max() else { return "" }
        let widths = (0..<columns).map { column in rows.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { column, text in
                let padding = String(repeating: " ", count: widths[column] - text.count)
                return column == 0 ? text + padding : padding + text
            }.joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }.joined(separator: "\n")
    }
}

/// fixest's `etable` significance codes: *** p < 0.01, ** p < 0.05, * p < 0.1.
public enum SignificanceStars {
    public static func marks(_ p: Double) -> String {
        guard p.isFinite else { return "" }
        if p < 0.01 { return "***" }
        if p < 0.05 { return "**" }
        if p < 0.1 { return "*" }
        return ""
    }
}
