/// One fixed effect after the first `|`: a single variable (`plant`) or the combination
/// of several (`city^dest`, one group per distinct pair of values).
public struct FixedEffectTerm: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// The variables combined, in written order (`["city", "dest"]` for `city^dest`).
    public let variables: [String]

    /// A fixed effect combining `variables` (repeats are kept once).
    public init(variables: [String]) {
        var unique = [String]()
        for name in variables where !unique.contains(name) { unique.append(name) }
        self.variables = unique
    }

    /// The term as fixest writes it: `city^dest`.
    public var description: String {
        variables.map(FormulaName.display).joined(separator: "^")
    }
}
