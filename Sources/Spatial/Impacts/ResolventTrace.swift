import Foundation
import Numerical

/// tr(G(ρ)) for G = W(I − ρW)⁻¹, and its derivative tr(G(ρ)²), as functions of ρ: what impacts need
/// (tr((I − ρW)⁻¹) = n + ρ·tr(G) and tr((I − ρW)⁻¹W) = tr(G)).
///
/// From W's eigenvalues when the Jacobian has them (tr G = Σ λ/(1 − ρλ), tr G² = Σ λ²/(1 − ρλ)²,
/// exact, O(n) per ρ). Otherwise, at ρ̂ itself (point estimates and the delta method) tr G =
/// −d ln|I − ρW|/dρ and tr G² = −d² ln|I − ρW|/dρ² come from the Jacobian directly (five-point
/// stencils), and elsewhere (the draws of a simulation) from a Chebyshev interpolant of degree 47
/// through ``SpatialJacobian/logDeterminantDerivative(at:)`` on a range around ρ̂ that keeps 5% of
/// the admissible interval's width from either end (tr G has a pole at each end); draws outside
/// the range are skipped like inadmissible ones.
struct ResolventTrace {
    let value: (Double) throws -> Double
    let derivative: (Double) throws -> Double
    /// The range where `value` is defined (the whole admissible interval for the exact form).
    let range: ClosedRange<Double>

    init(jacobian: any SpatialJacobian, around rho: Double, halfWidth: Double) throws {
        if let dense = jacobian as? DenseEigenJacobian {
            let eigenvalues = dense.eigenvalues
            func sum(_ rho: Double, power: Int) -> Double {
                var total = 0.0
                for value in eigenvalues {
                    // λ^power / (1 − ρλ)^power in complex arithmetic, real part.
                    let denominatorReal = 1 - rho * value.real, denominatorImaginary = -rho * value.imaginary
                    let norm = denominatorReal * denominatorReal + denominatorImaginary * denominatorImaginary
                    let ratioReal = (value.real * denominatorReal + value.imaginary * denominatorImaginary) / norm
                    let ratioImaginary = (value.imaginary * denominatorReal - value.real * denominatorImaginary) / norm
                    total += power == 1 ? ratioReal : ratioReal * ratioReal - ratioImaginary * ratioImaginary
                }
                return total
            }
            value = { sum($0, power: 1) }
            derivative = { sum($0, power: 2) }
            range = dense.admissibleInterval.lower...dense.admissibleInterval.upper
            return
        }
        let interval = jacobian.admissibleInterval
        let margin = 0.05 * (interval.upper - interval.lower)
        let lower = Swift.max(interval.lower + margin, rho - halfWidth)
        let upper = Swift.min(interval.upper - margin, rho + halfWidth)
        guard lower < upper else {
            throw SpatialError.unavailable("ρ = \(rho) lies too close to the edge of the admissible interval for impacts")
        }
        let degree = 47
        let nodes = (0...degree).map { cos(Double.pi * (Double($0) + 0.5) / Double(degree + 1)) }
        let samples = try nodes.map { -(try jacobian.logDeterminantDerivative(at: 0.5 * (lower + upper) + 0.5 * (upper - lower) * $0)) }
        let coefficients = (0...degree).map { order in
            2 / Double(degree + 1) * zip(nodes, samples).reduce(0.0) { $0 + $1.1 * cos(Double(order) * acos($1.0)) }
        }
        let evaluate = { (point: Double) -> Double in
            let x = (2 * point - lower - upper) / (upper - lower)
            // Clenshaw's recurrence for Σ' c_k T_k(x).
            var next = 0.0, current = 0.0
            for order in stride(from: degree, through: 1, by: -1) {
                (next, current) = (current, 2 * x * current - next + coefficients[order])
            }
            return x * current - next + 0.5 * coefficients[0]
        }
        let centreValue = -(try jacobian.logDeterminantDerivative(at: rho))
        let step = 1e-4 * Swift.min(1, interval.upper - interval.lower)
        let around = try [-2.0, -1, 0, 1, 2].map { try jacobian.logDeterminant(at: rho + $0 * step) }
        let centreDerivative = -(-around[0] + 16 * around[1] - 30 * around[2] + 16 * around[3] - around[4]) / (12 * step * step)
        value = { point in
            if point == rho { return centreValue }
            guard (lower...upper).contains(point) else {
                throw SpatialError.unavailable("ρ = \(point) lies outside the interpolated range [\(lower), \(upper)]")
            }
            return evaluate(point)
        }
        let interpolationStep = 1e-5 * (upper - lower)
        derivative = { point in
            if point == rho { return centreDerivative }
            let step = interpolationStep
            let low = Swift.max(lower, point - step), high = Swift.min(upper, point + step)
            return (evaluate(high) - evaluate(low)) / (high - low)
        }
        range = lower...upper
    }
}
