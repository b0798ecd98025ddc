import Foundation

/// Everything about a Dumitrescu–Hurlin test that is not a variable name.
public struct GrangerOptions: Sendable, Equatable {
    /// The lag order K of every unit's regression (with `lagSelection`, the order is chosen instead
    /// and this value is not used).
    public var lags: Int
    /// How K is chosen; `.fixed` uses `lags`.
    public var lagSelection: GrangerLagSelection

    public init(lags: Int, lagSelection: GrangerLagSelection = .fixed) {
        self.lags = lags
        self.lagSelection = lagSelection
    }

    /// The largest order the test may use: `lags`, or the selection's maximum.
    public var largestLagOrder: Int {
        switch lagSelection {
        case .fixed: return lags
        case .informationCriterion(_, let maximum): return maximum
        }
    }
}

/// How the common lag order K is set.
public enum GrangerLagSelection: Sendable, Equatable {
    /// K = `GrangerOptions.lags`.
    case fixed
    /// K ∈ 1…`maximumLags` minimising the mean over units of the criterion, every unit's regressions
    /// for all candidate orders run on one sample (the rows where `maximumLags` lags exist), as
    /// Stata's `xtgcause, lags(aic|bic #)` (Lopez and Weber 2017). See ``GrangerLagSelector``.
    case informationCriterion(InformationCriterion, maximumLags: Int)
}

/// An information criterion of a Gaussian linear regression with n observations, p coefficients and
/// residual sum of squares RSS, in R's `AIC()` / `BIC()` form (σ² counted as a parameter):
///
///     −2 log L = n (log(2π) + log(RSS / n) + 1)
///     AIC = −2 log L + 2 (p + 1)        BIC = −2 log L + log(n) (p + 1)
public enum InformationCriterion: String, Sendable, Equatable, CaseIterable {
    case aic
    case bic

    /// The criterion's value for one regression.
    public func value(observations n: Int, coefficients p: Int, residualSumOfSquares rss: Double) -> Double {
        let count = Double(n)
        let minusTwoLogLikelihood = count * (log(2 * Double.pi) + log(rss / count) + 1)
        switch self {
        case .aic: return minusTwoLogLikelihood + 2 * Double(p + 1)
        case .bic: return minusTwoLogLikelihood + log(count) * Double(p + 1)
        }
    }
}
