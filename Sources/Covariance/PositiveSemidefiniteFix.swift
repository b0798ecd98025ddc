import Foundation
import Numerical

/// The eigenvalue fix of Cameron, Gelbach & Miller (2011, JBES, §2.3) as fixest applies it (`vcov.fixest`
/// in `R/VCOV.R` calls `mat_posdef_fix` of `R/miscfuns.R` when any diagonal entry is negative), with a
/// floor relative to the matrix's scale instead of fixest's absolute 10⁻¹⁰:
///
/// V = U diag(λ) Uᵀ, V⁺ = U diag(max(λ, τ)) Uᵀ with τ = ``relativeFloor`` · max λ (the largest
/// eigenvalue, i.e. the spectral norm of V when it has a positive eigenvalue, else max |V_jj|).
///
/// In the usual units this is fixest's repair up to a perturbation of order 10⁻¹⁰ of the matrix. fixest's
/// absolute floor adds a variance of up to 10⁻¹⁰ to the repaired directions whatever the units, which
/// prints a standard error of about 1e-5 for a coefficient whose true scale is far smaller (y measured in
/// millions, a regressor in thousands); the relative floor scales with V, so multiplying y by c
/// multiplies V⁺ by c² exactly.
enum PositiveSemidefiniteFix {
    /// τ / max λ.
    static let relativeFloor = 1e-10

    /// The repaired matrix, the number of eigenvalues raised and the floor τ used, or nil when no
    /// diagonal entry is negative (fixest's trigger).
    static func apply(to matrix: Matrix) throws -> (matrix: Matrix, raised: Int, floor: Double)? {
        guard matrix.diagonalElements.contains(where: { $0 < 0 }) else { return nil }
        let decomposition = try matrix.symmetricEigen()
        let k = matrix.rows
        let largest = decomposition.values.max() ?? 0
        let scale = largest > 0 ? largest : matrix.diagonalElements.map(abs).max() ?? 0
        let floor = relativeFloor * scale
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
        return (result, raised, floor)
    }
}
