import Foundation
import Numerical

/// Turns the optimal (ρ, λ) into a ``SpatialFit``: β̂ by QR least squares on the filtered data,
/// σ̂², the log-likelihood, the information-matrix covariance, the gradient and the warnings.
struct SpatialFitAssembly {
    let sample: SpatialSample
    let design: SpatialDesign
    let options: SpatialOptions
    let likelihood: SpatialConcentratedLikelihood
    let setup: SpatialLikelihoodSetup
    let rho: Double
    let lambda: Double
    let converged: Bool

    func fit() throws -> SpatialFit {
        let rows = design.observationCount, k = design.regressors.count
        let weights = sample.weights
        // Filtered data: y** = y − (ρ + λ)Wy + ρλW²y, X** = X − λWX.
        var filteredResponse = design.response
        for row in 0..<rows {
            filteredResponse[row] -= (rho + lambda) * design.responseLag[row]
            if options.model == .sac { filteredResponse[row] += rho * lambda * design.responseSecondLag[row] }
        }
        var filteredRegressors = design.regressors
        if options.model.hasErrorProcess {
            for column in 0..<k {
                for row in 0..<rows { filteredRegressors[column][row] -= lambda * design.regressorLags[column][row] }
            }
        }
        var elements = [Double](repeating: 0, count: rows * k)
        for column in 0..<k { for row in 0..<rows { elements[row * k + column] = filteredRegressors[column][row] } }
        let beta = try Matrix(rows: rows, columns: k, elements: elements).solveLeastSquares(filteredResponse)
        var residuals = filteredResponse
        for column in 0..<k { for row in 0..<rows { residuals[row] -= beta[column] * filteredRegressors[column][row] } }
        let sumOfSquares = residuals.reduce(0) { $0 + $1 * $1 }
        let observations = setup.effectiveObservations
        let sigma2 = sumOfSquares / observations
        let logLikelihood = -0.5 * observations * (log(2 * Double.pi) + 1 + log(sigma2))
            + (try likelihood.jacobianTerm(rho: rho, lambda: lambda))

        // η = Xβ on the transformed data; the reduced-form prediction (I − ρW)⁻¹η.
        var eta = [Double](repeating: 0, count: rows)
        for column in 0..<k { for row in 0..<rows { eta[row] += beta[column] * design.regressors[column][row] } }
        let prediction = options.model.hasLag ? try SpatialResolvent.panelSolve(weights, rho: rho, eta) : eta

        let information = try SpatialInformationMatrix(
            model: options.model, effects: options.effects, approach: options.approach, setup: setup,
            weights: weights, jacobian: likelihood.jacobian, filteredRegressors: filteredRegressors,
            prediction: prediction, rho: rho, lambda: lambda, sigma2: sigma2)
        let inverse = try information.matrix.inverse()
        let parameterCount = information.matrix.rows - 1
        var covarianceElements = [Double](repeating: 0, count: parameterCount * parameterCount)
        for row in 0..<parameterCount {
            for column in 0..<parameterCount { covarianceElements[row * parameterCount + column] = inverse[row, column] }
        }
        let sigma2Variance = inverse[parameterCount, parameterCount]

        var names = design.regressorNames
        var coefficients = beta
        if options.model.hasLag { names.append("rho"); coefficients.append(rho) }
        if options.model.hasErrorProcess { names.append("lambda"); coefficients.append(lambda) }
        let gradient = try spatialGradient()
        let warnings = makeWarnings(gradient: gradient)
        return SpatialFit(
            model: options.model, effects: options.effects, approach: options.approach,
            responseName: sample.responseName, coefficientNames: names, coefficients: coefficients,
            covariance: try Matrix(rows: parameterCount, columns: parameterCount, elements: covarianceElements),
            regressorCount: k, sigma2: sigma2, sigma2StandardError: sigma2Variance > 0 ? sigma2Variance.squareRoot() : .nan,
            logLikelihood: logLikelihood, aic: -2 * logLikelihood + 2 * Double(parameterCount + 1),
            pseudoRSquared: Self.squaredCorrelation(design.response, prediction),
            observationCount: sample.observationCount, unitCount: sample.unitCount, periodCount: sample.periodCount,
            admissibleInterval: likelihood.jacobian.admissibleInterval, jacobianMethod: likelihood.jacobian.methodDescription,
            jacobianApproximationError: likelihood.jacobian.approximationError,
            converged: converged && warnings.isEmpty, gradient: gradient, warnings: warnings, residuals: residuals)
    }

    /// ∂ℓ_c/∂ρ and ∂ℓ_c/∂λ by central differences, for the parameters the model has.
    func spatialGradient() throws -> [Double] {
        let interval = likelihood.jacobian.admissibleInterval
        func derivative(at point: Double, _ function: (Double) throws -> Double) throws -> Double {
            let step = Swift.min(1e-6, 0.25 * (point - interval.lower), 0.25 * (interval.upper - point))
            return (try function(point + step) - function(point - step)) / (2 * step)
        }
        var gradient: [Double] = []
        if options.model.hasLag {
            gradient.append(try derivative(at: rho) { try likelihood.logLikelihood(rho: $0, lambda: lambda) })
        }
        if options.model.hasErrorProcess {
            gradient.append(try derivative(at: lambda) { try likelihood.logLikelihood(rho: rho, lambda: $0) })
        }
        return gradient
    }

    func makeWarnings(gradient: [Double]) -> [String] {
        var warnings: [String] = []
        let interval = likelihood.jacobian.admissibleInterval
        let width = interval.upper - interval.lower
        for (name, value) in [("rho", rho), ("lambda", lambda)]
        where (name == "rho" ? options.model.hasLag : options.model.hasErrorProcess)
            && Swift.min(value - interval.lower, interval.upper - value) < 1e-6 * width {
            warnings.append(
                "\(name) = \(value) lies at the edge of the admissible interval (\(interval.lower), \(interval.upper)); "
                    + "the maximum may not be interior and its standard error is unreliable")
        }
        if !converged {
            warnings.append("the likelihood search did not converge; gradient \(gradient.map { String(format: "%.3g", $0) })")
        }
        return warnings
    }

    static func squaredCorrelation(_ first: [Double], _ second: [Double]) -> Double {
        let count = Double(first.count)
        let meanFirst = first.reduce(0, +) / count, meanSecond = second.reduce(0, +) / count
        var cross = 0.0, firstSquares = 0.0, secondSquares = 0.0
        for index in first.indices {
            let a = first[index] - meanFirst, b = second[index] - meanSecond
            cross += a * b
            firstSquares += a * a
            secondSquares += b * b
        }
        return cross * cross / (firstSquares * secondSquares)
    }
}
