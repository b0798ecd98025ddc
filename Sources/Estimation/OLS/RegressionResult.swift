import Covariance
import FixedEffects
import Foundation
import Numerical

/// A regressor the estimator dropped, and why.
public struct DroppedRegressor: Sendable, Codable, Equatable {
    public let name: String
    /// e.g. "collinear with the fixed effects plant^year" or "collinear with x1, x2".
    public let reason: String
}

/// One absorbed fixed-effect dimension of an estimation.
public struct FixedEffectSummary: Sendable, Codable, Equatable {
    /// As written in the formula, e.g. "city^dest".
    public let name: String
    /// Levels in the estimation sample.
    public let levels: Int
    /// Estimated coefficients per level, when requested (`EstimationOptions.recoverFixedEffects`).
    public let coefficients: [Double]?
    /// Level labels matching `coefficients` ("a_b" for a^b combinations), when requested.
    public let labels: [String]?
}

/// The result of an OLS estimation with absorbed fixed effects: an immutable value.
public struct RegressionResult: Sendable, Codable, Equatable {
    public let formula: String
    public let dependent: String
    public let coefficientNames: [String]
    public let coefficients: [Double]
    /// The covariance of `coefficients`, with how it was made (type, small-sample factor, clusters, df).
    public let covariance: CovarianceMatrix
    /// Observations used.
    public let observationCount: Int
    /// Rows dropped because a variable was missing or undefined (e.g. log of a non-positive value).
    public let droppedMissing: Int
    /// Observations dropped as fixed-effect singletons.
    public let droppedSingletons: Int
    public let fixedEffects: [FixedEffectSummary]
    /// Parameters the fixed effects absorb, under `EstimationOptions.absorbedParameterRule`.
    public let absorbedParameters: Int
    /// Connected components of the graph of the first two fixed effects (`nil` with fewer than two):
    /// more than one means that fixest's count of K is larger than the exact one.
    public let connectedComponents: Int?
    public let droppedRegressors: [DroppedRegressor]
    public let residualSumOfSquares: Double
    public let rSquared: Double
    public let adjustedRSquared: Double
    /// R² of the demeaned regression; `nil` without fixed effects.
    public let withinRSquared: Double?
    /// F test that every slope is zero, with iid errors: ((TSS* − RSS)/k) / (RSS/(n − K)), where TSS* is the
    /// within sum of squares with fixed effects and the sum of squares about the mean with an intercept.
    public let fStatistic: Double
    /// How the demeaning went; `nil` without fixed effects.
    public let demeaning: DemeaningReport?
    /// Things the user must see (non-convergence, covariance fixes).
    public let warnings: [String]

    public var standardErrors: [Double] { covariance.standardErrors }
    public var tStatistics: [Double] { zip(coefficients, standardErrors).map { $0 / $1 } }

    /// Two-sided p-values from Student's t with the covariance's degrees of freedom, or from the standard normal
    /// under the asymptotic convention (``CovarianceMatrix/usesNormalInference``).
    public var pValues: [Double] {
        if covariance.usesNormalInference, let normal = try? NormalDistribution(mean: 0, standardDeviation: 1) {
            return tStatistics.map { $0.isNaN ? .nan : 2 * normal.cumulative(-abs($0)) }
        }
        guard let distribution = try? StudentTDistribution(degreesOfFreedom: Double(max(covariance.tDegreesOfFreedom, 1))) else {
            return coefficients.map { _ in .nan }
        }
        return tStatistics.map(distribution.twoSidedPValue)
    }

    /// The coefficient named `name`, if estimated.
    public func coefficient(_ name: String) -> Double? {
        coefficientNames.firstIndex(of: name).map { coefficients[$0] }
    }

    public func standardError(_ name: String) -> Double? {
        coefficientNames.firstIndex(of: name).map { standardErrors[$0] }
    }
}
