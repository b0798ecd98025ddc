import Foundation
import Numerical

/// The analytic score of the concentrated varying-ρ likelihood and a safeguarded Newton search on it.
///
/// With e = e0 − ρe1 − ρ′e2 and A_t = I − ρW − ρ′D_tW,
///   ∂ℓ/∂ρ  = NT·e′e1/e′e − Σ_t tr(A_t⁻¹W),
///   ∂ℓ/∂ρ′ = NT·e′e2/e′e − Σ_t tr(A_t⁻¹D_tW).
enum VaryingLagScore {
    static func score(
        periods: VaryingLagPeriods, residuals: VaryingLagResiduals, rho: Double, rhoPrime: Double
    ) throws -> [Double] {
        let (sum, crossLag, crossInteraction) = residuals.crossProducts(rho: rho, rhoPrime: rhoPrime)
        let observations = Double(residuals.base.count)
        let n = periods.unitCount
        var traceLag = 0.0, traceInteraction = 0.0
        for (period, inverse) in try periods.inverses(rho: rho, rhoPrime: rhoPrime).enumerated() {
            // tr(A⁻¹W) = Σ_ij (A⁻¹)_ji w_ij; tr(A⁻¹DW) = Σ_ij (A⁻¹)_ji z_i w_ij.
            for row in 0..<n {
                var rowSum = 0.0
                for column in 0..<n { rowSum += inverse.elements[column * n + row] * periods.dense[row * n + column] }
                traceLag += rowSum
                traceInteraction += periods.modifiers[period][row] * rowSum
            }
        }
        return [observations * crossLag / sum - traceLag, observations * crossInteraction / sum - traceInteraction]
    }

    /// Newton steps on the score with a central-difference Hessian of the score, halving a step
    /// that leaves the admissible region or lowers the likelihood. Converged when the step is
    /// below `tolerance` (relative) or the score below 1e-9 per observation.
    static func newton(
        start: (Double, Double), tolerance: Double,
        score: (Double, Double) throws -> [Double], logLikelihood: (Double, Double) throws -> Double?
    ) throws -> (rho: Double, rhoPrime: Double, converged: Bool) {
        var point = [start.0, start.1]
        guard var current = try logLikelihood(point[0], point[1]) else {
            throw SpatialError.unavailable("the varying-ρ search ended outside the admissible region")
        }
        for _ in 0..<50 {
            let gradient = try score(point[0], point[1])
            let step = 1e-6
            var hessian = [Double](repeating: 0, count: 4)
            for index in 0..<2 {
                var up = point, down = point
                up[index] += step
                down[index] -= step
                let high = try score(up[0], up[1]), low = try score(down[0], down[1])
                hessian[0 * 2 + index] = (high[0] - low[0]) / (2 * step)
                hessian[1 * 2 + index] = (high[1] - low[1]) / (2 * step)
            }
            let symmetric = [hessian[0], 0.5 * (hessian[1] + hessian[2]), 0.5 * (hessian[1] + hessian[2]), hessian[3]]
            let determinant = symmetric[0] * symmetric[3] - symmetric[1] * symmetric[2]
            guard determinant > 0, symmetric[0] < 0 else { return (point[0], point[1], false) }
            var direction = [
                -(symmetric[3] * gradient[0] - symmetric[1] * gradient[1]) / determinant,
                -(-symmetric[2] * gradient[0] + symmetric[0] * gradient[1]) / determinant,
            ]
            var accepted = false
            for _ in 0..<30 {
                let trial = [point[0] + direction[0], point[1] + direction[1]]
                if let value = try logLikelihood(trial[0], trial[1]), value >= current - 1e-12 * abs(current) {
                    point = trial
                    current = Swift.max(current, value)
                    accepted = true
                    break
                }
                direction = direction.map { $0 / 2 }
            }
            let size = abs(direction[0]) + abs(direction[1])
            if !accepted { return (point[0], point[1], size < 1e-8) }
            if size <= tolerance * Swift.max(1, abs(point[0]) + abs(point[1])) { return (point[0], point[1], true) }
        }
        return (point[0], point[1], false)
    }
}
