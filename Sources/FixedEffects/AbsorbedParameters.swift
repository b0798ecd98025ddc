/// Number of parameters absorbed by the fixed effects, for small-sample corrections:
/// K_FE = Σ_f levels_f − Σ_f redundant_f.
///
/// `levelsPerFactor` counts non-empty levels (pyfixest: `nunique` of each FE column).
/// `redundantPerFactor` depends on the ``Rule``:
/// - ``Rule/oneReferencePerFactor``: 0 for the first factor, 1 for each later one, i.e.
///   K_FE = Σ levels − (Q − 1). This is fixest's default (`fixef.K = "full"`,
///   `fixef.force_exact = FALSE`) and pyfixest's `get_ssc` (`pyfixest/utils/utils.py`:
///   `k_fe_adj = k_fe - (n_fe - 1) if n_fe > 1 else k_fe`, following fixest issue #554).
/// - ``Rule/connectedComponents``: 0 for the first factor, the number of connected components of
///   the (factor 1, factor 2) graph for the second (exact for two FE, fixest's
///   `fixef.force_exact = TRUE`), and 1 for each factor from the third on (as both fixest and pyfixest).
/// The two rules agree whenever factors 1 and 2 form one connected component.
public struct AbsorbedParameters: Sendable, Equatable, Codable {
    /// How redundant levels are counted.
    public enum Rule: String, Sendable, Equatable, Codable {
        /// Σ levels − (Q − 1): fixest default and pyfixest.
        case oneReferencePerFactor
        /// Components of (1, 2) for the second factor, 1 for each later one.
        case connectedComponents
    }

    /// Non-empty levels of each factor.
    public let levelsPerFactor: [Int]
    /// Redundant (unidentified) levels of each factor under the rule used; first factor 0.
    public let redundantPerFactor: [Int]

    /// Counts from their parts.
    public init(levelsPerFactor: [Int], redundantPerFactor: [Int]) {
        self.levelsPerFactor = levelsPerFactor
        self.redundantPerFactor = redundantPerFactor
    }

    /// Counts for `factors` (restricted to the estimation sample) under `rule`.
    public init(factors: [FactorCodes], rule: Rule) {
        levelsPerFactor = factors.map { factor in factor.levelSizes.reduce(0) { $0 + ($1 > 0 ? 1 : 0) } }
        redundantPerFactor = factors.indices.map { index in
            switch index {
            case 0: return 0
            case 1 where rule == .connectedComponents:
                return ConnectedComponents.count(factors[0], factors[1])
            default: return 1
            }
        }
    }

    /// K_FE = Σ levels − Σ redundant.
    public var total: Int {
        levelsPerFactor.reduce(0, +) - redundantPerFactor.reduce(0, +)
    }

    /// Whether every level of `factor` falls in a single cluster (missing codes −1 count as a value).
    /// fixest (and pyfixest's `k_fixef = "nonnested"`) drop such factors from K under clustering.
    /// False when the lengths differ.
    public static func isNested(_ factor: FactorCodes, within cluster: [Int32]) -> Bool {
        guard factor.codes.count == cluster.count else { return false }
        var clusterOfLevel = [Int32?](repeating: nil, count: factor.levelCount)
        for (row, code) in factor.codes.enumerated() where code >= 0 && Int(code) < factor.levelCount {
            if let seen = clusterOfLevel[Int(code)] {
                if seen != cluster[row] { return false }
            } else {
                clusterOfLevel[Int(code)] = cluster[row]
            }
        }
        return true
    }
}
