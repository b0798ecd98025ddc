import Foundation
import Numerical

/// What `hetfirm gmm` reports: the estimate with plm's default (robust) covariance — the robust one-step
/// sandwich, or Windmeijer's corrected two-step covariance — and the non-robust one, the Arellano–Bond AR(1)
/// and AR(2) tests, Hansen's J (two-step weighting) and Sargan's statistic (one-step weighting), Wald tests of
/// the slopes and of the period effects, and the instrument, group and observation counts.
public struct DynamicPanelResult: Sendable {
    /// A test statistic: normal (no degrees of freedom) or χ² with `degreesOfFreedom`.
    public struct Test: Sendable, Equatable {
        public let statistic: Double
        public let degreesOfFreedom: Int?

        public init(statistic: Double, degreesOfFreedom: Int?) {
            self.statistic = statistic
            self.degreesOfFreedom = degreesOfFreedom
        }

        /// Two-sided normal p-value, or the χ² upper tail.
        public var pValue: Double {
            guard statistic.isFinite else { return .nan }
            if let degrees = degreesOfFreedom {
                return degrees > 0 ? TestDistributions.chiSquaredSurvival(statistic, degreesOfFreedom: Double(degrees)) : .nan
            }
            guard let normal = try? NormalDistribution(mean: 0, standardDeviation: 1) else { return .nan }
            return 2 * normal.cumulative(-abs(statistic))
        }
    }

    public let formula: String
    public let options: DynamicPanelOptions
    public let coefficientNames: [String]
    public let coefficients: [Double]
    public let robustCovariance: Matrix
    public let nonRobustCovariance: Matrix
    /// β₁ (equal to `coefficients` for a one-step estimate).
    public let oneStepCoefficients: [Double]
    /// AR(1) and AR(2), computed with the robust covariance.
    public let arTests: [Test]
    /// (Σ Z′ê)′A₂(Σ Z′ê): plm `sargan()` with its default two-step weights (Hansen's J), L − k df.
    public let hansen: Test
    /// (Σ Z′ê)′A₁(Σ Z′ê): plm `sargan(weights = "onestep")`, L − k df.
    public let sargan: Test
    /// Difference-in-Hansen for the level equations' GMM instruments (two-step system GMM only): J minus the J of
    /// the model without them (weighted by the full model's Ω restricted to the kept columns), χ² with as many
    /// degrees of freedom as columns excluded. No peer computes it here; see docs/estimators/gmm.md.
    public let differenceInHansen: Test?
    public let waldCoefficients: Test
    public let waldTimeEffects: Test?
    public let instrumentCount: Int
    public let groupCount: Int
    /// Rows with a non-zero residual, differenced and level equations together (plm's count).
    public let observationCount: Int
    public let warnings: [String]

    public var standardErrors: [Double] { robustCovariance.diagonalElements.map { $0.squareRoot() } }
    public var nonRobustStandardErrors: [Double] { nonRobustCovariance.diagonalElements.map { $0.squareRoot() } }
}
