import Foundation
import Numerical

/// One- and two-step linear GMM on ``GMMBlocks`` with R plm's `pgmm` conventions (Arellano and Bond 1991;
/// Windmeijer 2005; docs/estimators/gmm.md).
///
/// With S = Σ Z_i′X_i, s = Σ Z_i′y_i and N units:
/// - one step: A₁ = N·(Σ Z_i′HZ_i)⁻¹, B₁ = (S′A₁S)⁻¹, β₁ = B₁S′A₁s; its "non-robust" covariance is B₁ (plm
///   does not scale it by a residual variance);
/// - Ω = Σ Z_i′ê₁_iê₁_i′Z_i from the one-step residuals, A₂ = Ω⁻¹;
/// - two steps: B₂ = (S′A₂S)⁻¹, β₂ = B₂S′A₂s, non-robust covariance B₂;
/// - robust one-step covariance V₁ = B₁S′A₁ΩA₁SB₁; Windmeijer's two-step covariance
///   V₂ = B₂ + DB₂ + (DB₂)′ + DV₁D′ with D_j = B₂S′A₂ [Σ Z_i′(x_ij ê₁_i′ + ê₁_i x_ij′)Z_i] A₂ Σ Z_i′ê₂_i.
///
/// A₁ and A₂ are inverted as plm does: by `solve` unless the smallest eigenvalue is below 1e-9, then by the
/// Moore–Penrose inverse with singular values below √ε times the largest dropped (MASS::ginv), which more
/// instruments than units make necessary.
public struct LinearGMM: Sendable {
    public let twoSteps: Bool
    public let oneStepCoefficients: [Double]
    /// The reported estimate: β₂ with two steps, else β₁.
    public let coefficients: [Double]
    /// B₂ or B₁.
    public let nonRobustCovariance: Matrix
    /// Windmeijer's V₂ or the robust one-step V₁.
    public let robustCovariance: Matrix
    /// The residuals of the reported estimate, and of the one-step estimate.
    public let residuals: [Double]
    /// The weighting matrix of the reported estimate (A₂ or A₁), and both.
    public let weighting: Matrix
    public let oneStepWeighting: Matrix
    public let twoStepWeighting: Matrix
    /// S = Σ Z_i′X_i.
    public let instrumentRegressorCross: Matrix
    /// Ω = Σ Z_i′ê₁_iê₁_i′Z_i from the one-step residuals.
    public let oneStepMomentCovariance: Matrix
    /// Whether a weighting matrix needed the generalized inverse.
    public let usedGeneralizedInverse: Bool

    /// - Throws: ``EstimationError/degenerate(estimator:reason:)`` with fewer instruments than regressors or when
    ///   S′AS is singular (the instruments do not identify the regressors).
    public init(_ blocks: GMMBlocks, twoSteps: Bool) throws {
        let k = blocks.regressorCount, l = blocks.instrumentCount, n = blocks.unitCount
        guard k > 0 else { throw EstimationError.degenerate(estimator: "GMM", reason: "no regressor to estimate") }
        guard l >= k else {
            throw EstimationError.degenerate(estimator: "GMM", reason: "\(l) instruments for \(k) regressors: the model is not identified")
        }
        let szx = blocks.instrumentRegressorCross()
        let szy = blocks.instrumentCross(blocks.dependent)
        let whitening1 = try Whitening(blocks.weightedInstrumentGram(), scale: Double(n), what: "Σ Z′HZ")
        let a1 = whitening1.weighting, general1 = whitening1.general
        let (beta1, b1) = try Self.estimate(szx: szx, szy: szy, whitening: whitening1)
        let e1 = blocks.residuals(beta1)
        let ze1 = blocks.unitInstrumentCross(e1)
        let omega = GMMBlocks.outerProductSum(ze1, ze1, units: n, size: l)
        let whitening2 = try Whitening(omega, scale: 1, what: "Σ Z′êê′Z")
        let a2 = whitening2.weighting, general2 = whitening2.general
        let middle1 = try b1 * szx.transposed * a1  // k × L
        let robust1 = Self.symmetrized(try middle1 * omega * middle1.transposed)
        self.twoSteps = twoSteps
        oneStepCoefficients = beta1
        oneStepWeighting = a1
        twoStepWeighting = a2
        instrumentRegressorCross = szx
        oneStepMomentCovariance = omega
        usedGeneralizedInverse = general1 || general2
        guard twoSteps else {
            coefficients = beta1
            nonRobustCovariance = b1
            robustCovariance = robust1
            residuals = e1
            weighting = a1
            return
        }
        let (beta2, b2) = try Self.estimate(szx: szx, szy: szy, whitening: whitening2)
        let e2 = blocks.residuals(beta2)
        let g2 = blocks.instrumentCross(e2)
        let left = try b2 * szx.transposed * a2  // k × L
        let a2g = try a2 * g2
        // (Σ_i Z_i′x_ij ê₁_i′Z_i + its transpose) A₂g₂ without forming the L × L sums: per unit,
        // zx_i (ze₁_i · v) + ze₁_i (zx_i · v) with v = A₂g₂, so each column costs O(N·L), not O(N·L²).
        var correction = Matrix(rows: k, columns: k)
        var ze1v = [Double](repeating: 0, count: n)
        for unit in 0..<n {
            var dot = 0.0
            for a in 0..<l { dot += ze1[unit * l + a] * a2g[a] }
            ze1v[unit] = dot
        }
        for j in 0..<k {
            let zx = blocks.unitInstrumentCross(blocks.regressor(j))
            var product = [Double](repeating: 0, count: l)
            for unit in 0..<n {
                var zxv = 0.0
                for a in 0..<l { zxv += zx[unit * l + a] * a2g[a] }
                let scale = ze1v[unit]
                if scale == 0 && zxv == 0 { continue }
                for a in 0..<l { product[a] += zx[unit * l + a] * scale + ze1[unit * l + a] * zxv }
            }
            let column = try left * product
            for a in 0..<k { correction[a, j] = column[a] }
        }
        let db = try correction * b2
        coefficients = beta2
        nonRobustCovariance = b2
        robustCovariance = Self.symmetrized(try b2 + db + db.transposed + correction * robust1 * correction.transposed)
        residuals = e2
        weighting = a2
    }

    /// β(A) and (S′AS)⁻¹ from the whitened moments: with A = P′P, β minimizes ‖Ps − PSβ‖ (Householder QR), and
    /// (S′AS)⁻¹ = R⁻¹R⁻ᵀ from the QR's triangle. The accuracy then depends on the condition of PS, not on that of
    /// S′AS times that of the instrument cross-product (both near 10⁶ for system GMM on EmplUK).
    static func estimate(szx: Matrix, szy: [Double], whitening: Whitening) throws -> (beta: [Double], bread: Matrix) {
        do {
            let design = try whitening.root * szx
            let target = try whitening.root * szy
            let beta = try design.solveLeastSquares(target)
            let rInverse = ScaledLeastSquares.upperInverse(try design.householderTriangle())
            return (beta, symmetrized(try rInverse * rInverse.transposed))
        } catch {
            throw EstimationError.degenerate(estimator: "GMM", reason: "the instruments do not identify the regressors (S′AS is singular)")
        }
    }

    /// Hansen's J of the two-step estimate that uses only the instrument columns `keep`, weighted by the full model's
    /// Ω restricted to them (Hayashi's C statistic, never below the full J's complement): the second term of a
    /// difference-in-Hansen test of the excluded columns.
    func restrictedHansen(_ blocks: GMMBlocks, keep: [Int]) throws -> Double {
        let l = keep.count, k = blocks.regressorCount
        var omega = Matrix(rows: l, columns: l)
        var szx = Matrix(rows: l, columns: k)
        for (a, p) in keep.enumerated() {
            for (b, q) in keep.enumerated() { omega[a, b] = oneStepMomentCovariance[p, q] }
            for j in 0..<k { szx[a, j] = instrumentRegressorCross[p, j] }
        }
        let fullMoments = blocks.instrumentCross(blocks.dependent)
        let whitening = try Whitening(omega, scale: 1, what: "Σ Z′êê′Z of the kept instruments")
        let (beta, _) = try Self.estimate(szx: szx, szy: keep.map { fullMoments[$0] }, whitening: whitening)
        let moments = blocks.instrumentCross(blocks.residuals(beta))
        return try Self.quadratic(keep.map { moments[$0] }, whitening.weighting)
    }

    /// g′Ag.
    static func quadratic(_ g: [Double], _ a: Matrix) throws -> Double {
        zip(g, try a * g).reduce(0) { $0 + $1.0 * $1.1 }
    }

    /// (A + A′)/2.
    static func symmetrized(_ matrix: Matrix) -> Matrix {
        var result = matrix
        for a in 0..<matrix.rows {
            for b in (a + 1)..<max(matrix.rows, a + 1) {
                let mean = 0.5 * (matrix[a, b] + matrix[b, a])
                result[a, b] = mean
                result[b, a] = mean
            }
        }
        return result
    }
}

/// A weighting matrix A = scale · M⁻¹ of a symmetric positive semi-definite M, inverted as pgmm does (`solve`
/// unless the smallest eigenvalue of M is below 1e-9, then MASS::ginv, dropping singular values below √ε times
/// the largest), kept with a root P (A = P′P) so that estimates come from least squares on PS and Ps.
struct Whitening {
    let weighting: Matrix
    let root: Matrix
    let general: Bool

    init(_ matrix: Matrix, scale: Double, what: String) throws {
        let symmetric = LinearGMM.symmetrized(matrix)
        let n = symmetric.rows
        let (values, vectors) = try symmetric.symmetricEigen()
        guard let smallest = values.first, let largest = values.map(abs).max(), largest > 0 else {
            throw EstimationError.degenerate(estimator: "GMM", reason: "\(what) is zero: no instrument varies")
        }
        if smallest >= 1e-9, let lower = try? symmetric.choleskyFactor() {
            // P = √scale · L⁻¹ = √scale · ((Lᵀ)⁻¹)ᵀ.
            root = scale.squareRoot() * ScaledLeastSquares.upperInverse(lower.transposed).transposed
            weighting = LinearGMM.symmetrized(try root.transposed * root)
            general = false
            return
        }
        let cutoff = Double.ulpOfOne.squareRoot() * largest
        let kept = values.indices.filter { values[$0] > cutoff }
        var rootMatrix = Matrix(rows: kept.count, columns: n)
        for (row, index) in kept.enumerated() {
            let factor = (scale / values[index]).squareRoot()
            for column in 0..<n { rootMatrix[row, column] = factor * vectors[column, index] }
        }
        root = rootMatrix
        weighting = LinearGMM.symmetrized(try rootMatrix.transposed * rootMatrix)
        general = true
    }
}
