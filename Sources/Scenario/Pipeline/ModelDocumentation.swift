import Models
import Reporting

/// The text of `hetfirm describe MODEL`: every parameter with symbol, meaning, default and domain, the conditions
/// across parameters, and what a Monte Carlo can recover (built-in estimators, truths, pseudo-true outcomes).
public enum ModelDocumentation {
    public static func markdown(_ descriptor: ModelDescriptor) -> String {
        var text = "# \(descriptor.key)\n\n\(descriptor.title)\n\nSource: \(descriptor.source)\n\n"
        let rows = descriptor.parameters.map { spec in
            [spec.key, spec.symbol, spec.name, spec.meaning, spec.defaultValue.map(literal) ?? "required", domain(spec)]
        }
        text += MarkdownTable(header: ["key", "symbol", "name", "meaning", "default", "domain"], rows: rows).render()
        text += "\n\nConditions across parameters:\n"
        text += descriptor.constraints.map { "- \($0.statement)" }.joined(separator: "\n")
        text += "\n\nRecoverable by Monte Carlo ([montecarlo] recover):\n"
        text += descriptor.recoverable.isEmpty
            ? "- none built in: this model's estimators are the [[estimate]] blocks of a scenario, whose recover = { … } "
                + "names what each coefficient should recover (below)."
            : descriptor.recoverable.map { "- \($0.key): \($0.estimator)" }.joined(separator: "\n")
        text += "\n"
        if !descriptor.truths.isEmpty {
            text += "\nTruths an [[estimate]] coefficient may recover (recover = { COEFFICIENT = \"truth.NAME\" }):\n"
            text += descriptor.truths.map { "- truth.\($0.name): \($0.meaning)" }.joined(separator: "\n") + "\n"
        }
        if !descriptor.noiselessOutcomes.isEmpty {
            text += "\nOutcomes with a noise-free counterpart (recover = { COEFFICIENT = \"pseudo-true\" }: the same regression "
                + "on the noise-free outcome): " + descriptor.noiselessOutcomes.keys.sorted().joined(separator: ", ") + "\n"
        }
        if !descriptor.spatialWeights.isEmpty {
            text += "\nSpatial weight matrices the model supplies ([[estimate]] method = \"spatial\" with weights = \"model:NAME\"; "
                + "a run writes each as weights/NAME.gwt):\n"
            text += descriptor.spatialWeights.map { "- model:\($0.name): \($0.meaning)" }.joined(separator: "\n") + "\n"
        }
        return text
    }

    /// A parameter value as it would be written in TOML.
    public static func literal(_ value: ParameterValue) -> String {
        switch value {
        case .real(let x): return "\(x)"
        case .integer(let n): return "\(n)"
        case .realList(let list): return "[" + list.map { "\($0)" }.joined(separator: ", ") + "]"
        case .choice(let text): return "\"\(text)\""
        }
    }

    static func domain(_ spec: ParameterSpec) -> String {
        switch spec.kind {
        case .choice(let options): return options.joined(separator: " | ")
        case .realList: return "each entry: " + spec.domain.describe(symbol: "p")
        case .real, .integer: return spec.domain.describe(symbol: spec.symbol)
        }
    }
}
