import Covariance
import Foundation
import Numerical

/// Kleibergen–Paap (2006) rk statistics for underidentification (rk LM) and weak identification (rk Wald F) of
/// a 2SLS fit, under the covariance type of the fit (iid, HC1, one-way or multi-way CRV1), after fixed effects.
///
/// **Construction** (Kleibergen & Paap 2006, §2; the construction of Stata's `ranktest` used by `ivreg2`).
/// W̃ = M_X W (n × p) and Z̃ = M_X Z (n × L) are the endogenous regressors and excluded instruments after the
/// fixed effects and the exogenous regressors X are partialled out; Π̂ = (Z̃ᵀZ̃)⁻¹Z̃ᵀW̃ (L × p) is the first-stage
/// coefficient matrix on the excluded instruments, V̂ = W̃ − Z̃Π̂ its residuals.
/// - F = (Z̃ᵀZ̃)^{1/2}, G = (W̃ᵀW̃)^{1/2} (symmetric square roots) and Θ̂ = F Π̂ G⁻¹ = (Z̃ᵀZ̃)^{-1/2} Z̃ᵀW̃ (W̃ᵀW̃)^{-1/2};
///   its singular values are the canonical correlations r₁ ≥ … ≥ r_p of W̃ and Z̃.
/// - SVD Θ̂ = U S Vᵀ. The rank-(p − 1) restriction is tested through A_⊥ (L × (L − p + 1)), the left singular
///   vectors of the L − p + 1 smallest singular values (including the null space), and B_⊥ = v_pᵀ (1 × p).
///   K–P's A_q⊥ = [U₁₂; U₂₂]U₂₂⁻¹(U₂₂U₂₂ᵀ)^{1/2} and B_q⊥ span the same spaces; the statistic is invariant to
///   the basis, so the orthonormal one is used (from `symmetricEigen` of Θ̂Θ̂ᵀ and Θ̂ᵀΘ̂).
/// - λ = (B_⊥ ⊗ A_⊥ᵀ) vec Θ̂ = A_⊥ᵀ Θ̂ v_p, Ω = (B_⊥ ⊗ A_⊥ᵀ) V̂(vec Θ̂) (B_⊥ ⊗ A_⊥ᵀ)ᵀ, rk = λᵀ Ω⁻¹ λ ~ χ²(L − p + 1).
///   Since vec Θ̂ = (G⁻¹ ⊗ F) vec Π̂ and V̂(vec Π̂) = (I ⊗ (Z̃ᵀZ̃)⁻¹) M (I ⊗ (Z̃ᵀZ̃)⁻¹) with M the meat of the scores
///   eᵢ ⊗ z̃ᵢ, Ω is the meat of the scores rᵢ · aᵢ with rᵢ = v_pᵀG⁻¹eᵢ and aᵢ = A_⊥ᵀ(Z̃ᵀZ̃)^{-1/2}z̃ᵢ. That is a
///   one-residual sandwich with orthonormal regressors aᵢ and bread I, so the project's one
///   ``SandwichEstimator`` (iid, HC1, one-way and multi-way clusters) computes it.
/// - **rk LM**: eᵢ = w̃ᵢ (first-stage "residuals" under H₀: Π = 0), raw meat without small-sample factors
///   (iid: Σ = W̃ᵀW̃ / n), as `ranktest` without `wald`. With iid errors Ω = I/n and rk LM = n · r²_p, the Anderson
///   canonical-correlation LM.
/// - **rk Wald**: eᵢ = v̂ᵢ (unrestricted first-stage residuals) with the small-sample factor of the first stages
///   (K = L + k_X + A as for the first-stage F, A absorbed FE parameters under the fit's rules).
///   **rk Wald F = rk Wald / L.** This reproduces ivreg2's scaling: ivreg2 takes `ranktest`'s raw Wald (meat
///   without corrections) and reports rkWald_raw / n · (n − L − k_X − A) / L, or with clusters
///   rkWald_raw / (n − 1) · (n − L − k_X − A) · (G − 1)/G / L; dividing Ω by the HC1 factor n/(n − K) or the CRV1
///   factor G/(G − 1) · (n − 1)/(n − K) gives exactly those numbers, and it keeps the fit's own small-sample rules
///   (fixest/pyfixest conventions, FE nested in clusters, multi-way clusters).
///   Consequences: with iid errors Ω = (1 − r²_p)/(n − K) · I and rk Wald F = (n − K) r²_p/(1 − r²_p)/L, the
///   Cragg–Donald F; with p = 1 it equals the first-stage Wald F of the chosen covariance.
struct KleibergenPaapRankTest {
    /// W̃ = M_X W (after the fixed effects).
    let endogenous: [[Double]]
    /// Z̃ = M_X Z (after the fixed effects).
    let instruments: [[Double]]
    /// The demeaned exogenous regressors (only their number and the small-sample factor matter).
    let exogenous: [[Double]]
    let context: StageContext

    var n: Int { endogenous.first?.count ?? 0 }
    var p: Int { endogenous.count }
    var instrumentCount: Int { instruments.count }

    /// The rk LM statistic (χ²(L − p + 1)) and the rk Wald F; throws when a cross-product is singular.
    func compute() throws -> (lm: IVTestStatistic, waldF: Double) {
        let zz = FixedEffectsOLS.crossProducts(instruments)
        let ww = FixedEffectsOLS.crossProducts(endogenous)
        var zw = Matrix(rows: instrumentCount, columns: p)
        for a in 0..<instrumentCount {
            for b in 0..<p { zw[a, b] = FixedEffectsOLS.dot(instruments[a], endogenous[b]) }
        }
        let fInverse = try Self.inverseSquareRoot(zz), gInverse = try Self.inverseSquareRoot(ww)
        let theta = try fInverse * zw * gInverse
        let left = try Self.symmetrized(theta * theta.transposed).symmetricEigen().vectors
        let right = try Self.symmetrized(theta.transposed * theta).symmetricEigen().vectors
        let d = instrumentCount - p + 1
        // A_⊥: eigenvectors of Θ̂Θ̂ᵀ for the d smallest eigenvalues (ascending order); v_p for the smallest of Θ̂ᵀΘ̂.
        var aPerp = Matrix(rows: instrumentCount, columns: d)
        for row in 0..<instrumentCount { for column in 0..<d { aPerp[row, column] = left[row, column] } }
        let vp = right.column(0)
        let lambda = try aPerp.transposed * (try theta * vp)
        // Regressors aᵢ = A_⊥ᵀ F⁻¹ z̃ᵢ as d columns; residual weights g = G⁻¹ v_p.
        let loadings = try aPerp.transposed * fInverse
        let transformed = (0..<d).map { j in
            var column = [Double](repeating: 0, count: n)
            for (l, z) in instruments.enumerated() {
                let weight = loadings[j, l]
                for row in 0..<n { column[row] += weight * z[row] }
            }
            return column
        }
        let weights = try gInverse * vp
        let firstStage = try LeastSquaresFit(columns: instruments)
        let unrestricted = try endogenous.map { try firstStage.regress($0).residuals }

        // rk LM: scores from W̃, no small-sample factors (iid: Σ/n rather than Σ/(n − 1)).
        var raw = context.options
        raw.smallSample.adjustForParameters = false
        raw.smallSample.clusterAdjustment = false
        let rawContext = StageContext(sample: context.sample, solver: context.solver, vcov: context.vcov, options: raw,
                                      formula: context.formula, report: context.report, absorbed: context.absorbed)
        var lmOmega = try rawContext.covariance(
            columns: transformed, residuals: Self.combine(endogenous, weights), bread: .identity(d)).matrix
        if context.vcov == .iid { lmOmega = (Double(n - 1) / Double(n)) * lmOmega }
        let lm = try Self.quadraticForm(lambda, lmOmega)

        // rk Wald: scores from V̂ with the first stages' small-sample factor (K = L + k_X + A).
        let residuals = Self.combine(unrestricted, weights)
        let joint = try context.covariance(columns: transformed, residuals: residuals, bread: .identity(d))
        let firstColumns = instruments + exogenous
        let first = try context.covariance(columns: firstColumns, residuals: residuals,
                                           bread: .identity(firstColumns.count))
        let waldOmega = (first.smallSampleFactor / joint.smallSampleFactor) * joint.matrix
        let wald = try Self.quadraticForm(lambda, waldOmega)
        return (IVTestStatistic(statistic: lm, degreesOfFreedom: d, denominatorDegrees: nil),
                wald / Double(instrumentCount))
    }

    /// Σⱼ gⱼ · columnⱼ.
    static func combine(_ columns: [[Double]], _ weights: [Double]) -> [Double] {
        var result = [Double](repeating: 0, count: columns.first?.count ?? 0)
        for (column, weight) in zip(columns, weights) {
            for row in result.indices { result[row] += weight * column[row] }
        }
        return result
    }

    /// S^{-1/2} of a symmetric positive definite matrix (symmetric root); throws when S is not positive definite.
    static func inverseSquareRoot(_ s: Matrix) throws -> Matrix {
        let (values, vectors) = try symmetrized(s).symmetricEigen()
        let largest = values.map(abs).max() ?? 0
        guard let smallest = values.min(), smallest > 1e-12 * largest else {
            throw EstimationError.degenerate(estimator: "2SLS", reason: "Kleibergen–Paap: a cross-product matrix is singular")
        }
        return try vectors * Matrix.diagonal(values.map { 1 / $0.squareRoot() }) * vectors.transposed
    }

    /// (S + Sᵀ)/2, removing rounding asymmetry before `symmetricEigen`.
    static func symmetrized(_ s: Matrix) -> Matrix {
        var result = s
        for a in 0..<s.rows { for b in 0..<s.columns { result[a, b] = 0.5 * (s[a, b] + s[b, a]) } }
        return result
    }

    /// λᵀ Ω⁻¹ λ.
    static func quadraticForm(_ lambda: [Double], _ omega: Matrix) throws -> Double {
        // Rounding can hide an exactly singular Ω (fewer clusters than its dimension) from the LU.
        if let rank = LeastSquaresFit.scaledRank(omega), rank < omega.rows {
            throw EstimationError.degenerate(estimator: "2SLS", reason: "Kleibergen–Paap: singular Ω (rank \(rank) of \(omega.rows))")
        }
        do {
            let solution = try omega.solve(lambda)
            return zip(lambda, solution).reduce(0) { $0 + $1.0 * $1.1 }
        } catch {
            throw EstimationError.degenerate(estimator: "2SLS", reason: "Kleibergen–Paap: singular Ω: \(error)")
        }
    }
}
