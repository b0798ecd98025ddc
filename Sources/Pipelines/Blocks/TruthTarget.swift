/// What an estimate should recover, as a `recover` entry writes it (`recover = { x = "truth.delta" }`):
/// a number, a truth of the model or the estimator's pseudo-true value. The text is read once, when the
/// scenario is decoded (``parse(_:)``); blocks switch on the case at run time.
public enum TruthTarget: Sendable, Equatable {
    /// A finite number, with the text it was written as (`"0"`, `"0.50"`), which the resolved scenario
    /// writes back unchanged.
    case value(Double, written: String)
    /// `"truth.NAME"`: the replication's truth NAME (see `ModelDescriptor.truths`).
    case modelTruth(String)
    /// `"pseudo-true"`: the value the estimator converges to under the model, the same regression (same
    /// rows, regressors, fixed effects) with the outcome replaced by its noise-free counterpart.
    case pseudoTrue

    /// The keyword of ``pseudoTrue``.
    public static let pseudoTrueKeyword = "pseudo-true"
    /// The prefix of ``modelTruth(_:)``.
    public static let modelTruthPrefix = "truth."

    /// Why a text is not a target, before the model is consulted.
    public enum Problem: Error, Sendable, Equatable {
        /// Swift reads "nan", "inf" and "0x10" as numbers; a truth must be a finite decimal.
        case notFinite
        /// Neither a number, nor `"truth.NAME"`, nor `"pseudo-true"`.
        case unrecognized
    }

    /// Reads `text` as written in a scenario. Whether a `truth.NAME` names a truth of the model, and
    /// whether a pseudo-true value exists, is for the caller to check.
    public static func parse(_ text: String) -> Result<TruthTarget, Problem> {
        if let number = Double(text) {
            guard number.isFinite, !text.lowercased().contains("x") else { return .failure(.notFinite) }
            return .success(.value(number, written: text))
        }
        if text == pseudoTrueKeyword { return .success(.pseudoTrue) }
        if text.hasPrefix(modelTruthPrefix) { return .success(.modelTruth(String(text.dropFirst(modelTruthPrefix.count)))) }
        return .failure(.unrecognized)
    }

    /// The target as a scenario writes it; ``parse(_:)`` reads it back to the same target.
    public var text: String {
        switch self {
        case .value(_, let written): return written
        case .modelTruth(let name): return Self.modelTruthPrefix + name
        case .pseudoTrue: return Self.pseudoTrueKeyword
        }
    }

    /// The value of a number or a truth of the model in one replication (NaN for a truth the replication
    /// does not know); `nil` for ``pseudoTrue``, which the block computes from its own regression.
    public func value(truth: (String) -> Double?) -> Double? {
        switch self {
        case .value(let number, _): return number
        case .modelTruth(let name): return truth(name) ?? .nan
        case .pseudoTrue: return nil
        }
    }
}
