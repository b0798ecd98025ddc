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
        let (inverseGram, general1) = try Self.plmInverse(blocks.weightedInstrumentGram(), what: "Σ Z′HZ")
        let a1 = Double(n) * inverseGram
        let (beta1, b1) = try Self.estimate(szx: szx, szy: szy, weighting: a1)
        let e1 = blocks.residuals(beta1)
        let ze1 = blocks.unitInstrumentCross(e1)
        let omega = GMMBlocks.outerProductSum(ze1, ze1, units: n, size: l)
        let (a2, general2) = try Self.plmInverse(omega, what: "Σ Z′êê′Z")
        let middle1 = try b1 * szx.transposed * a1  // k × L
        let robust1 = Self.symmetrized(try middle1 * omega * middle1.transposed)
        self.twoSteps = twoSteps
        oneStepCoefficients = beta1
        oneStepWeighting = a1
        twoStepWeighting = a2
        instrumentRegressorCross = szx
        usedGeneralizedInverse = general1 || general2
        guard twoSteps else {
            coefficients = beta1
            nonRobustCovariance = b1
            robustCovariance = robust1
            residuals = e1
            weighting = a1
            return
        }
        let (beta2, b2) = try Self.estimate(szx: szx, szy: szy, weighting: a2)
        let e2 = blocks.residuals(beta2)
        let g2 = blocks.instrumentCross(e2)
        let left = try b2 * szx.transposed * a2  // k × L
        let a2g = try a2 * g2
        var correction = Matrix(rows: k, columns: k)
        for j in 0..<k {
            let zx = blocks.unitInstrumentCross(blocks.regressor(j))
            let cross = GMMBlocks.outerProductSum(zx, ze1, units: n, size: l)
            let column = try left * (try (try cross + cross.transposed) * a2g)
            for a in 0..<k { correction[a, j] = column[a] }
        }
        let db = try correction * b2
        coefficients = beta2
        nonRobustCovariance = b2
        robustCovariance = Self.symmetrized(try b2 + db + db.transposed + correction * robust1 * correction.transposed)
        residuals = e2
        weighting = a2
    }

    /// β(A) and (S′AS)⁻¹.
    static func estimate(szx: Matrix, szy: [Double], weighting: Matrix) throws -> (beta: [Double], bread: Matrix) {
        let sa = try szx.transposed * weighting  // k × L
        let bread: Matrix
        do { bread = Self.symmetrized(try (try sa * szx).inverse()) } catch {
            throw EstimationError.degenerate(estimator: "GMM", reason: "the instruments do not identify the regressors (S′AS is singular)")
        }
        return (try bread * (try sa * szy), bread)
    }

    /// pgmm's inverse: `solve` unless the smallest eigenvalue is below 1e-9, then MASS::ginv.
    static func plmInverse(_ matrix: Matrix, what: String) throws -> (inverse: Matrix, general: Bool) {
        let symmetric = symmetrized(matrix)
        let (values, vectors) = try symmetric.symmetricEigen()
        guard let smallest = values.first, let largest = values.map(abs).max(), largest > 0 else {
            throw EstimationError.degenerate(estimator: "GMM", reason: "\(what) is zero: no instrument varies")
        }
        if smallest >= 1e-9, let inverse = try? symmetric.inverse() { return (symmetrized(inverse), false) }
        let cutoff = Double.ulpOfOne.squareRoot() * largest
        let size = symmetric.rows
        var result = Matrix(rows: size, columns: size)
        for (index, value) in values.enumerated() where abs(value) > cutoff {
            for a in 0..<size {
                let scaled = vectors[a, index] / value
                if scaled == 0 { continue }
                for b in 0..<size { result.elements[a * size + b] += scaled * vectors[b, index] }
            }
        }
        return (symmetrized(result), true)
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
