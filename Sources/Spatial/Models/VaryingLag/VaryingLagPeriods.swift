import Foundation
import Numerical

/// The per-period matrices of the varying-ρ spatial lag model, A_t = I − ρW − ρ′·D_t·W with
/// D_t = diag(z_t) (paper 000, eq. 25): log-determinants, admissibility and the resolvents.
///
/// Each period has its own n × n matrix, so nothing is shared across periods and everything is
/// dense: n is limited to ``maximumUnits`` (provinces, states, regions — not 50,000 units).
struct VaryingLagPeriods: Sendable {
    static let maximumUnits = 1_500

    let weights: SpatialWeights
    /// Dense W, row-major.
    let dense: [Double]
    /// z_t for each period (n values each), in W's unit order.
    let modifiers: [[Double]]

    var unitCount: Int { weights.unitCount }

    init(weights: SpatialWeights, modifier: [Double]) throws {
        guard weights.unitCount <= Self.maximumUnits else {
            throw SpatialError.tooLargeForDense(units: weights.unitCount, maximum: Self.maximumUnits)
        }
        let count = weights.unitCount
        self.weights = weights
        dense = weights.denseElements()
        modifiers = (0..<(modifier.count / count)).map { Array(modifier[($0 * count)..<(($0 + 1) * count)]) }
    }

    /// The multiplier M_t = (ρI + ρ′D_t)W of period t, row-major: row i of W scaled by ρ + ρ′z_it.
    func multiplier(period: Int, rho: Double, rhoPrime: Double) -> [Double] {
        let count = unitCount
        var result = dense
        for row in 0..<count {
            let scale = rho + rhoPrime * modifiers[period][row]
            for column in 0..<count { result[row * count + column] *= scale }
        }
        return result
    }

    /// A_t = I − M_t as a matrix.
    func system(period: Int, rho: Double, rhoPrime: Double) throws -> Matrix {
        let count = unitCount
        var elements = multiplier(period: period, rho: rho, rhoPrime: rhoPrime).map { -$0 }
        for index in 0..<count { elements[index * count + index] += 1 }
        return try Matrix(rows: count, columns: count, elements: elements)
    }

    /// Σ_t ln|A_t|, or nil when some det(A_t) ≤ 0 (outside the region connected to ρ = ρ′ = 0).
    func logDeterminant(rho: Double, rhoPrime: Double) throws -> Double? {
        var sum = 0.0
        for period in modifiers.indices {
            let determinant = try system(period: period, rho: rho, rhoPrime: rhoPrime).determinant()
            guard determinant > 0, determinant.isFinite else { return nil }
            sum += log(determinant)
        }
        return sum
    }

    /// The largest real eigenvalue of M_t over all periods: (ρ, ρ′) is admissible when it is below 1,
    /// so that I − sM_t stays non-singular for every s in [0, 1] (for ρ′ = 0 this is exactly
    /// 1/λ_min < ρ < 1/λ_max of the plain SAR model).
    func largestRealEigenvalue(rho: Double, rhoPrime: Double) throws -> Double {
        var largest = -Double.infinity
        for period in modifiers.indices {
            let matrix = try Matrix(rows: unitCount, columns: unitCount, elements: multiplier(period: period, rho: rho, rhoPrime: rhoPrime))
            for value in try matrix.nonsymmetricEigenvalues() where abs(value.imaginary) <= 1e-12 * Swift.max(1, abs(value.real)) {
                largest = Swift.max(largest, value.real)
            }
        }
        return largest
    }

    /// A_t⁻¹ for every period (dense).
    func inverses(rho: Double, rhoPrime: Double) throws -> [Matrix] {
        try modifiers.indices.map { try system(period: $0, rho: rho, rhoPrime: rhoPrime).inverse() }
    }
}
