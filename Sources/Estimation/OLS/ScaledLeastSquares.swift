import Numerical

/// Least squares on working columns W (demeaned by the fixed effects, or centred when there is an
/// intercept and no fixed effect) through their scaled cross-product matrix.
///
/// With s_j = ‖w_j‖, Z = WS⁻¹ and C = ZᵀZ (unit diagonal), R is an upper-triangular factor with RᵀR = C:
/// the Cholesky factor of C, or, when C is ill-conditioned (a squared pivot below ``householderSwitch``),
/// the triangle of a Householder QR of Z, whose accuracy depends on the condition number of Z rather
/// than on its square. γ solves RᵀRγ = Zᵀy, β = S⁻¹γ, and two steps of iterative refinement,
/// γ += (RᵀR)⁻¹Zᵀ(y − Zγ), recover the digits the normal equations lose (Björck's corrected semi-normal
/// equations). Centring removes the intercept's share of the conditioning, scaling makes the pivots
/// independent of units.
struct ScaledLeastSquares {
    let coefficients: [Double]
    /// y − Wβ.
    let residuals: [Double]
    /// (WᵀW)⁻¹ = S⁻¹R⁻¹R⁻ᵀS⁻¹, the bread of the sandwich.
    let inverseGram: Matrix

    /// Refinement steps after the first solve.
    static let refinementSteps = 2
    /// The smallest squared Cholesky pivot of C (≈ the smallest unexplained fraction of a regressor) below
    /// which R comes from a Householder QR of Z instead.
    static let householderSwitch = 1e-4

    /// Throws ``EstimationError/degenerate(estimator:reason:)`` when the columns are rank deficient.
    /// - Parameter gram: WᵀW when the caller has it (computed here otherwise).
    init(columns: [[Double]], dependent y: [Double], gram: Matrix? = nil) throws {
        let k = columns.count, n = y.count
        let scales = columns.map { FixedEffectsOLS.squaredNorm($0).squareRoot() }
        guard scales.allSatisfy({ $0 > 0 && $0.isFinite }) else {
            throw EstimationError.degenerate(estimator: "OLS", reason: "a regressor has no variation after absorbing the fixed effects")
        }
        guard k > 0 else {
            (coefficients, residuals, inverseGram) = ([], y, Matrix(rows: 0, columns: 0))
            return
        }
        func degenerate(_ error: any Error) -> EstimationError {
            .degenerate(estimator: "OLS", reason: "the regressors' cross-product matrix is singular: \(error)")
        }
        var scaled = gram ?? FixedEffectsOLS.crossProducts(columns)
        for a in 0..<k {
            for b in 0..<k { scaled[a, b] /= scales[a] * scales[b] }
        }
        var triangle: Matrix
        if let lower = try? scaled.choleskyFactor(),
           lower.diagonalElements.allSatisfy({ $0 * $0 >= Self.householderSwitch }) {
            triangle = lower.transposed
        } else {
            var elements = [Double](repeating: 0, count: n * k)
            for (j, column) in columns.enumerated() {
                let inverse = 1 / scales[j]
                for row in 0..<n { elements[row * k + j] = column[row] * inverse }
            }
            do { triangle = try Matrix(rows: n, columns: k, elements: elements).householderTriangle() } catch { throw degenerate(error) }
        }
        guard triangle.diagonalElements.allSatisfy({ $0 != 0 && $0.isFinite }) else {
            throw degenerate(NumericalError.singular("a zero pivot"))
        }
        func scaledCross(_ v: [Double]) -> [Double] {
            (0..<k).map { FixedEffectsOLS.dot(columns[$0], v) / scales[$0] }
        }
        func residual(_ gamma: [Double]) -> [Double] {
            var result = y
            for (j, column) in columns.enumerated() {
                let coefficient = gamma[j] / scales[j]
                for row in result.indices { result[row] -= coefficient * column[row] }
            }
            return result
        }
        var gamma = Self.solveNormal(triangle, scaledCross(y))
        for _ in 0..<Self.refinementSteps {
            let correction = Self.solveNormal(triangle, scaledCross(residual(gamma)))
            for j in 0..<k { gamma[j] += correction[j] }
        }
        // C⁻¹ = R⁻¹R⁻ᵀ, then S⁻¹C⁻¹S⁻¹.
        let rInverse = Self.upperInverse(triangle)
        var inverse = Matrix(rows: k, columns: k)
        for a in 0..<k {
            for b in a..<k {
                var sum = 0.0
                for j in b..<k { sum += rInverse[a, j] * rInverse[b, j] }
                let value = sum / (scales[a] * scales[b])
                inverse[a, b] = value
                inverse[b, a] = value
            }
        }
        coefficients = (0..<k).map { gamma[$0] / scales[$0] }
        residuals = residual(gamma)
        inverseGram = inverse
    }

    /// x with RᵀR x = b: Rᵀu = b forward, then Rx = u backward.
    static func solveNormal(_ r: Matrix, _ b: [Double]) -> [Double] {
        let k = b.count
        var u = b
        for i in 0..<k {
            for j in 0..<i { u[i] -= r[j, i] * u[j] }
            u[i] /= r[i, i]
        }
        var x = u
        for i in stride(from: k - 1, through: 0, by: -1) {
            for j in (i + 1)..<max(k, i + 1) { x[i] -= r[i, j] * x[j] }
            x[i] /= r[i, i]
        }
        return x
    }

    /// R⁻¹ of an upper-triangular R with a non-zero diagonal, by back substitution.
    static func upperInverse(_ r: Matrix) -> Matrix {
        let k = r.rows
        var inverse = Matrix(rows: k, columns: k)
        for column in 0..<k {
            for i in stride(from: column, through: 0, by: -1) {
                var sum = i == column ? 1.0 : 0.0
                for j in (i + 1)..<(column + 1) { sum -= r[i, j] * inverse[j, column] }
                inverse[i, column] = sum / r[i, i]
            }
        }
        return inverse
    }
}
