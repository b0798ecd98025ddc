import Estimation
import Models

/// Writes a scenario back as TOML with every section and every default filled in, one
/// comment per model key; the text parses back to the same parameters and settings.
public enum ResolvedScenarioWriter {
    public static func toml(_ scenario: Scenario) -> String {
        var lines: [String] = [
            "# Resolved scenario: every section and every default filled in.",
            "# Source: " + oneLine(scenario.sourcePath),
            "",
            "[scenario]",
            "name  = " + TOMLText.basicString(scenario.name),
            "model = " + TOMLText.basicString(scenario.model.key),
            "seed  = \(scenario.seed)",
            "",
            "[model]                       # " + oneLine(scenario.model.title),
        ]
        for spec in scenario.model.parameters {
            let domain = spec.domain.describe(symbol: spec.symbol)
            lines.append("# \(spec.symbol) — \(spec.name): \(oneLine(spec.meaning)); domain \(domain)")
            lines.append("\(KeyPath.quoted(spec.key)) = " + value(scenario.parameters[spec.key]))
        }
        for statement in scenario.model.constraints.map(\.statement) {
            lines.append("# constraint: " + oneLine(statement))
        }

        for estimation in scenario.estimations {
            lines.append("")
            lines.append("[[estimate]]")
            lines.append("name    = " + TOMLText.basicString(estimation.name))
            lines.append("formula = " + TOMLText.basicString(estimation.formula))
            switch estimation.vcov {
            case nil: break
            case .cluster(let names)?: lines.append("vcov    = { cluster = \(TOMLText.stringArray(names)) }")
            case let vcov?: lines.append("vcov    = " + TOMLText.basicString(vcov.text ?? ""))
            }
            lines.append("method  = " + TOMLText.basicString(estimation.method.rawValue))
            if let split = estimation.split { lines.append("split   = " + TOMLText.basicString(split)) }
            if let sample = estimation.sample { lines.append("sample  = " + TOMLText.basicString(sample)) }
            if estimation.standardize { lines.append("standardize = true") }
            if case .named(let data) = estimation.data { lines.append("data    = " + TOMLText.basicString(data)) }
            if let panel = estimation.panel { lines.append("panel   = " + TOMLText.stringArray([panel.unit, panel.time])) }
            if let weights = estimation.weights { lines.append("weights = " + TOMLText.basicString(weights)) }
            if let convergence = estimation.convergence {
                var fields = ["coefficient = " + TOMLText.basicString(convergence.coefficient),
                              "horizon = \(convergence.horizon)", "growth = " + TOMLText.basicString(convergence.form.rawValue)]
                if !convergence.at.isEmpty {
                    fields.append("at = { " + convergence.at.map { "\(KeyPath.quoted($0.coefficient)) = \($0.value)" }.joined(separator: ", ") + " }")
                }
                lines.append("convergence = { " + fields.joined(separator: ", ") + " }")
            }
            if let ratio = estimation.ratio {
                lines.append("ratio = { name = " + TOMLText.basicString(ratio.name) + ", numerator = " + TOMLText.basicString(ratio.numerator)
                                 + ", denominator = " + TOMLText.basicString(ratio.denominator) + " }")
            }
            switch estimation.grangerLags?.lagSelection {
            case nil: break
            case .fixed?: lines.append("lags    = \(estimation.grangerLags?.lags ?? 1)")
            case .informationCriterion(let criterion, let maximum)?:
                lines.append("lag_selection = " + TOMLText.basicString(criterion.rawValue))
                lines.append("max_lags = \(maximum)")
            }
            if estimation.method == .fmols { lines += estimation.fmols.tomlLines }
            if estimation.method == .gmm { lines += estimation.gmm.tomlLines }
            if let spatial = estimation.spatial { lines += spatial.tomlLines }
            if !estimation.recover.isEmpty {
                let pairs = estimation.recover.map { "\(KeyPath.quoted($0.coefficient)) = \(TOMLText.basicString($0.truth.text))" }
                lines.append("recover = { " + pairs.joined(separator: ", ") + " }")
            }
        }

        for mediation in scenario.mediations {
            lines.append("")
            lines.append("[[mediate]]")
            lines.append("name      = " + TOMLText.basicString(mediation.name))
            lines.append("treatment = " + TOMLText.basicString(mediation.treatment))
            lines.append("mediator  = " + TOMLText.stringArray(mediation.mediators))
            lines.append("outcome   = " + TOMLText.basicString(mediation.outcome))
            if !mediation.controls.isEmpty { lines.append("controls  = " + TOMLText.stringArray(mediation.controls)) }
            if !mediation.fixedEffects.isEmpty { lines.append("fe        = " + TOMLText.stringArray(mediation.fixedEffects)) }
            switch mediation.vcov {
            case nil: break
            case .cluster(let names)?: lines.append("vcov      = { cluster = \(TOMLText.stringArray(names)) }")
            case let vcov?: lines.append("vcov      = " + TOMLText.basicString(vcov.text ?? ""))
            }
            lines.append("bootstrap = \(mediation.bootstrapReplications)")
            if mediation.joint { lines.append("joint     = true") }
            if let fmols = mediation.fmols {
                lines.append("estimator = " + TOMLText.basicString("fmols"))
                if let panel = mediation.panel { lines.append("panel     = " + TOMLText.stringArray([panel.unit, panel.time])) }
                lines += fmols.tomlLines
            }
            if let truth = mediation.indirectTruth { lines.append("recover   = { indirect = \(TOMLText.basicString(truth.text)) }") }
        }

        let montecarlo = scenario.montecarlo
        lines += [
            "",
            "[montecarlo]",
            "replications = \(montecarlo.replications)",
            "threads      = \(montecarlo.threads)           # 0 = all cores",
            "recover      = " + TOMLText.stringArray(montecarlo.recover),
            "level        = " + TOMLText.float(montecarlo.level),
        ]

        lines.append("")
        if scenario.sweep.isEmpty {
            lines.append("# [sweep]                     # none: the scenario runs at the [model] point only")
        } else {
            lines.append("[sweep]                       # \(scenario.sweepPointCount) points, first axis slowest")
            lines.append("montecarlo = \(scenario.sweepMonteCarlo)          # repeat the Monte Carlo at every point")
            for axis in scenario.sweep {
                lines.append("\(KeyPath.quoted(axis.parameter)) = " + TOMLText.floatArray(axis.values))
            }
        }

        let output = scenario.output
        lines += [
            "",
            "[output]",
            "dir     = " + TOMLText.basicString(output.directory),
            "panel   = \(output.writePanel)",
            "gnuplot = \(output.gnuplot)",
            "format  = " + TOMLText.basicString(output.format.rawValue),
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    static func value(_ value: ParameterValue?) -> String {
        switch value {
        case .real(let number)?: return TOMLText.float(number)
        case .integer(let number)?: return "\(number)"
        case .realList(let numbers)?: return TOMLText.floatArray(numbers)
        case .choice(let text)?: return TOMLText.basicString(text)
        case nil: return "\"\""
        }
    }

    /// Comments end at a newline: keep free text on one line.
    static func oneLine(_ text: String) -> String {
        String(text.map { $0.isNewline ? " " : $0 })
    }
}
