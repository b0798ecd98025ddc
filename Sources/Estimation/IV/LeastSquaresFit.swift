import Numerical

/// Least squares on fixed columns (already demeaned): the Gram matrix G = AᵀA is factored once and reused for any
/// number of left-hand sides.
struct LeastSquaresFit {
    let columns: [[Double]]
    /// G⁻¹ = (AᵀA)⁻¹ (the bread of the sandwich).
    let inverseGram: Matrix
    private let gram: Matrix

    /// Throws ``EstimationError/degenerate(estimator:reason:)`` when AᵀA is singular.
    init(columns: [[Double]]) throws {
        self.columns = columns
        gram = FixedEffectsOLS.crossProducts(columns)
        do {
            inverseGram = columns.isEmpty ? Matrix(rows: 0, columns: 0) : try gram.inverseCholesky()
        } catch {
            throw EstimationError.degenerate(estimator: "2SLS", reason: "a cross-product matrix is singular: \(error)")
        }
    }

    /// b = G⁻¹Aᵀv.
    func coefficients(_ v: [Double]) throws -> [Double] {
        guard !columns.isEmpty else { return [] }
        do {
            return try gram.solveCholesky(columns.map { FixedEffectsOLS.dot($0, v) })
        } catch {
            throw EstimationError.degenerate(estimator: "2SLS", reason: "a cross-product matrix is singular: \(error)")
        }
    }

    /// Coefficients, fitted values Ab and residuals v − Ab.
    func regress(_ v: [Double]) throws -> (coefficients: [Double], fitted: [Double], residuals: [Double]) {
        let b = try coefficients(v)
        var fitted = [Double](repeating: 0, count: v.count)
        for (column, coefficient) in zip(columns, b) {
            for row in fitted.indices { fitted[row] += coefficient * column[row] }
        }
        return (b, fitted, zip(v, fitted).map { $0 - $1 })
    }

    /// vᵀP_A v = vᵀA G⁻¹ Aᵀv, the squared norm of the projection of v on the columns.
    func projectedSquaredNorm(_ v: [Double]) throws -> Double {
        guard !columns.isEmpty else { return 0 }
        let b = try coefficients(v)
        return zip(columns, b).reduce(0) { $0 + FixedEffectsOLS.dot($1.0, v) * $1.1 }
    }

    /// Eigenvalues of a scaled covariance block (unit diagonal) at most this fraction of the largest make it
    /// singular: e.g. a clustered covariance with fewer clusters than tested coefficients has rank G − 1.
    static let singularBlockTolerance = 1e-12

    /// The numerical rank of a symmetric matrix judged on its correlation form D^{-1/2} A D^{-1/2}
    /// (D = |diag A|), so that the units of the variables do not matter; nil when the eigenvalues cannot be computed.
    static func scaledRank(_ matrix: Matrix) -> Int? {
        let k = matrix.rows
        let scales = matrix.diagonalElements.map { abs($0).squareRoot() }
        guard scales.allSatisfy({ $0 > 0 && $0.isFinite }) else { return scales.filter { $0 > 0 && $0.isFinite }.count }
        var scaled = matrix
        for a in 0..<k {
            for b in 0..<k { scaled[a, b] /= scales[a] * scales[b] }
        }
        guard let values = try? scaled.symmetricEigen().values, let largest = values.map(abs).max() else { return nil }
        return values.filter { abs($0) > singularBlockTolerance * largest }.count
    }

    /// The Wald statistic b_Sᵀ V_SS⁻¹ b_S of the coefficients at `indices` under covariance `v`; throws
    /// ``EstimationError/degenerate(estimator:reason:)`` when V_SS is singular.
    static func wald(_ b: [Double], covariance v: Matrix, indices: [Int]) throws -> Double {
        let block = FixedEffectsOLS.submatrix(v, indices)
        let sub = indices.map { b[$0] }
        if let rank = scaledRank(block), rank < indices.count {
            throw EstimationError.degenerate(
                estimator: "2SLS", reason: "singular covariance block in a Wald test (rank \(rank) of \(indices.count))")
        }
        do {
            let solution = try block.solve(sub)
            return zip(sub, solution).reduce(0) { $0 + $1.0 * $1.1 }
        } catch {
            throw EstimationError.degenerate(estimator: "2SLS", reason: "singular covariance block in a Wald test: \(error)")
        }
    }
}
