import Covariance
import FixedEffects

/// Everything about an estimation that is not in the formula.
public struct EstimationOptions: Sendable, Equatable {
    /// The covariance estimator; `nil` follows fixest: CRV1 by the first fixed effect when there
    /// are fixed effects, iid otherwise.
    public var vcov: VcovType?
    public var smallSample = SmallSampleOptions()
    public var demeaning = DemeaningOptions()
    /// Drop observations that are alone in a fixed-effect level, repeatedly (fixest's default).
    public var removeSingletons = true
    /// A regressor is dropped when the part of it not explained by the fixed effects and the
    /// regressors before it has squared norm below `collinearityTolerance` × its squared norm.
    public var collinearityTolerance = 1e-10
    /// Also compute the fixed-effect coefficients (fixest's `fixef()`).
    public var recoverFixedEffects = false

    public init(vcov: VcovType? = nil) { self.vcov = vcov }
}
