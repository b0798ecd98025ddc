import Foundation
import Numerical

/// The arithmetic behind ``SpatialImpacts``: which coefficients belong to which regressor, the
/// traces as functions of ρ, and the two ways to get standard errors.
struct SpatialImpactCalculator {
    struct Variable {
        let name: String
        let betaIndex: Int
        let thetaIndex: Int?
    }

    let variables: [Variable]
    let rhoIndex: Int?
    let unitCount: Double
    let rowStandardized: Bool
    let weights: SpatialWeights
    let trace: ResolventTrace?

    /// `jacobian` gives tr(W(I − ρW)⁻¹) (exactly from eigenvalues when it has them); by default the
    /// automatic choice of ``SpatialJacobians``.
    init(fit: SpatialFit, weights: SpatialWeights, jacobian: (any SpatialJacobian)? = nil) throws {
        let names = fit.coefficientNames
        var variables: [Variable] = []
        for index in 0..<fit.regressorCount {
            let name = names[index]
            guard !name.hasPrefix("W*"), name != "(Intercept)" else { continue }
            variables.append(Variable(name: name, betaIndex: index, thetaIndex: names.firstIndex(of: "W*" + name)))
        }
        guard !variables.isEmpty else { throw SpatialError.unsupportedSpecification("no regressor to compute impacts for") }
        self.variables = variables
        rhoIndex = fit.model.hasLag ? names.firstIndex(of: "rho") : nil
        unitCount = Double(weights.unitCount)
        rowStandardized = weights.isRowStandardized
        self.weights = weights
        if let rhoIndex {
            let standardError = fit.standardErrors[rhoIndex]
            trace = try ResolventTrace(
                jacobian: try jacobian ?? SpatialJacobians.make(weights: weights), around: fit.coefficients[rhoIndex],
                halfWidth: 8 * (standardError.isFinite ? standardError : 0.1))
        } else {
            trace = nil
        }
    }

    /// 1′(I − ρW)⁻¹1/n and 1′(I − ρW)⁻¹W1/n (both 1/(1 − ρ) for a row-standardised W).
    func totalMultipliers(rho: Double) throws -> (plain: Double, lagged: Double) {
        if rowStandardized { return (1 / (1 - rho), 1 / (1 - rho)) }
        let ones = [Double](repeating: 1, count: weights.unitCount)
        let plain = try SpatialResolvent.solve(weights, rho: rho, ones).reduce(0, +) / unitCount
        let lagged = try SpatialResolvent.solve(weights, rho: rho, weights.lag(ones)).reduce(0, +) / unitCount
        return (plain, lagged)
    }

    /// [direct, indirect, total] of every variable at a coefficient vector.
    func effects(at coefficients: [Double]) -> [[Double]] {
        guard let rhoIndex else {
            return variables.map { variable in
                let beta = coefficients[variable.betaIndex]
                let theta = variable.thetaIndex.map { coefficients[$0] } ?? 0
                return [beta, theta, beta + theta]
            }
        }
        let rho = coefficients[rhoIndex]
        let traceG = (try? trace?.value(rho)) ?? .nan
        let traceInverse = 1 + rho * traceG / unitCount
        let traceInverseW = traceG / unitCount
        let totals = (try? totalMultipliers(rho: rho)) ?? (.nan, .nan)
        return variables.map { variable in
            let beta = coefficients[variable.betaIndex]
            let theta = variable.thetaIndex.map { coefficients[$0] } ?? 0
            let direct = beta * traceInverse + theta * traceInverseW
            let total = beta * totals.plain + theta * totals.lagged
            return [direct, total - direct, total]
        }
    }

    /// Delta-method standard errors: the analytic gradient of each effect in (β_k, θ_k, ρ).
    func deltaMethodStandardErrors(fit: SpatialFit) throws -> [[Double]] {
        let coefficients = fit.coefficients
        let covariance = fit.covariance
        return try variables.map { variable in
            var indices = [variable.betaIndex]
            if let theta = variable.thetaIndex { indices.append(theta) }
            if let rhoIndex { indices.append(rhoIndex) }
            // Gradients of direct and total along `indices`.
            var directGradient: [Double], totalGradient: [Double]
            let beta = coefficients[variable.betaIndex]
            let theta = variable.thetaIndex.map { coefficients[$0] } ?? 0
            if let rhoIndex {
                let rho = coefficients[rhoIndex]
                guard let trace else { throw SpatialError.unavailable("no trace function for impacts") }
                let traceG = try trace.value(rho), traceGDerivative = try trace.derivative(rho)
                // tr((I − ρW)⁻¹)/n = 1 + ρ·tr(G)/n and tr((I − ρW)⁻¹W)/n = tr(G)/n, with d tr(G)/dρ = tr(G²).
                let first = 1 + rho * traceG / unitCount
                let firstW = traceG / unitCount
                let firstDerivative = (traceG + rho * traceGDerivative) / unitCount
                let firstWDerivative = traceGDerivative / unitCount
                guard rowStandardized else {
                    throw SpatialError.unavailable("delta-method impacts need a row-standardised W; use simulation")
                }
                let multiplier = 1 / (1 - rho), multiplierDerivative = multiplier * multiplier
                directGradient = [first] + (variable.thetaIndex == nil ? [] : [firstW])
                    + [beta * firstDerivative + theta * firstWDerivative]
                totalGradient = [multiplier] + (variable.thetaIndex == nil ? [] : [multiplier])
                    + [(beta + theta) * multiplierDerivative]
            } else {
                directGradient = [1] + (variable.thetaIndex == nil ? [] : [0])
                totalGradient = [1] + (variable.thetaIndex == nil ? [] : [1])
            }
            let indirectGradient = zip(totalGradient, directGradient).map { $0 - $1 }
            return [directGradient, indirectGradient, totalGradient].map { gradient in
                var variance = 0.0
                for (a, row) in indices.enumerated() {
                    for (b, column) in indices.enumerated() { variance += gradient[a] * covariance[row, column] * gradient[b] }
                }
                return variance > 0 ? variance.squareRoot() : 0
            }
        }
    }

    /// Simulated standard errors: R draws of the coefficients from N(θ̂, V̂).
    func simulatedStandardErrors(fit: SpatialFit, draws: Int, seed: UInt64) throws -> [[Double]] {
        let size = fit.coefficients.count
        let factor: Matrix
        do {
            factor = try fit.covariance.choleskyFactor()
        } catch {
            throw SpatialError.unavailable("the coefficient covariance is not positive definite; impacts cannot be simulated")
        }
        let stream = RandomStream(masterSeed: seed, replication: 0, purpose: "spatial-impacts")
        let standardNormal = try NormalDistribution(mean: 0, standardDeviation: 1)
        // Welford's running mean and sum of squared deviations.
        var means = [[Double]](repeating: [0, 0, 0], count: variables.count)
        var deviations = means
        let interval = fit.admissibleInterval
        var accepted = 0
        for _ in 0..<draws {
            let shocks = (0..<size).map { _ in standardNormal.sample(stream) }
            var draw = fit.coefficients
            for row in 0..<size {
                for column in 0...row { draw[row] += factor[row, column] * shocks[column] }
            }
            // A draw of ρ outside the admissible interval has no impacts; it is redrawn by skipping.
            if let rhoIndex, !interval.contains(draw[rhoIndex]) || !(trace?.range.contains(draw[rhoIndex]) ?? true) { continue }
            accepted += 1
            let values = effects(at: draw)
            for index in variables.indices {
                for part in 0..<3 {
                    let delta = values[index][part] - means[index][part]
                    means[index][part] += delta / Double(accepted)
                    deviations[index][part] += delta * (values[index][part] - means[index][part])
                }
            }
        }
        guard accepted >= 2 else { throw SpatialError.unavailable("fewer than two simulated ρ fell inside the admissible interval") }
        return deviations.map { row in row.map { ($0 / Double(accepted - 1)).squareRoot() } }
    }
}
