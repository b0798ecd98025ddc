/// One `[[estimate]]` table: an estimation to run on every simulated panel (DESIGN.md,
/// "Scenario files"). The formula is kept as written; the Estimation target parses it.
public struct EstimationRequest: Sendable, Equatable {
    /// How standard errors are computed, as written in `vcov`.
    public enum Vcov: Sendable, Equatable {
        /// `vcov = "iid"`
        case iid
        /// `vcov = "hetero"` (HC1)
        case hetero
        /// `vcov = { cluster = ["city^dest"] }`
        case cluster([String])
    }

    public let name: String
    /// fixest syntax, e.g. `y ~ x | fe1 + fe2^fe3`.
    public let formula: String
    /// `nil` when not written: the estimator's default applies.
    public let vcov: Vcov?
    /// Coefficient → truth it should recover (`recover = { x = "truth.delta" }`), in file order.
    public let recover: [Recovery]

    public struct Recovery: Sendable, Equatable {
        public let coefficient: String
        public let truth: String
        public init(coefficient: String, truth: String) {
            self.coefficient = coefficient
            self.truth = truth
        }
    }

    public init(name: String, formula: String, vcov: Vcov? = nil, recover: [Recovery] = []) {
        self.name = name
        self.formula = formula
        self.vcov = vcov
        self.recover = recover
    }
}
