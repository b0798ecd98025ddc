import Numerical

/// The stacked equations of a linear panel GMM estimator: every unit has the same R rows (the periods of
/// the differenced equations, then, for system GMM, those of the level equations; a row whose data are
/// missing is all zeros, as plm lays the panel on its full grid), holding its transformed dependent
/// variable y_i, regressors X_i (k columns) and instruments Z_i (L columns). H (R × R) is the one-step
/// weighting block, the same for every unit.
///
/// Moments are E[Z_i′u_i] = 0 (Arellano and Bond 1991; Blundell and Bond 1998). The estimator only needs
/// sums over units: Σ Z_i′X_i, Σ Z_i′y_i, Σ Z_i′HZ_i and Σ Z_i′e_i e_i′Z_i.
public struct GMMBlocks: Sendable {
    /// Number of regressors k.
    public let regressorCount: Int
    /// Number of instruments L.
    public let instrumentCount: Int
    /// R, the rows of every unit.
    public let rowsPerUnit: Int
    /// N.
    public let unitCount: Int
    /// y, N·R values (unit-major).
    public let dependent: [Double]
    /// X, row-major (N·R) × k.
    public let regressors: [Double]
    /// Z, row-major (N·R) × L.
    public let instruments: [Double]
    /// H, row-major R × R.
    public let weighting: [Double]

    public var rowCount: Int { dependent.count }

    /// - Throws: ``EstimationError/degenerate(estimator:reason:)`` when the sizes disagree.
    public init(regressorCount: Int, instrumentCount: Int, rowsPerUnit: Int, dependent: [Double], regressors: [Double],
                instruments: [Double], weighting: [Double]) throws {
        let rows = dependent.count
        guard rowsPerUnit > 0, rows % rowsPerUnit == 0, regressors.count == rows * regressorCount,
              instruments.count == rows * instrumentCount, weighting.count == rowsPerUnit * rowsPerUnit else {
            throw EstimationError.degenerate(estimator: "GMM", reason: "inconsistent block sizes")
        }
        self.regressorCount = regressorCount
        self.instrumentCount = instrumentCount
        self.rowsPerUnit = rowsPerUnit
        self.unitCount = rows / rowsPerUnit
        self.dependent = dependent
        self.regressors = regressors
        self.instruments = instruments
        self.weighting = weighting
    }

    /// Σ_i Z_i′ v_i for a vector v of one value per row (L entries).
    func instrumentCross(_ vector: [Double]) -> [Double] {
        let l = instrumentCount
        var sums = [Double](repeating: 0, count: l)
        instruments.withUnsafeBufferPointer { z in
            for row in 0..<rowCount where vector[row] != 0 {
                let value = vector[row]
                let base = row * l
                for a in 0..<l { sums[a] += z[base + a] * value }
            }
        }
        return sums
    }

    /// Z_i′ v_i of every unit, row-major N × L.
    func unitInstrumentCross(_ vector: [Double]) -> [Double] {
        let l = instrumentCount, r = rowsPerUnit
        var sums = [Double](repeating: 0, count: unitCount * l)
        instruments.withUnsafeBufferPointer { z in
            sums.withUnsafeMutableBufferPointer { out in
                for unit in 0..<unitCount {
                    for row in (unit * r)..<((unit + 1) * r) where vector[row] != 0 {
                        let value = vector[row]
                        for a in 0..<l { out[unit * l + a] += z[row * l + a] * value }
                    }
                }
            }
        }
        return sums
    }

    /// Σ_i Z_i′X_i (L × k).
    func instrumentRegressorCross() -> Matrix {
        let l = instrumentCount, k = regressorCount
        var result = Matrix(rows: l, columns: k)
        instruments.withUnsafeBufferPointer { z in
            regressors.withUnsafeBufferPointer { x in
                result.elements.withUnsafeMutableBufferPointer { out in
                    for row in 0..<rowCount {
                        for a in 0..<l {
                            let za = z[row * l + a]
                            if za == 0 { continue }
                            for b in 0..<k { out[a * k + b] += za * x[row * k + b] }
                        }
                    }
                }
            }
        }
        return result
    }

    /// Σ_i a_i b_i′ for per-unit vectors stored row-major N × L (e.g. Z_i′e_i): with a = b = Z′e this is
    /// Σ Z_i′e_ie_i′Z_i (L × L).
    static func outerProductSum(_ left: [Double], _ right: [Double], units: Int, size l: Int) -> Matrix {
        var result = Matrix(rows: l, columns: l)
        left.withUnsafeBufferPointer { a in
            right.withUnsafeBufferPointer { b in
                result.elements.withUnsafeMutableBufferPointer { out in
                    for unit in 0..<units {
                        let base = unit * l
                        for p in 0..<l {
                            let ap = a[base + p]
                            if ap == 0 { continue }
                            for q in 0..<l { out[p * l + q] += ap * b[base + q] }
                        }
                    }
                }
            }
        }
        return result
    }

    /// Σ_i Z_i′HZ_i (L × L), the inverse of the one-step weighting matrix (up to N).
    func weightedInstrumentGram() -> Matrix {
        let l = instrumentCount, r = rowsPerUnit
        var result = Matrix(rows: l, columns: l)
        var hz = [Double](repeating: 0, count: r * l)
        for unit in 0..<unitCount {
            let first = unit * r
            for index in hz.indices { hz[index] = 0 }
            for row in 0..<r {
                for column in 0..<r {
                    let weight = weighting[row * r + column]
                    if weight == 0 { continue }
                    for a in 0..<l { hz[row * l + a] += weight * instruments[(first + column) * l + a] }
                }
            }
            for row in 0..<r {
                for a in 0..<l {
                    let za = instruments[(first + row) * l + a]
                    if za == 0 { continue }
                    for b in 0..<l { result.elements[a * l + b] += za * hz[row * l + b] }
                }
            }
        }
        return result
    }

    /// y − Xβ, one value per row (zero rows stay zero).
    func residuals(_ beta: [Double]) -> [Double] {
        let k = regressorCount
        return (0..<rowCount).map { row in
            var value = dependent[row]
            for b in 0..<k { value -= regressors[row * k + b] * beta[b] }
            return value
        }
    }

    /// The column j of X as a per-row vector.
    func regressor(_ j: Int) -> [Double] {
        (0..<rowCount).map { regressors[$0 * regressorCount + j] }
    }
}
