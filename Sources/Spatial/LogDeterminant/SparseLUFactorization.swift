import Foundation

/// The numeric LU factorisation A = L·U of A = I − ρW without pivoting, in the elimination order
/// of a ``SparseEliminationStructure`` (so really P·A·Pᵀ = L·U for the order's permutation P).
///
/// Rows are computed one at a time ("up-looking" Doolittle): row p of A is scattered into a dense
/// work vector, the earlier rows k of U in row p's L structure are subtracted in ascending order
/// (l_pk = x_k / u_kk), and what remains is row p of U. Without pivoting this is backward stable
/// when A is strictly diagonally dominant by rows, as I − ρW is for |ρ| · max_i Σ_j w_ij < 1 (the
/// Schur complements stay dominant, so every |u_pp| > 0 and the growth factor is at most 2), and
/// when A is similar through a positive diagonal matrix to a symmetric positive definite matrix,
/// as I − ρW is on the whole admissible interval when W = D⁻¹C with C symmetric (row-standardised
/// contiguity or distance weights): the pivots are those of the LDLᵀ factorisation of the
/// symmetric matrix, all positive. Elsewhere each pivot is checked and a tiny one is an error.
struct SparseLUFactorization: Sendable {
    let structure: SparseEliminationStructure
    let rho: Double
    /// u_pp by position.
    var diagonal: [Double]
    /// Off-diagonal U entries, parallel to `structure.upperColumns`.
    var upperValues: [Double]
    /// Off-diagonal L entries, parallel to `structure.lowerColumns` (the unit diagonal is implied).
    var lowerValues: [Double]

    /// A pivot of magnitude at or below this (the diagonal of I − ρW is 1), or not finite, is refused.
    static let pivotTolerance = 1e-12

    init(structure: SparseEliminationStructure, rho: Double) throws {
        self.structure = structure
        self.rho = rho
        let count = structure.count
        var diagonal = [Double](repeating: 0, count: count)
        var upperValues = [Double](repeating: 0, count: structure.upperColumns.count)
        var lowerValues = [Double](repeating: 0, count: structure.lowerColumns.count)
        var work = [Double](repeating: 0, count: count)
        var failure: (position: Int, pivot: Double)?
        structure.upperStarts.withUnsafeBufferPointer { upperStarts in
        structure.upperColumns.withUnsafeBufferPointer { upperColumns in
        structure.lowerStarts.withUnsafeBufferPointer { lowerStarts in
        structure.lowerColumns.withUnsafeBufferPointer { lowerColumns in
        structure.weightStarts.withUnsafeBufferPointer { weightStarts in
        structure.weightColumns.withUnsafeBufferPointer { weightColumns in
        structure.weightValues.withUnsafeBufferPointer { weightValues in
        diagonal.withUnsafeMutableBufferPointer { diagonal in
        upperValues.withUnsafeMutableBufferPointer { upper in
        lowerValues.withUnsafeMutableBufferPointer { lower in
        work.withUnsafeMutableBufferPointer { work in
            for position in 0..<count {
                work[position] = 1
                for index in weightStarts[position]..<weightStarts[position + 1] {
                    work[weightColumns[index]] -= rho * weightValues[index]
                }
                for index in lowerStarts[position]..<lowerStarts[position + 1] {
                    let column = lowerColumns[index]
                    let multiplier = work[column] / diagonal[column]
                    lower[index] = multiplier
                    work[column] = 0
                    if multiplier != 0 {
                        for entry in upperStarts[column]..<upperStarts[column + 1] {
                            work[upperColumns[entry]] -= multiplier * upper[entry]
                        }
                    }
                }
                let pivot = work[position]
                work[position] = 0
                guard pivot.isFinite, abs(pivot) > Self.pivotTolerance else {
                    failure = (position, pivot)
                    return
                }
                diagonal[position] = pivot
                for entry in upperStarts[position]..<upperStarts[position + 1] {
                    let column = upperColumns[entry]
                    upper[entry] = work[column]
                    work[column] = 0
                }
            }
        }}}}}}}}}}}
        if let failure { throw LogDeterminantError.unstablePivot(rho: rho, position: failure.position, pivot: failure.pivot) }
        self.diagonal = diagonal
        self.upperValues = upperValues
        self.lowerValues = lowerValues
    }

    /// ln|det A| = Σ_p ln|u_pp| (det P = ±1 cancels in P·A·Pᵀ), summed in elimination order.
    var logAbsoluteDeterminant: Double {
        diagonal.reduce(0.0) { $0 + log(abs($1)) }
    }
}
