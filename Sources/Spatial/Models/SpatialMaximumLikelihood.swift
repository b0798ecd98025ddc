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
    /// Estimates `options.model` on `sample`. `jacobian` defaults to the exact dense eigenvalue
    /// method; pass a sparse or approximate one for large n.
    public static func fit(
        _ sample: SpatialSample, options: SpatialOptions, jacobian: (any SpatialJacobian)? = nil
    ) throws -> SpatialFit {
        if options.approach == .leeYu, options.effects.removesPeriodMeans, !sample.weights.isRowStandardized {
            throw SpatialError.unsupportedSpecification(
                "the Lee–Yu transformation with period effects needs a row-standardised W")
        }
        if options.approach == .leeYu, options.effects.removesPeriodMeans, options.model == .sac {
            throw SpatialError.unsupportedSpecification(
                "the Lee–Yu transformation with period effects is not available for SAC; use the direct approach")
        }
        if let island = sample.weights.islands.first {
            throw SpatialError.island(sample.weights.unitIdentifiers[island])
        }
        let design = try SpatialDesign(sample: sample, model: options.model, effects: options.effects)
        try checkFullRank(design)
        let jacobian = try jacobian ?? DenseEigenJacobian(weights: sample.weights)
        let setup = SpatialLikelihoodSetup(
            units: sample.unitCount, periods: sample.periodCount, effects: options.effects, approach: options.approach)
        guard setup.effectiveObservations > Double(design.regressors.count + 2) else {
            throw SpatialError.invalidSample(
                "\(Int(setup.effectiveObservations)) effective observations for \(design.regressors.count) regressors")
        }
        let likelihood = SpatialConcentratedLikelihood(
            design: design, model: options.model, jacobian: jacobian, setup: setup)
        let interval = jacobian.admissibleInterval
        let optimum = try maximize(likelihood, interval: interval, tolerance: options.tolerance)
        return try SpatialFitAssembly(
            sample: sample, design: design, options: options, likelihood: likelihood, setup: setup,
            rho: optimum.rho, lambda: optimum.lambda, converged: optimum.converged
        ).fit()
    }

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

    /// Brent's search (nested for SAC) over the admissible interval, kept a relative 10⁻⁹ inside.
    static func maximize(
        _ likelihood: SpatialConcentratedLikelihood, interval: SpatialInterval, tolerance: Double
    ) throws -> (rho: Double, lambda: Double, converged: Bool) {
        let margin = 1e-9 * (interval.upper - interval.lower)
        let lower = interval.lower + margin, upper = interval.upper - margin
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
