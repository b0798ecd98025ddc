import Models
import Pipelines

extension ScenarioDecoder {
    /// How a block kind words the fixes of a bad `recover` target.
    struct TargetWording {
        /// The fix of a number that is not finite.
        let finiteFix: String
        /// What follows the suggestion of a truth the model does not know.
        let unknownSuffix: String
        /// Whether `"pseudo-true"` is a target of this block kind.
        let allowsPseudoTrue: Bool

        static let estimate = TargetWording(
            finiteFix: "write a finite decimal number such as \"0\" or \"0.5\", or a truth of the model (truth.NAME)",
            unknownSuffix: " (or a number, e.g. \"0\" for the size of a test)", allowsPseudoTrue: true)
        static let mediate = TargetWording(
            finiteFix: "write a finite decimal number such as \"0\", or a truth of the model (truth.NAME)",
            unknownSuffix: " (or a number, e.g. \"0\")", allowsPseudoTrue: false)
    }

    /// The target `text` names (a finite number, a truth of `descriptor` or `"pseudo-true"`), or `nil`
    /// after reporting a located error at `path`. Whether a pseudo-true value exists for the block's
    /// outcomes is checked with its formula (``EstimateValidation``).
    mutating func truthTarget(_ text: String, at path: String, descriptor: ModelDescriptor,
                              wording: TargetWording) -> TruthTarget? {
        let truths = descriptor.truths.map(\.name)
        switch TruthTarget.parse(text) {
        case .success(let target):
            switch target {
            case .value: return target
            case .pseudoTrue where wording.allowsPseudoTrue: return target
            case .modelTruth(let name) where truths.contains(name): return target
            case .pseudoTrue, .modelTruth: break
            }
        case .failure(.notFinite):
            report(.outOfDomain, path, "'\(text)' is not a finite number: coverage and bias need a finite truth",
                   fix: wording.finiteFix)
            return nil
        case .failure(.unrecognized):
            break
        }
        let name = text.hasPrefix(TruthTarget.modelTruthPrefix) ? String(text.dropFirst(TruthTarget.modelTruthPrefix.count)) : ""
        report(.outOfDomain, path, "'\(text)' is not a truth of \(descriptor.key)",
               fix: Suggestion.fix(for: name, among: truths, quote: { "\"truth.\($0)\"" }, noun: "truths")
                   + wording.unknownSuffix)
        return nil
    }

    /// The panel `data = name` selects, or `nil` after reporting a located error at `path` when
    /// `descriptor` simulates no panel of that name.
    mutating func panelSelection(_ name: String, at path: String, descriptor: ModelDescriptor) -> PanelSelection? {
        guard descriptor.additionalPanels[name] == nil else { return .named(name) }
        let names = descriptor.additionalPanels.keys.sorted()
        report(.outOfDomain, path, "\(descriptor.key) has no panel '\(name)'",
               fix: names.isEmpty ? "remove data: this model simulates one panel"
                   : Suggestion.fix(for: name, among: names, quote: { "\"\($0)\"" }, noun: "panels"))
        return nil
    }
}
