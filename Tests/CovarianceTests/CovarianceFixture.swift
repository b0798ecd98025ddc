import Testing
import Numerical
@testable import Covariance

/// A 12-observation data set and the OLS pieces the sandwich needs.
///
/// Data: numpy 2.4.6 `default_rng(7)`, rounded to 2 decimals (x1, x2 ~ N(0,1); y = 1 + 0.5 x1 − 0.3 x2
/// + (1 + |x1|)·N(0,1) + 0.4 a; w ~ U(0.5, 2)). Cluster a has 4 groups of 3; b has 3 groups;
/// a^b has 11 cells.
enum CovarianceFixture {
    static let x1: [Double] = [0.0, 0.3, -0.27, -0.89, -0.45, -0.99, 0.06, 1.34, -0.49, -0.62, 0.49, 0.36]
    static let x2: [Double] = [0.11, -0.93, -0.03, 0.7, -1.34, -0.46, -1.9, -1.29, -1.84, -0.24, -1.27, 0.27]
    static let y: [Double] = [1.12, 1.19, -2.32, -0.27, 1.51, 1.27, 0.78, 1.74, 0.65, 0.65, 4.41, 1.2]
    static let w: [Double] = [0.51, 1.75, 0.73, 0.9, 1.82, 1.26, 1.77, 1.46, 1.61, 0.64, 1.31, 1.26]
    static let a: [Int32] = [0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3]
    static let b: [Int32] = [0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 1]
    static var n: Int { y.count }

    /// (regressors, residuals, bread) of the (weighted) least-squares fit of `y` on `columns`.
    static func fit(_ columns: [[Double]], y: [Double], weights: [Double]? = nil) throws
        -> (x: Matrix, residuals: [Double], bread: Matrix) {
        let n = y.count
        let k = columns.count
        let x = try Matrix(rows: n, columns: k, elements: (0..<n).flatMap { i in columns.map { $0[i] } })
        let root = (weights ?? [Double](repeating: 1, count: n)).map { $0.squareRoot() }
        let xw = try Matrix(rows: n, columns: k, elements: (0..<n).flatMap { i in columns.map { $0[i] * root[i] } })
        let bread = try xw.gram().inverseCholesky()
        let xwy = (0..<k).map { j in (0..<n).reduce(0.0) { $0 + xw[$1, j] * root[$1] * y[$1] } }
        let beta = try bread * xwy
        let residuals = (0..<n).map { i in y[i] - (0..<k).reduce(0.0) { $0 + x[i, $1] * beta[$1] } }
        return (x, residuals, bread)
    }

    /// `values` minus their group means (the within transformation for one fixed effect).
    static func demeaned(_ values: [Double], by groups: [Int32]) -> [Double] {
        var sums: [Int32: Double] = [:]
        var counts: [Int32: Double] = [:]
        for (value, group) in zip(values, groups) {
            sums[group, default: 0] += value
            counts[group, default: 0] += 1
        }
        return zip(values, groups).map { $0 - (sums[$1] ?? 0) / (counts[$1] ?? 1) }
    }

    /// The input for y on (1, x1, x2) without fixed effects.
    static func pooledInput(clusters: [[Int32]] = [], weighted: Bool = false) throws -> CovarianceInput {
        let ones = [Double](repeating: 1, count: n)
        let fit = try fit([ones, x1, x2], y: y, weights: weighted ? w : nil)
        return try CovarianceInput(
            regressors: fit.x, residuals: fit.residuals, bread: fit.bread, observationCount: n,
            absorbedParameters: 0, absorbedParametersNestedInClusters: 0, clusters: clusters,
            weights: weighted ? w : nil)
    }

    /// The input for y on (x1, x2) with a fixed effect for `a` (4 levels) absorbed.
    static func fixedEffectInput(clusters: [[Int32]], nested: Int) throws -> CovarianceInput {
        let fit = try fit([demeaned(x1, by: a), demeaned(x2, by: a)], y: demeaned(y, by: a))
        return try CovarianceInput(
            regressors: fit.x, residuals: fit.residuals, bread: fit.bread, observationCount: n,
            absorbedParameters: 4, absorbedParametersNestedInClusters: nested, clusters: clusters)
    }
}

/// Asserts elementwise agreement to `tolerance` relative to the largest |entry| of `expected`.
func expectClose(_ actual: Matrix, _ expected: [Double], tolerance: Double = 1e-10,
                 sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(actual.elements.count == expected.count, sourceLocation: sourceLocation)
    let scale = max(expected.map { abs($0) }.max() ?? 1, 1e-300)
    for (value, reference) in zip(actual.elements, expected) {
        #expect(abs(value - reference) <= tolerance * scale, "\(value) vs \(reference)", sourceLocation: sourceLocation)
    }
}
