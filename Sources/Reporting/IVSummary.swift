import Estimation

/// A 2SLS estimation printed like fixest's `summary()` of an IV model: the second stage, then one line
/// per first stage and the diagnostics with their p-values.
public enum IVSummary {
    public static func text(_ result: IVResult) -> String {
        var lines = [RegressionSummary.text(result.secondStage, title: "TSLS estimation").trimmingCharacters(in: .newlines)]
        lines.append("Endogenous: \(result.endogenousNames.joined(separator: ", "));  Instruments: \(result.instrumentNames.joined(separator: ", "))")
        lines.append("First stages (F of the excluded instruments, \(result.secondStage.covariance.type.description)):")
        for stage in result.firstStages {
            let coefficients = zip(stage.instrumentNames, stage.instrumentCoefficients)
                .map { "\($0) \(NumberFormat.general($1, digits: 5))" }.joined(separator: ", ")
            lines.append("  \(stage.endogenous): F = \(statistic(stage.fStatistic)), partial R² = "
                + "\(NumberFormat.general(stage.partialRSquared, digits: 5)); \(coefficients)")
        }
        let diagnostics = result.diagnostics
        lines.append("Diagnostics:")
        lines.append("  Cragg–Donald F (iid): \(NumberFormat.general(diagnostics.craggDonaldF, digits: 6))")
        let vcov = result.secondStage.covariance.type.description
        if let lm = diagnostics.kleibergenPaapLM { lines.append("  Kleibergen–Paap rk LM (\(vcov)): \(statistic(lm))") }
        if let wald = diagnostics.kleibergenPaapWaldF {
            lines.append("  Kleibergen–Paap rk Wald F (\(vcov)): \(NumberFormat.general(wald, digits: 6))")
        }
        if let sargan = diagnostics.sargan { lines.append("  Sargan (iid): \(statistic(sargan))") }
        if let hansen = diagnostics.hansenJ { lines.append("  Hansen J (\(result.secondStage.covariance.type.description)): \(statistic(hansen))") }
        if diagnostics.sargan == nil && diagnostics.hansenJ == nil { lines.append("  Over-identification: exactly identified, no test") }
        lines.append("  Durbin (iid): \(statistic(diagnostics.durbin))")
        lines.append("  Wu–Hausman (iid): \(statistic(diagnostics.wuHausman))")
        lines.append("  Control-function endogeneity F (\(result.secondStage.covariance.type.description)): \(statistic(diagnostics.controlFunctionF))")
        return lines.joined(separator: "\n") + "\n"
    }

    /// "12.3 (df 2, p = 0.0021)" for χ² forms, "12.3 (df 2, 57; p = 0.0021)" for F forms.
    static func statistic(_ test: IVTestStatistic) -> String {
        let value = NumberFormat.general(test.statistic, digits: 6), p = NumberFormat.general(test.pValue, digits: 3)
        if let denominator = test.denominatorDegrees {
            return "\(value) (df \(test.degreesOfFreedom), \(denominator); p = \(p))"
        }
        return "\(value) (df \(test.degreesOfFreedom); p = \(p))"
    }
}
