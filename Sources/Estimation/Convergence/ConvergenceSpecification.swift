/// Which coefficient of a growth regression measures convergence, and how to read it: the slope on the
/// initial log level (`coefficient`), interaction terms evaluated at given values (`at`: the slope is
/// b + Σ z_j b_j), the horizon T and the growth form. Written `--convergence TERM --horizon T
/// [--growth per-period] [--convergence-at TERM:z=VALUE]` or, in a scenario,
/// `convergence = { coefficient = "l(log(y), 1)", horizon = 1, growth = "total", at = { "l(log(y), 1):z" = 0.5 } }`.
public struct ConvergenceSpecification: Sendable, Equatable {
    /// The slope on the initial log level, e.g. `l(log(gdp), 1)`.
    public let coefficient: String
    /// Interaction coefficients and the value of the interacted variable at which the slope is evaluated.
    public let at: [Evaluation]
    /// T, the periods the growth is measured over (> 0).
    public let horizon: Double
    public let form: ConvergenceSpeed.GrowthForm

    public struct Evaluation: Sendable, Equatable {
        public let coefficient: String
        public let value: Double
        public init(coefficient: String, value: Double) {
            self.coefficient = coefficient
            self.value = value
        }
    }

    public init(coefficient: String, at: [Evaluation] = [], horizon: Double = 1, form: ConvergenceSpeed.GrowthForm = .total) {
        self.coefficient = coefficient
        self.at = at
        self.horizon = horizon
        self.form = form
    }

    /// The speed and half-life implied by `result`.
    /// - Throws: ``EstimationError/degenerate(estimator:reason:)`` when a named coefficient is missing.
    public func evaluate(on result: RegressionResult) throws -> ConvergenceSpeed {
        let weights = [(name: coefficient, weight: 1.0)] + at.map { (name: $0.coefficient, weight: $0.value) }
        let slope = try ConvergenceSpeed.combination(weights, in: result)
        return ConvergenceSpeed(coefficient: slope.value, standardError: slope.standardError, horizon: horizon, form: form)
    }

    /// The speed and half-life implied by a dynamic panel GMM estimate (its reported covariance).
    public func evaluate(on result: DynamicPanelResult) throws -> ConvergenceSpeed {
        var value = 0.0, variance = 0.0
        var positions: [(Int, Double)] = []
        for (name, weight) in [(coefficient, 1.0)] + at.map({ ($0.coefficient, $0.value) }) {
            guard let position = result.coefficientNames.firstIndex(of: name) else {
                throw EstimationError.degenerate(estimator: "convergence", reason: "the estimate has no coefficient '\(name)' (it has "
                    + result.coefficientNames.joined(separator: ", ") + ")")
            }
            positions.append((position, weight))
            value += weight * result.coefficients[position]
        }
        for (a, wa) in positions { for (b, wb) in positions { variance += wa * wb * result.robustCovariance[a, b] } }
        return ConvergenceSpeed(coefficient: value, standardError: max(variance, 0).squareRoot(), horizon: horizon, form: form)
    }

    /// The names a scenario's `recover` may use for the derived quantities.
    public static let speedName = "speed"
    public static let halfLifeName = "half-life"
}
