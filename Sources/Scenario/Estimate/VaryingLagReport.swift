import Foundation
import Spatial

/// Text and JSON for ``VaryingLagFit`` (`hetfirm spatial --rho-varies-with Z`).
enum VaryingLagReport {
    static func text(_ fit: VaryingLagFit, impacts: VaryingLagImpacts?, formula: String) -> String {
        var lines = [
            "Spatial lag model with ρ + ρ′·\(fit.modifierName) (paper 000, eq. 25), maximum likelihood",
            "formula: \(formula)    effects: \(fit.effects.rawValue)    n = \(fit.observationCount) (N = \(fit.unitCount), T = \(fit.periodCount))",
            "",
        ]
        var rows = [["", "estimate", "std. error", "z", "p"]]
        let errors = fit.standardErrors
        for (index, name) in fit.coefficientNames.enumerated() {
            let z = fit.coefficients[index] / errors[index]
            rows.append([name == "rho_prime" ? "rho_prime (× \(fit.modifierName))" : name,
                         String(format: "%.6g", fit.coefficients[index]), String(format: "%.6g", errors[index]),
                         String(format: "%.3f", z), String(format: "%.4f", SpatialReport.pValue(z))])
        }
        lines.append(SpatialReport.aligned(rows))
        lines.append("")
        lines.append(String(format: "sigma² = %.6g (e′e/NT)    log-likelihood = %.6f    AIC = %.4f", fit.sigma2, fit.logLikelihood, fit.aic))
        lines.append(String(format: "largest real eigenvalue of (ρI + ρ′D_t)W over periods: %.6f (admissible below 1)", fit.largestMultiplierEigenvalue))
        if let impacts {
            lines.append("")
            lines.append("Impacts at common levels of \(fit.modifierName) (quartiles), delta-method standard errors:")
            var impactRows = [["level", "variable", "direct", "(se)", "indirect", "(se)", "total", "(se)"]]
            for row in impacts.rows {
                impactRows.append([row.label, row.variable] + [
                    row.direct, row.directStandardError, row.indirect, row.indirectStandardError, row.total, row.totalStandardError,
                ].map { String(format: "%.6g", $0) })
            }
            lines.append(SpatialReport.aligned(impactRows))
        }
        for warning in fit.warnings { lines.append("warning: \(warning)") }
        return lines.joined(separator: "\n") + "\n"
    }

    static func json(_ fit: VaryingLagFit, impacts: VaryingLagImpacts?, formula: String) throws -> String {
        func finite(_ value: Double) -> Any { value.isFinite ? value : NSNull() }
        let errors = fit.standardErrors
        var coefficients: [String: Any] = [:]
        for (index, name) in fit.coefficientNames.enumerated() {
            let z = fit.coefficients[index] / errors[index]
            coefficients[name] = ["estimate": finite(fit.coefficients[index]), "standardError": finite(errors[index]),
                                  "z": finite(z), "pValue": finite(SpatialReport.pValue(z))]
        }
        var object: [String: Any] = [
            "estimator": "spatial maximum likelihood, spatial coefficient rho + rho_prime * \(fit.modifierName)",
            "model": "sar-varying", "modifier": fit.modifierName, "effects": fit.effects.rawValue, "formula": formula,
            "dependent": fit.responseName, "coefficientNames": fit.coefficientNames, "coefficients": coefficients,
            "covariance": fit.covariance.elements.map(finite), "sigma2": finite(fit.sigma2),
            "logLikelihood": finite(fit.logLikelihood), "aic": finite(fit.aic), "observationCount": fit.observationCount,
            "unitCount": fit.unitCount, "periodCount": fit.periodCount,
            "largestMultiplierEigenvalue": finite(fit.largestMultiplierEigenvalue), "converged": fit.converged,
            "gradient": fit.gradient.map(finite), "warnings": fit.warnings,
        ]
        if let impacts {
            object["impacts"] = impacts.rows.map { row -> [String: Any] in
                ["level": row.label, "variable": row.variable, "direct": finite(row.direct), "indirect": finite(row.indirect),
                 "total": finite(row.total), "directStandardError": finite(row.directStandardError),
                 "indirectStandardError": finite(row.indirectStandardError), "totalStandardError": finite(row.totalStandardError)]
            }
        }
        let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
