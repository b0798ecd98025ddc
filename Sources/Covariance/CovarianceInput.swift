import Foundation
import Numerical

/// Everything the sandwich needs from a fitted (possibly weighted, FE-demeaned) OLS model.
///
/// With analytic weights wᵢ the scores are ŝᵢ = wᵢ ûᵢ x̃ᵢ (fixest `res$scores`, pyfixest
/// `_scores` = √w x̃ · √w û), the iid residual sum of squares is Σ wᵢ ûᵢ², and the bread is
/// (X̃ᵀWX̃)⁻¹. Frequency weights are not supported (n is the number of rows).
///
/// **Counting absorbed parameters so that K matches fixest / pyfixest defaults.** Both
/// packages count Σ_q L_q − (Q − 1) parameters for Q fixed-effect dimensions with L_q
/// levels each (fixest `nparams` with `fixef.force_exact = FALSE`; pyfixest
/// `get_ssc`: `k_fe - (n_fe - 1)`), not the exact rank. Pass that as
/// `absorbedParameters`. For `fixef.K = "nested"` both remove Σ_{q nested} L_q − #nested
/// (fixest `K - (sum(fixef_sizes[is_nested]) - sum(is_nested))`; pyfixest
/// `- k_fe_nested + n_fe_fully_nested`); when every FE dimension is nested both leave
/// K = k + 1. Pass Σ_{q nested} L_q − #nested as `absorbedParametersNestedInClusters`
/// (for every dimension nested: absorbedParameters − 1). A dimension is nested when
/// each of its levels lies inside one cluster of some clustering variable.
public struct CovarianceInput: Sendable {
    /// n × k FE-demeaned regressors X̃ (unweighted), row-major.
    public let regressors: Matrix
    /// n residuals û (unweighted).
    public let residuals: [Double]
    /// k × k bread B = (X̃ᵀWX̃)⁻¹.
    public let bread: Matrix
    /// n, the number of observations.
    public let observationCount: Int
    /// Absorbed fixed-effect parameters (see the type's documentation).
    public let absorbedParameters: Int
    /// The part of `absorbedParameters` removed from K under ``FixedEffectsInK/nested``
    /// for clustered covariances.
    public let absorbedParametersNestedInClusters: Int
    /// One code array per clustering dimension, codes in 0..<G, no missing values.
    public let clusters: [[Int32]]
    /// Analytic weights, or nil for unweighted.
    public let weights: [Double]?
    /// Unit and time of every observation, for ``VcovType/neweyWest(lags:)`` and
    /// ``VcovType/driscollKraay(lags:)``; nil otherwise.
    public let panel: PanelCodes?
    /// Number of non-empty clusters per dimension.
    public let clusterCounts: [Int]
    /// 1 + the largest code per dimension (buffer size for per-cluster sums).
    let codeStrides: [Int]

    /// Validates sizes, codes and weights; throws ``CovarianceError``.
    public init(regressors: Matrix, residuals: [Double], bread: Matrix, observationCount: Int,
                absorbedParameters: Int, absorbedParametersNestedInClusters: Int, clusters: [[Int32]],
                weights: [Double]? = nil, panel: PanelCodes? = nil) throws {
        let n = observationCount
        let k = regressors.columns
        guard regressors.elements.count == regressors.rows * k else {
            throw CovarianceError.dimensionMismatch("regressor storage does not match \(regressors.rows) × \(k)")
        }
        guard regressors.rows == n, residuals.count == n else {
            throw CovarianceError.dimensionMismatch(
                "observationCount \(n), regressors have \(regressors.rows) rows, \(residuals.count) residuals")
        }
        guard n > 0, k > 0 else {
            throw CovarianceError.dimensionMismatch("need n > 0 and k > 0, got n = \(n), k = \(k)")
        }
        guard bread.rows == k, bread.columns == k, bread.elements.count == k * k else {
            throw CovarianceError.dimensionMismatch("bread is \(bread.rows) × \(bread.columns), expected \(k) × \(k)")
        }
        guard absorbedParameters >= 0, absorbedParametersNestedInClusters >= 0,
              absorbedParametersNestedInClusters <= absorbedParameters else {
            throw CovarianceError.invalidInput(
                "absorbed parameters \(absorbedParameters), nested \(absorbedParametersNestedInClusters): "
                    + "need 0 ≤ nested ≤ absorbed")
        }
        guard residuals.allSatisfy({ $0.isFinite }), regressors.elements.allSatisfy({ $0.isFinite }),
              bread.elements.allSatisfy({ $0.isFinite }) else {
            throw CovarianceError.invalidInput("regressors, residuals and bread must be finite")
        }
        if let weights {
            guard weights.count == n else {
                throw CovarianceError.dimensionMismatch("\(weights.count) weights for \(n) observations")
            }
            guard weights.allSatisfy({ $0.isFinite && $0 >= 0 }) else {
                throw CovarianceError.invalidInput("weights must be finite and non-negative")
            }
        }
        guard clusters.isEmpty || n <= Int(Int32.max) else {
            throw CovarianceError.invalidInput("clustering supports at most \(Int32.max) observations, got \(n)")
        }
        if let panel, panel.units.count != n {
            throw CovarianceError.dimensionMismatch("panel codes for \(panel.units.count) observations, expected \(n)")
        }
        var counts: [Int] = []
        var strides: [Int] = []
        for (dimension, codes) in clusters.enumerated() {
            guard codes.count == n else {
                throw CovarianceError.dimensionMismatch(
                    "cluster dimension \(dimension) has \(codes.count) codes for \(n) observations")
            }
            var largest: Int32 = -1
            for code in codes {
                guard code >= 0 else {
                    throw CovarianceError.invalidInput("cluster dimension \(dimension) has negative code \(code)")
                }
                largest = max(largest, code)
            }
            let stride = Int(largest) + 1
            var seen = [Bool](repeating: false, count: stride)
            var nonEmpty = 0
            for code in codes where !seen[Int(code)] {
                seen[Int(code)] = true
                nonEmpty += 1
            }
            counts.append(nonEmpty)
            strides.append(stride)
        }
        self.regressors = regressors
        self.residuals = residuals
        self.bread = bread
        self.observationCount = n
        self.absorbedParameters = absorbedParameters
        self.absorbedParametersNestedInClusters = absorbedParametersNestedInClusters
        self.clusters = clusters
        self.weights = weights
        self.panel = panel
        self.clusterCounts = counts
        self.codeStrides = strides
    }

    /// k, the number of (non-absorbed) coefficients.
    public var coefficientCount: Int { regressors.columns }
}
