import Foundation
import Numerical

/// The eigenvalue fix of Cameron, Gelbach & Miller (2011, JBES, §2.3) as fixest applies it
/// (`vcov.fixest` in `R/VCOV.R` calls `mat_posdef_fix` of `R/miscfuns.R` when any diagonal
/// entry is negative): with V = U diag(λ) Uᵀ, V⁺ = U diag(max(λ, τ)) Uᵀ, τ = 10⁻¹⁰.
enum PositiveSemidefiniteFix {
    /// fixest's floor for the eigenvalues.
    static let floor = 1e-10

    /// The repaired matrix and the number of eigenvalues raised to the floor, or nil when
    /// no diagonal entry is negative (fixest's trigger).
    static func apply(to matrix: Matrix) throws -> (matrix: Matrix, raised: Int)? {
        guard matrix.diagonalElements.contains(where: { $0 < 0 }) else { return nil }
        let decomposition = try matrix.symmetricEigen()
        let k = matrix.rows
        var raised = 0
        let values = decomposition.values.map { value -> Double in
            if value < floor { raised += 1 }
            return max(value, floor)
        }
        var result = Matrix(rows: k, columns: k)
        let u = decomposition.vectors
        for a in 0..<k {
            for b in a..<k {
                var sum = 0.0
                for j in 0..<k { sum += u[a, j] * values[j] * u[b, j] }
                result[a, b] = sum
                result[b, a] = sum
            }
        }
        return (result, raised)
    }
}
