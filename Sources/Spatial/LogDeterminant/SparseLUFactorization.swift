import Foundation

/// The numeric LU factorisation A = L·U of A = I − ρW without pivoting, in the elimination order
/// of a ``SparseEliminationStructure`` (so really P·A·Pᵀ = L·U for the order's permutation P).
///
/// Rows are computed one at a time (``SparseUpLookingElimination``). Without pivoting this is backward stable
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
        var diagonal: [Double] = [], upperValues: [Double] = []
        var lowerValues = [Double](repeating: 0, count: structure.lowerColumns.count)
        try lowerValues.withUnsafeMutableBufferPointer { lower in
            try SparseUpLookingElimination.run(
                structure: structure, rho: rho, diagonal: &diagonal, upper: &upperValues, lower: lower, pivot: { _, _ in })
        }
        self.diagonal = diagonal
        self.upperValues = upperValues
        self.lowerValues = lowerValues
    }

    /// ln|det A| = Σ_p ln|u_pp| (det P = ±1 cancels in P·A·Pᵀ), summed in elimination order.
    var logAbsoluteDeterminant: Double {
        diagonal.reduce(0.0) { $0 + log(abs($1)) }
    }
}
