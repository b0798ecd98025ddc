import Foundation
import Numerical

/// SAR, SEM, SAC, SDM and SDEM by maximum likelihood, cross-section or panel with fixed effects.
///
/// The likelihood is concentrated in the spatial parameters (``SpatialConcentratedLikelihood``)
/// and maximised by Brent's method over the admissible interval: directly for ρ (SAR, SDM) or
/// λ (SEM, SDEM), and nested for SAC (the outer search over λ, the inner over ρ). β̂ then comes
/// from a QR least-squares fit of the filtered data, σ̂² = e′e/m, and the covariance from the
/// analytic information matrix (``SpatialInformationMatrix``).
public enum SpatialMaximumLikelihood {
    /// Estimates `options.model` on `sample`. `jacobian` defaults to ``SpatialJacobians/make(weights:method:seed:)``
    /// with `options.logDeterminant` (exact eigenvalues for small n, exact sparse LU, Chebyshev for very large n).
    public static func fit(
        _ sample: SpatialSample, options: SpatialOptions, jacobian: (any SpatialJacobian)? = nil
    ) throws -> SpatialFit {
        if options.approach == .leeYu, options.effects.removesPeriodMeans, !sample.weights.isRowStandardized {
            throw SpatialError.unsupportedSpecification(
                "the Lee–Yu transformation with period effects needs a row-standardised W")
        }
        if let island = sample.weights.islands.first {
            throw SpatialError.island(sample.weights.unitIdentifiers[island])
        }
        let design = try SpatialDesign(sample: sample, model: options.model, effects: options.effects)
        try checkFullRank(design)
        let jacobian = try jacobian
            ?? SpatialJacobians.make(weights: sample.weights, method: options.logDeterminant, seed: options.seed)
        let setup = SpatialLikelihoodSetup(
            units: sample.unitCount, periods: sample.periodCount, effects: options.effects, approach: options.approach)
        guard setup.effectiveObservations > Double(design.regressors.count + 2) else {
            throw SpatialError.invalidSample(
                "\(Int(setup.effectiveObservations)) effective observations for \(design.regressors.count) regressors")
        }
        let likelihood = SpatialConcentratedLikelihood(
            design: design, model: options.model, jacobian: jacobian, setup: setup)
        let interval = jacobian.admissibleInterval
        let searched = try maximize(likelihood, interval: interval, tolerance: options.tolerance)
        // The score's log-determinant derivative is O(n) from eigenvalues but four factorisations
        // otherwise: polish where it is cheap or n is small (Brent alone is good to about 1e-8).
        let cheapScore = jacobian.hasCheapLogDeterminantDerivative || sample.unitCount <= polishUnitLimit
        let optimum = cheapScore ? try polish(likelihood, interval: interval, start: searched) : searched
        return try SpatialFitAssembly(
            sample: sample, design: design, options: options, likelihood: likelihood, setup: setup,
            rho: optimum.rho, lambda: optimum.lambda, converged: optimum.converged
        ).fit()
    }

    /// Above this many units (with a sparse or approximate log-determinant, whose derivative costs a
    /// differentiated factorisation or four log-determinants) the score polish is skipped: at
    /// n = 3,000 × T = 10 it added a third to the estimation time (0.10 → 0.14 s) to move λ̂ by 6e-9
    /// relative, below the precision at which the peers' optimisers stop.
    public static let polishUnitLimit = 1_000

    /// Refuses perfectly collinear regressors (including W·X columns in Durbin models).
    static func checkFullRank(_ design: SpatialDesign) throws {
        let rows = design.observationCount, columns = design.regressors.count
        guard rows > columns else {
            throw SpatialError.invalidSample("\(rows) observations for \(columns) regressors")
        }
        var elements = [Double](repeating: 0, count: rows * columns)
        for (column, values) in design.regressors.enumerated() {
            for row in 0..<rows { elements[row * columns + column] = values[row] }
        }
        do {
            _ = try Matrix(rows: rows, columns: columns, elements: elements).solveLeastSquares(design.response)
        } catch NumericalError.singular(let detail) {
            throw SpatialError.invalidSample(
                "the regressors \(design.regressorNames.joined(separator: ", ")) are perfectly collinear (\(detail))")
        }
    }

    /// Refines Brent's maximum, which a search on function values cannot place closer than about
    /// √ε, by solving the analytic score equation: Brent's root finder on a bracket around a
    /// single spatial parameter, Newton steps (with a central-difference Jacobian of the score)
    /// for SAC's two. The refinement is kept only if it does not lower the likelihood.
    static func polish(
        _ likelihood: SpatialConcentratedLikelihood, interval: SpatialInterval,
        start: (rho: Double, lambda: Double, converged: Bool)
    ) throws -> (rho: Double, lambda: Double, converged: Bool) {
        guard start.converged else { return start }
        let startValue = try likelihood.logLikelihood(rho: start.rho, lambda: start.lambda)
        let inside = { (value: Double) in interval.contains(value) }
        var rho = start.rho, lambda = start.lambda
        switch likelihood.model {
        case .sar, .sdm, .sem, .sdem:
            let isLag = likelihood.model.hasLag
            let point = isLag ? rho : lambda
            let score = { (value: Double) throws -> Double in
                try likelihood.score(rho: isLag ? value : 0, lambda: isLag ? 0 : value)[0]
            }
            var width = 1e-7 * Swift.max(1, abs(point))
            var refined: Double?
            for _ in 0..<8 where refined == nil {
                let lower = point - width, upper = point + width
                if inside(lower), inside(upper), (try score(lower)) * (try score(upper)) <= 0 {
                    var failure: Error?
                    refined = try RootFinder.brent(bracket: lower...upper, absoluteTolerance: 1e-15, relativeTolerance: 1e-15) {
                        do { return try score($0) } catch { failure = error; return 0 }
                    }
                    if let failure { throw failure }
                }
                width *= 10
            }
            guard let refined else { return start }
            if isLag { rho = refined } else { lambda = refined }
        case .sac:
            for _ in 0..<20 {
                let gradient = try likelihood.score(rho: rho, lambda: lambda)
                let step = 1e-7
                let rhoHigh = try likelihood.score(rho: rho + step, lambda: lambda)
                let rhoLow = try likelihood.score(rho: rho - step, lambda: lambda)
                let lambdaHigh = try likelihood.score(rho: rho, lambda: lambda + step)
                let lambdaLow = try likelihood.score(rho: rho, lambda: lambda - step)
                let a = (rhoHigh[0] - rhoLow[0]) / (2 * step), d = (lambdaHigh[1] - lambdaLow[1]) / (2 * step)
                let b = 0.5 * ((lambdaHigh[0] - lambdaLow[0]) + (rhoHigh[1] - rhoLow[1])) / (2 * step)
                let determinant = a * d - b * b
                guard determinant > 0, a < 0 else { break }
                let deltaRho = -(d * gradient[0] - b * gradient[1]) / determinant
                let deltaLambda = -(a * gradient[1] - b * gradient[0]) / determinant
                guard inside(rho + deltaRho), inside(lambda + deltaLambda) else { break }
                rho += deltaRho
                lambda += deltaLambda
                if abs(deltaRho) + abs(deltaLambda) < 1e-14 { break }
            }
        }
        let value = try likelihood.logLikelihood(rho: rho, lambda: lambda)
        guard value >= startValue - 1e-12 * abs(startValue) else { return start }
        return (rho, lambda, true)
    }

    /// Smallest relative tolerance of the search on function values. Near a maximum the
    /// likelihood changes by ½ℓ''·δ², which drowns in its rounding (ε·|ℓ|) once δ falls below
    /// about √(2ε|ℓ|/|ℓ''|): some 1e-8 relative for a sample of a few hundred and 1e-7 for
    /// tens of thousands of observations. Below that Brent only takes golden-section steps on
    /// rounding noise (at 3,000 × 10 a 1e-12 search took 36 likelihoods where 12 reach this
    /// floor); what precision there is beyond comes from the score refinement.
    public static let searchToleranceFloor = 1e-9

    /// Brent's search (nested for SAC) over the admissible interval, kept a relative 10⁻⁹ inside,
    /// to the relative tolerance max(`tolerance`, ``searchToleranceFloor``).
    static func maximize(
        _ likelihood: SpatialConcentratedLikelihood, interval: SpatialInterval, tolerance: Double
    ) throws -> (rho: Double, lambda: Double, converged: Bool) {
        let margin = 1e-9 * (interval.upper - interval.lower)
        let lower = interval.lower + margin, upper = interval.upper - margin
        let tolerance = Swift.max(tolerance, searchToleranceFloor)
        func search(_ objective: (Double) throws -> Double) throws -> MinimizationResult {
            try ScalarMinimizer.brent(lower: lower, upper: upper, relativeTolerance: tolerance, absoluteTolerance: tolerance) {
                -(try objective($0))
            }
        }
        switch likelihood.model {
        case .sar, .sdm:
            let result = try search { try likelihood.logLikelihood(rho: $0, lambda: 0) }
            return (result.point[0], 0, result.converged)
        case .sem, .sdem:
            let result = try search { try likelihood.logLikelihood(rho: 0, lambda: $0) }
            return (0, result.point[0], result.converged)
        case .sac:
            var innerConverged = true
            var bestRho = 0.0
            let outer = try search { lambda in
                let inner = try search { try likelihood.logLikelihood(rho: $0, lambda: lambda) }
                innerConverged = innerConverged && inner.converged
                bestRho = inner.point[0]
                return -inner.value
            }
            let lambda = outer.point[0]
            let inner = try search { try likelihood.logLikelihood(rho: $0, lambda: lambda) }
            bestRho = inner.point[0]
            return (bestRho, lambda, outer.converged && inner.converged && innerConverged)
        }
    }
}
