import Numerical

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
        try evaluate(names: result.coefficientNames, coefficients: result.coefficients, covariance: result.covariance.matrix,
                     missing: { name in result.droppedRegressors.first { $0.name == name }.map { "\(name) was removed: \($0.reason)" } })
    }

    /// The speed and half-life implied by a dynamic panel GMM estimate (its reported, robust covariance).
    public func evaluate(on result: DynamicPanelResult) throws -> ConvergenceSpeed {
        try evaluate(names: result.coefficientNames, coefficients: result.coefficients, covariance: result.robustCovariance)
    }

    /// The slope b + Σ z_j b_j with variance c′Vc, then λ and the half-life.
    func evaluate(names: [String], coefficients: [Double], covariance: Matrix,
                  missing: (String) -> String? = { _ in nil }) throws -> ConvergenceSpeed {
        let weights = [(name: coefficient, weight: 1.0)] + at.map { (name: $0.coefficient, weight: $0.value) }
        var positions: [(index: Int, weight: Double)] = []
        for (name, weight) in weights {
            guard let index = names.firstIndex(of: name) else {
                throw EstimationError.degenerate(estimator: "convergence", reason: missing(name)
                    ?? "the regression has no coefficient '\(name)' (it has \(names.joined(separator: ", ")))")
            }
            positions.append((index, weight))
        }
        let value = positions.reduce(0) { $0 + $1.weight * coefficients[$1.index] }
        var variance = 0.0
        for a in positions { for b in positions { variance += a.weight * b.weight * covariance[a.index, b.index] } }
        return ConvergenceSpeed(coefficient: value, standardError: max(variance, 0).squareRoot(), horizon: horizon, form: form)
    }

    /// The names a scenario's `recover` may use for the derived quantities.
    public static let speedName = "speed"
    public static let halfLifeName = "half-life"
}
