/// One unit's Granger regression by Householder QR (as R's `lm`, LINPACK `dqrdc2`):
///
///     y_t = α + Σ_{k=1..K} γ_k y_{t−k} + Σ_{k=1..K} β_k x_{t−k} + ε_t
///
/// on the n rows where y_t and every lag exist. With X = [X₁ X₂] (X₂ the K lags of x) and
/// Q′y = (c₁, c₂, c₃), the unrestricted RSS is ‖c₃‖² and the restricted one (β = 0) is ‖c₂‖² + ‖c₃‖²,
/// so the Wald statistic of β = 0 with the OLS covariance s²(X′X)⁻¹, s² = RSS/(n − 2K − 1), is
///
///     W = β̂′ [s² ((X′X)⁻¹)₂₂]⁻¹ β̂ = ‖c₂‖² / s²
///
/// exactly (`lmtest::waldtest(test = "Chisq")`, which `plm::pgrangertest` calls), without forming
/// X′X or its inverse.
struct GrangerUnitRegression {
    /// n, the rows of the regression.
    let observations: Int
    /// 2K + 1 coefficients.
    let coefficientCount: Int
    /// ‖c₃‖², the unrestricted residual sum of squares.
    let residualSumOfSquares: Double
    /// ‖c₂‖²: how much x's lags lower the residual sum of squares.
    let causeSumOfSquares: Double

    /// Why a unit's regression could not be estimated.
    enum Failure: Error, Equatable {
        /// n ≤ 2K + 1: no residual degree of freedom.
        case tooFewObservations
        /// A regressor is a linear combination of the others (R's `lm` tolerance 1e-7): e.g. x constant.
        case collinear
        /// The lags fit y exactly (no residual variance to scale the Wald statistic).
        case perfectFit
    }

    /// Relative tolerance of the rank check: a column whose norm, after the reflections of the
    /// columns before it, is below this fraction of its original norm is collinear (`lm`'s `tol`).
    static let rankTolerance = 1e-7

    /// Fits the regression whose design is `design` (column-major, n × p, the constant first and
    /// the `causeColumns` lags of x last) and response `response`; both are overwritten (by the
    /// Householder vectors and Q′y).
    ///
    /// - Throws: `Failure`.
    static func fit(design: inout [Double], response: inout [Double], columns p: Int, causeColumns: Int) throws(Failure)
        -> GrangerUnitRegression {
        let n = response.count
        guard n > p else { throw .tooFewObservations }
        precondition(design.count == n * p && causeColumns <= p, "Granger design of \(design.count) values for \(n) × \(p)")
        let responseNorm = norm(response[...])
        let factored = design.withUnsafeMutableBufferPointer { a in
            response.withUnsafeMutableBufferPointer { b in triangularize(a, b, rows: n, columns: p) }
        }
        guard factored else { throw .collinear }
        var cause = 0.0
        for row in (p - causeColumns)..<p { cause += response[row] * response[row] }
        var residual = 0.0
        for row in p..<n { residual += response[row] * response[row] }
        guard residual.isFinite, cause.isFinite, residual > 1e-26 * responseNorm * responseNorm else { throw .perfectFit }
        return GrangerUnitRegression(observations: n, coefficientCount: p, residualSumOfSquares: residual,
                                     causeSumOfSquares: cause)
    }

    /// Householder QR of the column-major `a` (rows × columns), applying every reflection to `b` too
    /// (so that `b` ends as Q′b). False when a column's remaining norm falls below
    /// `rankTolerance` times its original norm (rank deficient).
    private static func triangularize(_ a: UnsafeMutableBufferPointer<Double>, _ b: UnsafeMutableBufferPointer<Double>,
                                      rows n: Int, columns p: Int) -> Bool {
        for column in 0..<p {
            let start = column * n
            let originalNorm = norm(a[start..<(start + n)])
            let remainingNorm = norm(a[(start + column)..<(start + n)])
            guard originalNorm > 0, remainingNorm > rankTolerance * originalNorm else { return false }
            // v = a − α e₀ with α = −sign(a₀)‖a‖ (no cancellation), on rows column…n−1, stored in place.
            let pivot = a[start + column]
            let alpha = pivot >= 0 ? -remainingNorm : remainingNorm
            a[start + column] = pivot - alpha
            var vNormSquared = 0.0
            for row in column..<n { vNormSquared += a[start + row] * a[start + row] }
            // H = I − 2vv′/‖v‖² on every later column and on b.
            for later in (column + 1)..<(p + 1) {
                let target: UnsafeMutableBufferPointer<Double> = later < p ? a : b
                let offset = later < p ? later * n : 0
                var dot = 0.0
                for row in column..<n { dot += a[start + row] * target[offset + row] }
                let scale = 2 * dot / vNormSquared
                for row in column..<n { target[offset + row] -= scale * a[start + row] }
            }
        }
        return true
    }

    private static func norm<Values: Collection<Double>>(_ values: Values) -> Double {
        // Scaled to avoid overflow for large levels (trade values in dollars).
        var scale = 0.0
        for value in values { scale = max(scale, abs(value)) }
        guard scale > 0, scale.isFinite else { return scale }
        var sum = 0.0
        for value in values { let scaled = value / scale; sum += scaled * scaled }
        return scale * sum.squareRoot()
    }

    /// The Wald statistic W = ‖c₂‖² / s², s² = RSS / (n − p).
    var wald: Double {
        causeSumOfSquares / (residualSumOfSquares / Double(observations - coefficientCount))
    }
}
