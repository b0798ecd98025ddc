import Numerical

/// One unit's fully modified OLS (Phillips–Hansen 1990) of y on k regressors and an intercept,
/// with `arch`'s `FullyModifiedOLS(y, x, trend="c").fit(kernel, bandwidth)` conventions (8.0,
/// `force_int=True`, `diff=False`, `df_adjust=False`):
///
/// 1. OLS of y on [x, 1] over all T rows, residuals û; η_t = (û_t, Δx_t')' for t = 2 … T
///    (n = T − 1 rows: the first observation is dropped from everything that follows).
/// 2. Ω and Δ of η (``LongRunCovariance``: divisor n, Δ includes Γ_0).
/// 3. y⁺_t = y_t − Ω₁₂ Ω₂₂⁻¹ Δx_t,  λ⁺ = Δ₁₂ − Ω₁₂ Ω₂₂⁻¹ Δ₂₂,
///    θ̂ = (Z'Z)⁻¹ (Z'y⁺ − n [λ⁺'; 0]) with Z = [x_t', 1] for t = 2 … T.
/// 4. Var(θ̂) = ω₁.₂ (Z'Z)⁻¹ with ω₁.₂ = Ω₁₁ − Ω₁₂ Ω₂₂⁻¹ Ω₂₁ (``UnitFMOLSResult/covariance``).
public struct UnitFMOLSResult: Sendable, Equatable {
    /// The unit's label in the data.
    public let unit: String
    /// Periods T (rows, including the first, dropped one).
    public let periods: Int
    /// The unit's first time.
    public let firstTime: Int
    /// θ̂: the k slopes, then the intercept.
    public let coefficients: [Double]
    /// √diag Var(θ̂), in the order of `coefficients` (the square roots of `covariance`'s diagonal, bit for bit).
    public let standardErrors: [Double]
    /// Var(θ̂) = ω₁.₂ (Z'Z)⁻¹, (k + 1) × (k + 1) in the order of `coefficients` (slopes, then the intercept),
    /// made exactly symmetric (the off-diagonal entries of (Z'Z)⁻¹ averaged with their transposes).
    public let covariance: Matrix
    /// The bandwidth used (a whole number; chosen per unit with `auto`).
    public let bandwidth: Double
    /// ω₁.₂, the long-run variance of the errors conditional on Δx.
    public let conditionalLongRunVariance: Double
    /// Σ_t x̃_t x̃_t' over t = 2 … T with x̃ demeaned over those rows (k × k, row-major): the pooled
    /// estimator's denominator contribution.
    let demeanedCrossProduct: [Double]
    /// Σ_t x̃_t y⁺_t − n λ⁺' (k): the pooled estimator's numerator contribution.
    let correctedMoment: [Double]

    /// t = θ̂ / se against 0, in the order of `coefficients`.
    public var tStatistics: [Double] { zip(coefficients, standardErrors).map { $0 / $1 } }
}

enum UnitFMOLS {
    /// Why a unit is left out; the panel estimator counts it as dropped.
    struct Degenerate: Error { let reason: String }

    /// FMOLS of `y` (T values) on `x` (T rows × k, row-major) and an intercept.
    static func estimate(unit: String, firstTime: Int, y: [Double], x: [Double], regressors k: Int,
                         kernel: LongRunKernel, bandwidth: LongRunBandwidth) throws(Degenerate) -> UnitFMOLSResult {
        let periods = y.count
        let n = periods - 1
        let m = k + 1
        do {
            // 1. First-stage OLS residuals and η.
            var design = [Double](repeating: 1, count: periods * m)
            for t in 0..<periods { for j in 0..<k { design[t * m + j] = x[t * k + j] } }
            let firstStage = try Matrix(rows: periods, columns: m, elements: design).solveLeastSquares(y)
            var means = [Double](repeating: 0, count: k)
            for t in 0..<periods { for j in 0..<k { means[j] += x[t * k + j] } }
            for j in 0..<k { means[j] /= Double(periods) }
            var eta = [Double](repeating: 0, count: n * m)
            for t in 1..<periods {
                var fitted = 0.0
                for j in 0..<m { fitted += design[t * m + j] * firstStage[j] }
                eta[(t - 1) * m] = y[t] - fitted
                for j in 0..<k {
                    eta[(t - 1) * m + 1 + j] = (x[t * k + j] - means[j]) - (x[(t - 1) * k + j] - means[j])
                }
            }
            // 2. Long-run covariances.
            let longRun = LongRunCovariance(eta: eta, rows: n, columns: m, kernel: kernel, bandwidth: bandwidth)
            let omega = longRun.longRun, delta = longRun.oneSided
            var omega22 = Matrix(rows: k, columns: k)
            for a in 0..<k { for b in 0..<k { omega22[a, b] = omega[(a + 1) * m + b + 1] } }
            let omega22Inverse = try omega22.inverse()
            // κ = Ω₂₂⁻¹ Ω₂₁ (k), so Ω₁₂ Ω₂₂⁻¹ = κ' (Ω₂₂ symmetric).
            let omega21 = (0..<k).map { omega[($0 + 1) * m] }
            let kappa = try omega22Inverse * omega21
            var lambdaPlus = [Double](repeating: 0, count: k)
            for b in 0..<k {
                var correction = 0.0
                for a in 0..<k { correction += kappa[a] * delta[(a + 1) * m + b + 1] }
                lambdaPlus[b] = delta[b + 1] - correction
            }
            var conditionalVariance = omega[0]
            for a in 0..<k { conditionalVariance -= omega[a + 1] * kappa[a] }
            // 3. y⁺ and the corrected normal equations on rows 2 … T.
            var yPlus = [Double](repeating: 0, count: n)
            for t in 0..<n {
                var correction = 0.0
                for a in 0..<k { correction += eta[t * m + 1 + a] * kappa[a] }
                yPlus[t] = y[t + 1] - correction
            }
            let z = try Matrix(rows: n, columns: m, elements: Array(design[m...]))
            let crossProduct = z.gram()
            var moment = try z.transposed * yPlus
            for j in 0..<k { moment[j] -= Double(n) * lambdaPlus[j] }
            let crossProductInverse = try crossProduct.inverse()
            let coefficients = try crossProductInverse * moment
            // 4. Var(θ̂) = ω₁.₂ (Z'Z)⁻¹ and the standard errors, the square roots of its diagonal.
            var covariance = Matrix(rows: m, columns: m)
            for a in 0..<m {
                for b in 0..<m {
                    let inverse = a == b ? crossProductInverse[a, a] : (crossProductInverse[a, b] + crossProductInverse[b, a]) / 2
                    covariance[a, b] = conditionalVariance * inverse
                }
            }
            let standardErrors = (0..<m).map { covariance[$0, $0].squareRoot() }
            guard coefficients.allSatisfy(\.isFinite), standardErrors.allSatisfy(\.isFinite) else {
                throw Degenerate(reason: "the estimate or its standard error is not finite")
            }
            // Pieces of the pooled (within) estimator: the same normal equations with the intercept
            // partialled out (x̃ demeaned over rows 2 … T).
            var rowMeans = [Double](repeating: 0, count: k)
            for t in 0..<n { for j in 0..<k { rowMeans[j] += z[t, j] } }
            for j in 0..<k { rowMeans[j] /= Double(n) }
            var demeanedCrossProduct = [Double](repeating: 0, count: k * k)
            var correctedMoment = [Double](repeating: 0, count: k)
            for t in 0..<n {
                for a in 0..<k {
                    let xa = z[t, a] - rowMeans[a]
                    correctedMoment[a] += xa * yPlus[t]
                    for b in 0..<k { demeanedCrossProduct[a * k + b] += xa * (z[t, b] - rowMeans[b]) }
                }
            }
            for j in 0..<k { correctedMoment[j] -= Double(n) * lambdaPlus[j] }
            return UnitFMOLSResult(unit: unit, periods: periods, firstTime: firstTime, coefficients: coefficients,
                                   standardErrors: standardErrors, covariance: covariance, bandwidth: longRun.bandwidth,
                                   conditionalLongRunVariance: conditionalVariance,
                                   demeanedCrossProduct: demeanedCrossProduct, correctedMoment: correctedMoment)
        } catch let error as Degenerate {
            throw error
        } catch {
            throw Degenerate(reason: "\(error)")
        }
    }
}
