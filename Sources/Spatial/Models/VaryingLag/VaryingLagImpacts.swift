import Foundation
import Numerical

/// Impacts of the varying-ρ lag model, which depend on the level of z (paper 000: INTER).
///
/// In period t, S_k,t = (I − ρW − ρ′D_tW)⁻¹β_k: the average direct effect is tr(S_k,t)/n and the
/// average total effect 1′S_k,t1/n (LeSage & Pace 2009, sec. 2.7). Two summaries:
/// - at a common level q of z (D = q·I): A(q) = I − (ρ + ρ′q)W, direct = β_k·Σ_i 1/(1 − (ρ + ρ′q)λ_i)/n
///   and, for a row-standardised W, total = β_k/(1 − ρ − ρ′q) — how the spill-over grows with z;
/// - period by period at the observed z_t.
/// Standard errors by the delta method on (β_k, ρ, ρ′), with a central-difference gradient.
public struct VaryingLagImpacts: Sendable {
    public struct Row: Sendable, Equatable {
        /// "z = 0.5" for a level, or the period's label.
        public let label: String
        public let variable: String
        public let direct: Double
        public let indirect: Double
        public let total: Double
        public let directStandardError: Double
        public let indirectStandardError: Double
        public let totalStandardError: Double
    }

    public let rows: [Row]

    /// Impacts at common levels of z.
    public static func atLevels(_ fit: VaryingLagFit, weights: SpatialWeights, levels: [Double]) throws -> VaryingLagImpacts {
        let eigenvalues = try DenseEigenJacobian(weights: weights).eigenvalues
        let n = Double(weights.unitCount)
        let rows = try levels.flatMap { level in
            try impactRows(fit, label: "\(fit.modifierName) = \(String(format: "%.4g", level))") { rho, rhoPrime in
                let scale = rho + rhoPrime * level
                var trace = 0.0, total = 0.0
                for value in eigenvalues {
                    let real = 1 - scale * value.real, imaginary = -scale * value.imaginary
                    trace += real / (real * real + imaginary * imaginary)
                }
                if weights.isRowStandardized {
                    total = 1 / (1 - scale)
                } else {
                    total = try SpatialResolvent.solve(weights, rho: scale, [Double](repeating: 1, count: weights.unitCount))
                        .reduce(0, +) / n
                }
                return (trace / n, total)
            }
        }
        return VaryingLagImpacts(rows: rows)
    }

    /// Impacts in each period at the observed z_t (`modifier` stacked like the sample).
    public static func byPeriod(_ fit: VaryingLagFit, sample: SpatialSample, modifier: [Double]) throws -> VaryingLagImpacts {
        let periods = try VaryingLagPeriods(weights: sample.weights, modifier: modifier)
        let n = sample.unitCount
        let rows = try (0..<sample.periodCount).flatMap { period in
            try impactRows(fit, label: sample.periodLabels[period]) { rho, rhoPrime in
                let inverse = try periods.system(period: period, rho: rho, rhoPrime: rhoPrime).inverse()
                let trace = inverse.diagonalElements.reduce(0, +)
                let total = inverse.elements.reduce(0, +)
                return (trace / Double(n), total / Double(n))
            }
        }
        return VaryingLagImpacts(rows: rows)
    }

    /// Rows for every regressor (intercept and W* columns excluded) given the multipliers
    /// (tr(A⁻¹)/n, 1′A⁻¹1/n) as a function of (ρ, ρ′).
    static func impactRows(
        _ fit: VaryingLagFit, label: String, multipliers: (Double, Double) throws -> (Double, Double)
    ) throws -> [Row] {
        let rhoIndex = fit.regressorCount, primeIndex = fit.regressorCount + 1
        let base = try multipliers(fit.rho, fit.rhoPrime)
        let step = 1e-6
        let rhoUp = try multipliers(fit.rho + step, fit.rhoPrime), rhoDown = try multipliers(fit.rho - step, fit.rhoPrime)
        let primeUp = try multipliers(fit.rho, fit.rhoPrime + step), primeDown = try multipliers(fit.rho, fit.rhoPrime - step)
        let directRho = (rhoUp.0 - rhoDown.0) / (2 * step), totalRho = (rhoUp.1 - rhoDown.1) / (2 * step)
        let directPrime = (primeUp.0 - primeDown.0) / (2 * step), totalPrime = (primeUp.1 - primeDown.1) / (2 * step)
        return (0..<fit.regressorCount).compactMap { index -> Row? in
            let name = fit.coefficientNames[index]
            guard name != "(Intercept)", !name.hasPrefix("W*") else { return nil }
            let beta = fit.coefficients[index]
            let indices = [index, rhoIndex, primeIndex]
            let gradients = [
                [base.0, beta * directRho, beta * directPrime],
                [base.1 - base.0, beta * (totalRho - directRho), beta * (totalPrime - directPrime)],
                [base.1, beta * totalRho, beta * totalPrime],
            ]
            let errors = gradients.map { gradient -> Double in
                var variance = 0.0
                for (a, row) in indices.enumerated() {
                    for (b, column) in indices.enumerated() { variance += gradient[a] * fit.covariance[row, column] * gradient[b] }
                }
                return Swift.max(variance, 0).squareRoot()
            }
            return Row(
                label: label, variable: name, direct: beta * base.0, indirect: beta * (base.1 - base.0), total: beta * base.1,
                directStandardError: errors[0], indirectStandardError: errors[1], totalStandardError: errors[2])
        }
    }
}
