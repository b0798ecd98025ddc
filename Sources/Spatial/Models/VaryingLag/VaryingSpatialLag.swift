import Foundation
import Numerical

/// The spatial lag model whose spatial coefficient varies with a unit-period variable z
/// (paper 000, eq. 25, with z = INTER):
///
///   y_t = ρ·W·y_t + ρ′·D_t·W·y_t + X_t·β + μ + ε_t,   D_t = diag(z_t),
///
/// so unit i in period t responds to its neighbours with ρ + ρ′·z_it. The log-likelihood is
///
///   ℓ = −(NT/2)·[ln(2π) + 1 + ln(e′e/NT)] + Σ_t ln|I − ρW − ρ′D_tW|,
///
/// one determinant per period (paper 000's notes, sec. 3.8, implementer note). Fixed effects are
/// removed by demeaning every column (Wy and z∘Wy computed on the raw panel first), as in the
/// direct approach of the plain SAR model. β and σ² are concentrated out: with e0, e1, e2 the
/// residuals of y, Wy and z∘Wy on X, e′e = ‖e0 − ρe1 − ρ′e2‖². (ρ, ρ′) is found by Nelder–Mead
/// from (ρ̂_SAR, 0) over the region where det(I − ρW − ρ′D_tW) > 0 in every period, and the
/// optimum is checked against the admissibility condition of ``VaryingLagPeriods``.
/// With ρ′ = 0 the model is the SAR model and its likelihood is SAR's.
public enum VaryingSpatialLag {
    public static func fit(
        _ sample: SpatialSample, modifierName: String, modifier: [Double], effects: SpatialEffects = .none,
        tolerance: Double = 1e-11
    ) throws -> VaryingLagFit {
        guard modifier.count == sample.observationCount, modifier.allSatisfy(\.isFinite) else {
            throw SpatialError.invalidSample("\(modifierName) must have a finite value for every unit and period")
        }
        if let island = sample.weights.islands.first { throw SpatialError.island(sample.weights.unitIdentifiers[island]) }
        let periods = try VaryingLagPeriods(weights: sample.weights, modifier: modifier)
        let design = try SpatialDesign(sample: sample, model: .sar, effects: effects)
        try SpatialMaximumLikelihood.checkFullRank(design)
        let rawLag = sample.weights.panelLag(sample.response)
        let interaction = SpatialDesign.demeaned(
            zip(modifier, rawLag).map { $0 * $1 }, units: sample.unitCount, periods: sample.periodCount, effects: effects)
        let residuals = try VaryingLagResiduals(design: design, interaction: interaction)
        let observations = Double(sample.observationCount)
        func logLikelihood(_ rho: Double, _ rhoPrime: Double) throws -> Double? {
            guard let jacobian = try periods.logDeterminant(rho: rho, rhoPrime: rhoPrime) else { return nil }
            let sum = residuals.sumOfSquares(rho: rho, rhoPrime: rhoPrime)
            return -0.5 * observations * (log(2 * Double.pi) + 1 + log(sum / observations)) + jacobian
        }
        // Start from the SAR estimate (ρ′ = 0) on its exact admissible interval.
        let interval = try DenseEigenJacobian(weights: sample.weights).admissibleInterval
        let margin = 1e-9 * (interval.upper - interval.lower)
        let start = try ScalarMinimizer.brent(lower: interval.lower + margin, upper: interval.upper - margin) {
            -(try logLikelihood($0, 0) ?? -1e300)
        }
        // Nelder–Mead to the neighbourhood of the maximum (its function-value test cannot go below
        // about √ε in the parameters), then Newton on the analytic score.
        let penalty = 1e100
        var failure: Error?
        let search = try Minimizer.nelderMead(
            start: [start.point[0], 0], stepSizes: [0.05, 0.05], tolerance: 1e-6, maxIterations: 5_000
        ) { point in
            do {
                guard let value = try logLikelihood(point[0], point[1]) else { return penalty }
                return -value
            } catch {
                failure = error
                return penalty
            }
        }
        if let failure { throw failure }
        let score = { (rho: Double, rhoPrime: Double) throws -> [Double] in
            try VaryingLagScore.score(periods: periods, residuals: residuals, rho: rho, rhoPrime: rhoPrime)
        }
        let polished = try VaryingLagScore.newton(
            start: (search.point[0], search.point[1]), tolerance: tolerance, score: score, logLikelihood: logLikelihood)
        let rho = polished.rho, rhoPrime = polished.rhoPrime
        guard let maximum = try logLikelihood(rho, rhoPrime) else {
            throw SpatialError.unavailable("the varying-ρ likelihood has no admissible maximum")
        }
        return try VaryingLagFitAssembly(
            sample: sample, design: design, periods: periods, residuals: residuals, effects: effects,
            modifierName: modifierName, rho: rho, rhoPrime: rhoPrime, logLikelihood: maximum,
            converged: polished.converged, logLikelihoodFunction: logLikelihood
        ).fit()
    }
}

/// e0, e1, e2: residuals of y, Wy and z∘Wy on X (transformed), and the OLS coefficients behind them.
struct VaryingLagResiduals {
    let base: [Double]
    let lag: [Double]
    let interaction: [Double]
    let baseCoefficients: [Double]
    let lagCoefficients: [Double]
    let interactionCoefficients: [Double]
    private let gram: [[Double]]

    init(design: SpatialDesign, interaction interactionColumn: [Double]) throws {
        let rows = design.observationCount, k = design.regressors.count
        var elements = [Double](repeating: 0, count: rows * k)
        for column in 0..<k { for row in 0..<rows { elements[row * k + column] = design.regressors[column][row] } }
        let matrix = try Matrix(rows: rows, columns: k, elements: elements)
        func residual(_ target: [Double]) throws -> ([Double], [Double]) {
            let coefficients = try matrix.solveLeastSquares(target)
            var result = target
            for column in 0..<k { for row in 0..<rows { result[row] -= coefficients[column] * design.regressors[column][row] } }
            return (result, coefficients)
        }
        (base, baseCoefficients) = try residual(design.response)
        (lag, lagCoefficients) = try residual(design.responseLag)
        (interaction, interactionCoefficients) = try residual(interactionColumn)
        let columns = [base, lag, interaction]
        gram = columns.map { first in columns.map { second in zip(first, second).reduce(0) { $0 + $1.0 * $1.1 } } }
    }

    /// ‖e0 − ρe1 − ρ′e2‖² from the 3 × 3 Gram matrix.
    func sumOfSquares(rho: Double, rhoPrime: Double) -> Double {
        let weights = [1, -rho, -rhoPrime]
        var sum = 0.0
        for row in 0..<3 { for column in 0..<3 { sum += weights[row] * gram[row][column] * weights[column] } }
        return Swift.max(sum, 0)
    }

    /// e′e, e′e1 and e′e2 for e = e0 − ρe1 − ρ′e2.
    func crossProducts(rho: Double, rhoPrime: Double) -> (Double, Double, Double) {
        let weights = [1, -rho, -rhoPrime]
        var products = [0.0, 0.0, 0.0]
        for row in 0..<3 { for column in 0..<3 { products[column] += weights[row] * gram[row][column] } }
        return (sumOfSquares(rho: rho, rhoPrime: rhoPrime), products[1], products[2])
    }

    func coefficients(rho: Double, rhoPrime: Double) -> [Double] {
        baseCoefficients.indices.map {
            baseCoefficients[$0] - rho * lagCoefficients[$0] - rhoPrime * interactionCoefficients[$0]
        }
    }
}
