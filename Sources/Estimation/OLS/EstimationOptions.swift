import Covariance
import FixedEffects
import PanelData

/// Everything about an estimation that is not in the formula.
public struct EstimationOptions: Sendable, Equatable {
    /// The covariance estimator; `nil` follows fixest: CRV1 by the first fixed effect when there
    /// are fixed effects, iid otherwise.
    public var vcov: VcovType?
    public var smallSample = SmallSampleOptions()
    public var demeaning = DemeaningOptions()
    /// Drop observations that are alone in a fixed-effect level, repeatedly (fixest's default).
    public var removeSingletons = true
    /// A regressor is dropped when the fraction of its demeaned (or, with an intercept and no fixed
    /// effects, centred) variation that the kept regressors before it do not explain is at most
    /// `collinearityTolerance`: a scale-free rule (docs/estimators/ols-fixed-effects.md, "Collinearity").
    /// Columns the fixed effects or the intercept absorb are dropped before, by the rule described there.
    public var collinearityTolerance = 1e-10
    /// Also compute the fixed-effect coefficients (fixest's `fixef()`).
    public var recoverFixedEffects = false
    /// How many parameters the fixed effects absorb, for K in the small-sample corrections.
    public var absorbedParameterRule = AbsorbedParameterRule.fixest
    /// The panel's unit and time columns, for `l()`, `f()`, `d()` in the formula and the panel HAC
    /// covariances; `nil` when the data are not declared a panel.
    public var panel: PanelDeclaration?
    /// The column of analytic weights (fixest/pyfixest `weights`, Stata `aweight`): β minimizes Σ wᵢ ûᵢ²;
    /// rows with weight 0 are left out; a missing or negative weight is an error. nil: unweighted.
    public var weights: String?

    public init(vcov: VcovType? = nil) { self.vcov = vcov }

    /// The covariance type used for `formula`: `vcov`, or fixest's default (CRV1 by the first fixed
    /// effect when there are fixed effects, iid otherwise).
    public func resolvedVcov(for formula: Formula) -> VcovType {
        vcov ?? (formula.fixedEffects.first.map { VcovType.cluster([$0.description]) } ?? .iid)
    }
}

extension VcovType {
    /// The clustering variables (`[]` unless clustered).
    var clusterNames: [String] {
        if case .cluster(let names) = self { return names }
        return []
    }
}

/// How the parameters absorbed by the fixed effects are counted for degrees of freedom.
public enum AbsorbedParameterRule: String, Sendable, Codable, Equatable {
    /// Σ levels − (number of fixed effects − 1): fixest's and pyfixest's default (`force_exact = FALSE`).
    case fixest
    /// Σ levels minus the redundant references found exactly (connected components of the first two
    /// fixed effects), as reghdfe counts them.
    case connectedComponents
}
