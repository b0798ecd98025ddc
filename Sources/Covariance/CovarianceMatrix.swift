import Foundation
import Numerical

/// A covariance matrix of the coefficients together with how it was made.
public struct CovarianceMatrix: Sendable, Equatable {
    /// k × k covariance matrix.
    public let matrix: Matrix
    /// The estimator.
    public let type: VcovType
    /// The scalar applied to B·M·B (iid: to RSS/(n − 1) · B). One-way CRV1:
    /// G/(G − 1) · (n − 1)/(n − K); multi-way with ``ClusterDegrees/minimum``: the common
    /// G_min/(G_min − 1) · (n − 1)/(n − K); with ``ClusterDegrees/conventional``: (n − 1)/(n − K)
    /// (the per-term G_S/(G_S − 1) are inside `matrix`).
    public let smallSampleFactor: Double
    /// K used in (n − 1)/(n − K).
    public let parameterCount: Int
    /// Non-empty clusters per clustering dimension (empty without clusters).
    public let clusterCounts: [Int]
    /// Degrees of freedom for t tests: n − K, or G_min − 1 with clusters (see ``TDegrees``).
    public let tDegreesOfFreedom: Int
    /// The options used.
    public let options: SmallSampleOptions
    /// Notes for the user, e.g. that the eigenvalue fix was applied.
    public let warnings: [String]

    /// Memberwise initializer (used by ``SandwichEstimator`` and decoding).
    public init(matrix: Matrix, type: VcovType, smallSampleFactor: Double, parameterCount: Int,
                clusterCounts: [Int], tDegreesOfFreedom: Int, options: SmallSampleOptions, warnings: [String]) {
        self.matrix = matrix
        self.type = type
        self.smallSampleFactor = smallSampleFactor
        self.parameterCount = parameterCount
        self.clusterCounts = clusterCounts
        self.tDegreesOfFreedom = tDegreesOfFreedom
        self.options = options
        self.warnings = warnings
    }

    /// Whether coefficient tests and intervals use the normal distribution (the asymptotic convention)
    /// rather than Student's t with `tDegreesOfFreedom`.
    public var usesNormalInference: Bool { options.convention == .asymptotic }

    /// √Vⱼⱼ for each coefficient (NaN where a diagonal entry is negative).
    public var standardErrors: [Double] {
        matrix.diagonalElements.map { $0 >= 0 ? $0.squareRoot() : .nan }
    }
}
