import Foundation
import Numerical

/// The one sandwich function: V = c · B M B with fixest / pyfixest small-sample corrections.
///
/// Notation: n observations, k coefficients, B = (X̃ᵀWX̃)⁻¹, ŝᵢ = wᵢûᵢx̃ᵢ, A = absorbed
/// FE parameters, A_nest = the part nested in a cluster variable (see ``CovarianceInput``).
///
/// **K** (fixest `vcov.fixest` in `R/VCOV.R`; pyfixest `get_ssc` in `pyfixest/utils/utils.py`):
/// `.none` → k; `.full` → k + A; `.nested` → k + A − A_nest with clusters, k + A without.
///
/// - **iid**: V = RSS/(n − 1) · B · [(n − 1)/(n − K)]. With the default this is
///   RSS/(n − K_full) · B, K_full = k + A. (pyfixest `vcov_iid_ols` uses RSS/(N − 1) and
///   `get_ssc` multiplies by (N − 1)/(N − df_k); fixest divides `cov.iid` by
///   (n − 1)/(n − nparams) and multiplies by (n − 1)/(n − K) — the same.)
/// - **HC1**: V = c · B (Σᵢ ŝᵢŝᵢᵀ) B with c = n/(n − K) by default
///   (see ``HeteroskedasticConvention`` for the switches). Equals statsmodels HC1 without FE.
/// - **CRV1 one-way**: V = G/(G − 1) · (n − 1)/(n − K) · B (Σ_g S_g S_gᵀ) B.
/// - **CRV1 multi-way** over D dimensions: V = Σ_{∅≠S⊆D} (−1)^{|S|+1} c_S · B M_S B, M_S the
///   meat clustered by the intersection a^b^… of S, and c_S = G_min/(G_min − 1) · (n − 1)/(n − K)
///   (``ClusterDegrees/minimum``, G_min = min over single dimensions) or
///   G_S/(G_S − 1) · (n − 1)/(n − K) (``ClusterDegrees/conventional``). Then, if a diagonal
///   entry is negative and ``SmallSampleOptions/fixNonPositiveDefinite`` is on, the eigenvalue fix.
///   pyfixest implements only two-way (`run_crv_loop`, signs [1, 1, −1]); fixest up to four
///   (`vcov_cluster_internal`); this implementation any number.
/// - **Panel HAC** (Newey–West by unit, Driscoll–Kraay by period; ``Meat``): V = (n − 1)/(n − K) ·
///   T/(T − 1) · B M B, T the number of distinct periods in the sample, t df = T − 1 (pyfixest
///   `get_ssc` with `vcov_type = "HAC"` and G = T). Default bandwidth ⌊T^{1/4}⌋.
/// - **t df**: n − K without clusters; with clusters G_min − 1 (``TDegrees/minimum``) or n − K.
/// - **Asymptotic** (``SmallSampleConvention/asymptotic``): iid RSS/n · B, HC0 B M B, clustered
///   B (Σ_S (−1)^{|S|+1} M_S) B with every factor 1; the t df are still recorded but
///   ``CovarianceMatrix/usesNormalInference`` tells consumers to use the normal distribution.
public enum SandwichEstimator {
    /// The one sandwich function: bread · meat · bread with the corrections above.
    ///
    /// With `transform` T, the input describes a fit in another parametrization θ of the same model
    /// (β = Tθ, e.g. centred regressors and an intercept) and the result is T V_θ Tᵀ; every estimator
    /// above is equivariant under such a change, and the eigenvalue fix is applied to the result.
    public static func covariance(_ input: CovarianceInput, type: VcovType,
                                  options: SmallSampleOptions = .init(), transform: Matrix? = nil) throws -> CovarianceMatrix {
        let n = input.observationCount
        let k = input.coefficientCount
        let isClustered: Bool
        if case let .cluster(names) = type {
            guard !input.clusters.isEmpty, names.count == input.clusters.count else {
                throw CovarianceError.clusterSpecificationMismatch(names: names.count, codeArrays: input.clusters.count)
            }
            for (dimension, count) in input.clusterCounts.enumerated() where count < 2 {
                throw CovarianceError.tooFewClusters(dimension: dimension, count: count)
            }
            isClustered = true
        } else {
            isClustered = false
        }
        let parameterCount = parameterCount(input, options: options, clustered: isClustered)
        guard n > parameterCount else {
            throw CovarianceError.nonPositiveResidualDegrees(n: n, k: parameterCount)
        }
        let nDouble = Double(n)
        let asymptotic = options.convention == .asymptotic
        let parameterFactor = options.adjustForParameters && !asymptotic
            ? (nDouble - 1) / (nDouble - Double(parameterCount)) : 1

        var matrix: Matrix
        var reportedType = type
        let factor: Double
        var clusterCounts: [Int] = []
        var tDegrees = n - parameterCount
        switch type {
        case .iid:
            var rss = 0.0
            for i in 0..<n {
                rss += (input.weights?[i] ?? 1) * input.residuals[i] * input.residuals[i]
            }
            // RSS/(n − 1) · factor: (n − 1)/n makes RSS/n under the asymptotic convention.
            factor = asymptotic ? (nDouble - 1) / nDouble : parameterFactor
            matrix = (rss / (nDouble - 1) * factor) * input.bread
        case .heteroskedastic:
            switch options.heteroskedasticConvention {
            case _ where asymptotic:
                factor = 1
            case .pyfixest:
                factor = options.adjustForParameters ? nDouble / (nDouble - Double(parameterCount)) : 1
            case .fixest:
                factor = parameterFactor * (options.clusterAdjustment ? nDouble / (nDouble - 1) : 1)
            }
            matrix = factor * (try sandwich(input.bread, Meat.heteroskedastic(input)))
        case .cluster:
            clusterCounts = input.clusterCounts
            let minimumG = clusterCounts.min() ?? 2
            if options.tDegrees == .minimum { tDegrees = minimumG - 1 }
            let clusterAdjustment = options.clusterAdjustment && !asymptotic
            let common = clusterAdjustment && options.clusterDegrees == .minimum
                ? Double(minimumG) / Double(minimumG - 1) : 1
            factor = parameterFactor * common
            var meat = Matrix(rows: k, columns: k)
            for subset in ClusterIntersection.nonEmptySubsets(of: input.clusters.count) {
                let cells = try ClusterIntersection.codes(
                    of: subset, clusters: input.clusters, strides: input.codeStrides)
                let stride = subset.count == 1 ? input.codeStrides[subset[0]] : cells.count
                let count = subset.count == 1 ? input.clusterCounts[subset[0]] : cells.count
                var termFactor = subset.count % 2 == 1 ? 1.0 : -1.0
                if clusterAdjustment && options.clusterDegrees == .conventional {
                    guard count >= 2 else {
                        throw CovarianceError.tooFewClusters(dimension: subset[0], count: count)
                    }
                    termFactor *= Double(count) / Double(count - 1)
                }
                let term = Meat.clustered(input, codes: cells.codes, stride: stride)
                for index in 0..<(k * k) { meat.elements[index] += termFactor * term.elements[index] }
            }
            matrix = factor * (try sandwich(input.bread, meat))
        case .neweyWest(let lags), .driscollKraay(let lags):
            guard let panel = input.panel else { throw CovarianceError.invalidInput("\(type) needs the panel's units and times") }
            let bandwidth = lags ?? panel.defaultLags
            guard bandwidth >= 0 else { throw CovarianceError.invalidInput("the number of lags must be ≥ 0, got \(bandwidth)") }
            let periods = panel.distinctTimes.count
            guard periods >= 2 else { throw CovarianceError.tooFewClusters(dimension: 0, count: periods) }
            clusterCounts = [periods]
            if options.tDegrees == .minimum { tDegrees = periods - 1 }
            let periodFactor = options.clusterAdjustment && !asymptotic ? Double(periods) / Double(periods - 1) : 1
            factor = parameterFactor * periodFactor
            let isDriscollKraay = type == .driscollKraay(lags: lags)
            reportedType = isDriscollKraay ? .driscollKraay(lags: bandwidth) : .neweyWest(lags: bandwidth)
            let meat = isDriscollKraay
                ? Meat.driscollKraay(input, panel: panel, lags: bandwidth)
                : Meat.neweyWest(input, panel: panel, lags: bandwidth)
            matrix = factor * (try sandwich(input.bread, meat))
        }
        if let transform {
            do {
                matrix = try symmetrized(transform * matrix * transform.transposed)
            } catch {
                throw CovarianceError.numerical("reparametrization: \(error)")
            }
        }
        var warnings: [String] = []
        if options.fixNonPositiveDefinite {
            do {
                if let fixed = try PositiveSemidefiniteFix.apply(to: matrix) {
                    matrix = fixed.matrix
                    warnings.append(
                        "\(type.description) covariance was not positive semi-definite (negative variance): "
                            + "\(fixed.raised) eigenvalue(s) raised to \(fixed.floor) "
                            + "(\(PositiveSemidefiniteFix.relativeFloor) of the largest; Cameron, Gelbach & Miller 2011, as fixest)")
                }
            } catch {
                throw CovarianceError.numerical("eigenvalue fix: \(error)")
            }
        }
        return CovarianceMatrix(
            matrix: matrix, type: reportedType, smallSampleFactor: factor, parameterCount: parameterCount,
            clusterCounts: clusterCounts, tDegreesOfFreedom: tDegrees, options: options, warnings: warnings)
    }

    /// K in (n − 1)/(n − K): k plus the absorbed parameters counted per ``FixedEffectsInK``.
    static func parameterCount(_ input: CovarianceInput, options: SmallSampleOptions, clustered: Bool) -> Int {
        let k = input.coefficientCount
        switch options.fixedEffectsInK {
        case .none:
            return k
        case .full:
            return k + input.absorbedParameters
        case .nested:
            let nested = clustered ? input.absorbedParametersNestedInClusters : 0
            return k + input.absorbedParameters - nested
        }
    }

    /// B M B, symmetrized to remove rounding asymmetry.
    static func sandwich(_ bread: Matrix, _ meat: Matrix) throws -> Matrix {
        do {
            return symmetrized(try bread * meat * bread)
        } catch {
            throw CovarianceError.numerical("sandwich product: \(error)")
        }
    }

    /// (A + Aᵀ)/2 of a square matrix.
    static func symmetrized(_ matrix: Matrix) -> Matrix {
        var result = matrix
        let k = result.rows
        for a in 0..<k {
            for b in (a + 1)..<max(k, a + 1) {
                let mean = 0.5 * (result[a, b] + result[b, a])
                result[a, b] = mean
                result[b, a] = mean
            }
        }
        return result
    }
}
