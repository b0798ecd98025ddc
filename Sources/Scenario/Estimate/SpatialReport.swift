import Foundation
import Reporting
import Spatial

/// What `hetfirm spatial` prints: a coefficient table in the style of `hetfirm estimate` (estimate,
/// standard error, z, normal p-value and significance stars, ρ and λ as named coefficients), then σ²,
/// the log-likelihood, AIC, pseudo-R², the sizes, the admissible interval and the log-determinant
/// method; or the same as JSON.
enum SpatialReport {
    /// What the fit does not know: the formula as typed, W's file and the data layout.
    struct Context {
        let formula: String
        let weightsPath: String
        let layout: SpatialDataLayout
        let rowStandardized: Bool
        let periods: [Int]
    }

    static func title(_ model: SpatialModelKind) -> String {
        switch model {
        case .sar: "Spatial lag model (SAR)"
        case .sem: "Spatial error model (SEM)"
        case .sac: "Spatial lag and error model (SAC/SARAR)"
        case .sdm: "Spatial Durbin model (SDM)"
        case .sdem: "Spatial Durbin error model (SDEM)"
        }
    }

    /// The symbol(s) of the spatial parameter(s) the interval bounds.
    static func parameters(_ model: SpatialModelKind) -> String {
        switch model {
        case .sar, .sdm: "ρ"
        case .sem, .sdem: "λ"
        case .sac: "ρ and λ"
        }
    }

    static func effectsText(_ fit: SpatialFit) -> String {
        switch fit.effects {
        case .none: "none"
        case .individual: "unit (individual)"
        case .time: "period (time)"
        case .twoWays: "two-way (unit and period)"
        }
    }

    /// The divisor of σ̂², by approach and effects (SpatialLikelihoodSetup).
    static func sigmaDivisor(_ fit: SpatialFit) -> String {
        guard fit.approach == .leeYu else { return fit.periodCount == 1 ? "e′e/n" : "e′e/NT" }
        switch fit.effects {
        case .none: return "e′e/NT"
        case .individual: return "e′e/N(T−1), Lee–Yu"
        case .time: return "e′e/(N−1)T, Lee–Yu"
        case .twoWays: return "e′e/(N−1)(T−1), Lee–Yu"
        }
    }

    /// Two-sided p-value against N(0, 1).
    static func pValue(_ z: Double) -> Double { z.isFinite ? erfc(abs(z) / 2.0.squareRoot()) : .nan }

    static func text(_ fit: SpatialFit, impacts: SpatialImpacts? = nil, context: Context) -> String {
        var lines = ["\(title(fit.model)) by maximum likelihood, Dep. Var.: \(fit.responseName)"]
        let sizes = fit.periodCount == 1
            ? "Observations: \(fit.observationCount) (cross-section of n = \(fit.unitCount) units, id '\(context.layout.unitColumn)')"
            : "Observations: \(fit.observationCount) (N = \(fit.unitCount) units × T = \(fit.periodCount) periods"
                + (context.periods.first.flatMap { first in context.periods.last.map { last in
                    ", \(context.layout.periodColumn ?? "period") \(first)–\(last)" } } ?? "") + ")"
        lines.append(sizes)
        var effects = "Fixed effects: \(effectsText(fit))"
        if fit.effects != .none { effects += fit.approach == .leeYu ? " — Lee–Yu (2010) transformation" : " — direct approach (demeaned)" }
        lines.append(effects)
        lines.append("W: \(context.weightsPath)" + (context.rowStandardized ? " (row-standardised)" : " (as given, not row-standardised)"))
        lines.append("Standard-errors: analytic (inverse information matrix)")
        let standardErrors = fit.standardErrors
        let header = ["", "Estimate", "Std. Error", "z value", "Pr(>|z|)", ""]
        var rows: [[String]] = []
        for (index, name) in fit.coefficientNames.enumerated() {
            let z = fit.coefficients[index] / standardErrors[index]
            let p = pValue(z)
            rows.append([name, NumberFormat.general(fit.coefficients[index], digits: 6),
                         NumberFormat.general(standardErrors[index], digits: 6), NumberFormat.fixed(z, digits: 3),
                         p < 2.2e-16 ? "< 2.2e-16" : NumberFormat.general(p, digits: 3), SignificanceStars.marks(p)])
        }
        lines.append(aligned([header] + rows))
        lines.append("---")
        lines.append("Signif. codes: *** 0.01, ** 0.05, * 0.1; normal (z) inference")
        lines.append("σ²: \(NumberFormat.general(fit.sigma2, digits: 6)) (\(sigmaDivisor(fit)))   Log-likelihood: "
            + "\(NumberFormat.general(fit.logLikelihood, digits: 8))   AIC: \(NumberFormat.general(fit.aic, digits: 8))   "
            + "Pseudo-R2: \(NumberFormat.general(fit.pseudoRSquared, digits: 5))")
        let interval = fit.admissibleInterval
        lines.append("Admissible \(parameters(fit.model)): (\(NumberFormat.general(interval.lower, digits: 6)), "
            + "\(NumberFormat.general(interval.upper, digits: 6)))   ln|I − \(fit.model.hasLag ? "ρ" : "λ")W|: \(fit.jacobianMethod)"
            + (fit.jacobianApproximationError.map { " (error up to \(NumberFormat.general($0, digits: 2)))" } ?? ""))
        lines.append("Optimiser converged: \(fit.converged ? "yes" : "NO"), gradient "
            + "(\(fit.gradient.map { NumberFormat.general($0, digits: 3) }.joined(separator: ", ")))")
        if let impacts { lines += impactLines(impacts) }
        for warning in fit.warnings { lines.append("Warning: \(warning)") }
        return lines.joined(separator: "\n") + "\n"
    }

    static func inferenceText(_ inference: SpatialImpacts.Inference) -> String {
        switch inference {
        case .simulation(let draws, let seed): "standard errors from \(draws) draws of the estimates (seed \(seed))"
        case .deltaMethod: "standard errors by the delta method"
        }
    }

    /// The impacts table: per regressor the direct, indirect and total effect, each with its SE.
    static func impactLines(_ impacts: SpatialImpacts) -> [String] {
        let header = ["", "Direct", "Std. Error", "Indirect", "Std. Error", "Total", "Std. Error"]
        let rows = impacts.effects.map { effect in
            [effect.variable] + [effect.direct, effect.directStandardError, effect.indirect, effect.indirectStandardError,
                                 effect.total, effect.totalStandardError].map { NumberFormat.general($0, digits: 6) }
        }
        return ["", "Impacts (LeSage–Pace average effects; \(inferenceText(impacts.inference))):", aligned([header] + rows)]
    }

    /// Columns padded to equal width; the first left-aligned, the rest right-aligned.
    static func aligned(_ rows: [[String]]) -> String {
        guard let columns = rows.map(\.count).max() else { return "" }
        let widths = (0..<columns).map { column in rows.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0 }
        return rows.map { row in
            var line = row.enumerated().map { column, text in
                let padding = String(repeating: " ", count: widths[column] - text.count)
                return column == 0 ? text + padding : padding + text
            }.joined(separator: "  ")
            while line.last == " " { line.removeLast() }
            return line
        }.joined(separator: "\n")
    }

    /// The result as JSON (sorted keys); a non-finite number is null.
    static func json(_ fit: SpatialFit, impacts: SpatialImpacts? = nil, context: Context) throws -> String {
        func finite(_ value: Double) -> Any { value.isFinite ? value : NSNull() }
        let standardErrors = fit.standardErrors
        var coefficients: [String: Any] = [:]
        for (index, name) in fit.coefficientNames.enumerated() {
            let z = fit.coefficients[index] / standardErrors[index]
            coefficients[name] = ["estimate": finite(fit.coefficients[index]), "standardError": finite(standardErrors[index]),
                                  "z": finite(z), "pValue": finite(pValue(z))]
        }
        var layout: [String: Any] = ["unit": context.layout.unitColumn]
        if let period = context.layout.periodColumn { layout["time"] = period; layout["periods"] = context.periods }
        var object: [String: Any] = [
            "estimator": "spatial maximum likelihood",
            "model": fit.model.rawValue,
            "effects": fit.effects.rawValue,
            "approach": fit.approach.rawValue,
            "formula": context.formula,
            "dependent": fit.responseName,
            "coefficientNames": fit.coefficientNames,
            "coefficients": coefficients,
            "covariance": fit.covariance.elements.map(finite),
            "sigma2": finite(fit.sigma2),
            "sigma2StandardError": finite(fit.sigma2StandardError),
            "sigma2Divisor": sigmaDivisor(fit),
            "logLikelihood": finite(fit.logLikelihood),
            "aic": finite(fit.aic),
            "pseudoRSquared": finite(fit.pseudoRSquared),
            "observationCount": fit.observationCount,
            "unitCount": fit.unitCount,
            "periodCount": fit.periodCount,
            "admissibleInterval": ["lower": finite(fit.admissibleInterval.lower), "upper": finite(fit.admissibleInterval.upper)],
            "logDeterminant": ["method": fit.jacobianMethod,
                               "approximationError": fit.jacobianApproximationError.map(finite) ?? NSNull()],
            "converged": fit.converged,
            "gradient": fit.gradient.map(finite),
            "warnings": fit.warnings,
            "weights": ["file": context.weightsPath, "rowStandardized": context.rowStandardized],
            "data": layout,
        ]
        if let impacts {
            var inference: [String: Any] = [:]
            switch impacts.inference {
            case .simulation(let draws, let seed): inference = ["method": "simulation", "draws": draws, "seed": seed]
            case .deltaMethod: inference = ["method": "delta"]
            }
            object["impacts"] = [
                "inference": inference,
                "effects": impacts.effects.map { effect -> [String: Any] in
                    ["variable": effect.variable, "direct": finite(effect.direct), "indirect": finite(effect.indirect),
                     "total": finite(effect.total), "directStandardError": finite(effect.directStandardError),
                     "indirectStandardError": finite(effect.indirectStandardError),
                     "totalStandardError": finite(effect.totalStandardError)]
                },
            ]
        }
        let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
