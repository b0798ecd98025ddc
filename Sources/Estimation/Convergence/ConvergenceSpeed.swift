import Foundation

/// The speed and half-life of convergence implied by a growth regression, with delta-method standard
/// errors (Barro and Sala-i-Martin 1992; Mankiw, Romer and Weil 1992).
///
/// A regression of growth over a horizon of T periods on the initial log level,
/// `ln y_t − ln y_{t−T} = a + β ln y_{t−T} + …` (``GrowthForm/total``, e.g. `d(log(y), T) ~ l(log(y), T)`),
/// implies β = −(1 − e^{−λT}), so the speed of convergence is λ = −ln(1 + β)/T and the half-life
/// h = ln 2/λ. With growth per period, `(ln y_t − ln y_{t−T})/T = a + b ln y_{t−T}` (``GrowthForm/perPeriod``),
/// β = bT. Conditional β-convergence with an interaction (`… + l(log(y)) + l(log(y)):z`) has the slope
/// β(z) = b₁ + b₂ z; ``coefficients`` gives the linear combination, evaluated at chosen values.
///
/// Delta method, with s the standard error of β (from c′Vc for a combination c):
/// dλ/dβ = −1/(T(1 + β)), so se(λ) = s/(T|1 + β|); dh/dλ = −ln 2/λ², so se(h) = ln 2 · se(λ)/λ².
/// Both exist only for −1 < β < 0 (convergence): otherwise λ or h is undefined and the result says so.
public struct ConvergenceSpeed: Sendable, Equatable, Codable {
    /// How the dependent variable measures growth.
    public enum GrowthForm: String, Sendable, Equatable, Codable, CaseIterable {
        /// Growth over the whole horizon: ln y_t − ln y_{t−T}.
        case total
        /// Growth per period: (ln y_t − ln y_{t−T})/T.
        case perPeriod = "per-period"
    }

    /// The convergence coefficient β on the initial log level (total-growth units), and its standard error.
    public let beta: Double
    public let betaStandardError: Double
    /// The horizon T in periods.
    public let horizon: Double
    /// λ = −ln(1 + β)/T and its delta-method SE; nil unless −1 < β < 0.
    public let speed: Double?
    public let speedStandardError: Double?
    /// h = ln 2/λ and its delta-method SE; nil unless −1 < β < 0.
    public let halfLife: Double?
    public let halfLifeStandardError: Double?

    /// - Parameters:
    ///   - coefficient: the estimated slope on the initial log level (or the combination b₁ + b₂z).
    ///   - standardError: its standard error.
    ///   - horizon: T > 0.
    ///   - form: whether the dependent variable is total or per-period growth.
    public init(coefficient: Double, standardError: Double, horizon: Double, form: GrowthForm = .total) {
        let scale = form == .perPeriod ? horizon : 1
        beta = coefficient * scale
        betaStandardError = standardError * scale
        self.horizon = horizon
        guard horizon > 0, beta > -1, beta < 0, beta.isFinite else {
            (speed, speedStandardError, halfLife, halfLifeStandardError) = (nil, nil, nil, nil)
            return
        }
        let lambda = -Foundation.log1p(beta) / horizon
        let lambdaError = betaStandardError / (horizon * (1 + beta))
        speed = lambda
        speedStandardError = lambdaError
        halfLife = Foundation.log(2) / lambda
        halfLifeStandardError = Foundation.log(2) * lambdaError / (lambda * lambda)
    }
}
