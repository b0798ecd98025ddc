import Foundation
import Numerical

/// The log-likelihood of a spatial model with β and σ² concentrated out, as a function of the
/// spatial parameters (ρ, λ) alone.
///
/// With A = I − ρW and B = I − λW, the disturbance is ε = B(Ay − Xβ) = y** − X**β, where
/// y** = y − (ρ + λ)Wy + ρλW²y and X** = X − λWX. For given (ρ, λ), β̂ is least squares of y**
/// on X** and σ̂² = e′e/m, so (Anselin 1988, eq. 6.21; Elhorst 2014, eq. 3.12)
///
///   ℓ_c(ρ, λ) = −(m/2)·[ln(2π) + 1 + ln(e′e/m)] + J·[ln|A| + ln|B| − c·ln(1 − ρ) − c·ln(1 − λ)],
///
/// where m is the number of effective observations (NT, or fewer under Lee–Yu), J the number of
/// effective periods multiplying the Jacobian, and c = 1 only under the Lee–Yu transformation
/// with period effects (row-standardised W). Every product is taken from the Gram matrix of
/// the columns [y, Wy, W²y, X, WX], so one evaluation costs O(k³), not O(NT).
struct SpatialConcentratedLikelihood: Sendable {
    let model: SpatialModelKind
    let jacobian: any SpatialJacobian
    let effectiveObservations: Double
    let jacobianPeriods: Double
    let unitRootCorrection: Bool
    let regressorCount: Int
    /// Gram matrix of [y, Wy, W²y, X (k columns), WX (k columns)], row-major.
    private let gram: [Double]
    private let gramSize: Int

    init(design: SpatialDesign, model: SpatialModelKind, jacobian: any SpatialJacobian, setup: SpatialLikelihoodSetup) {
        self.model = model
        self.jacobian = jacobian
        effectiveObservations = setup.effectiveObservations
        jacobianPeriods = setup.jacobianPeriods
        unitRootCorrection = setup.unitRootCorrection
        regressorCount = design.regressors.count
        let empty = [Double](repeating: 0, count: design.observationCount)
        let columns = [design.response, design.responseLag, model == .sac ? design.responseSecondLag : empty]
            + design.regressors + (model.hasErrorProcess ? design.regressorLags : design.regressors.map { _ in empty })
        gramSize = columns.count
        var products = [Double](repeating: 0, count: gramSize * gramSize)
        for left in 0..<gramSize {
            for right in left..<gramSize {
                var sum = 0.0
                columns[left].withUnsafeBufferPointer { first in
                    columns[right].withUnsafeBufferPointer { second in
                        for index in 0..<first.count { sum += first[index] * second[index] }
                    }
                }
                products[left * gramSize + right] = sum
                products[right * gramSize + left] = sum
            }
        }
        gram = products
    }

    /// The residual sum of squares e′e at (ρ, λ) and the β̂ that attains it.
    func residualSumOfSquares(rho: Double, lambda: Double) throws -> (sum: Double, coefficients: [Double]) {
        let k = regressorCount
        // y** = Z·a and X** = Z·B in terms of the Gram columns.
        var responseWeights = [Double](repeating: 0, count: gramSize)
        responseWeights[0] = 1
        responseWeights[1] = -(rho + lambda)
        responseWeights[2] = rho * lambda
        func combination(_ left: [Double], _ right: [Double]) -> Double {
            var sum = 0.0
            for row in 0..<gramSize where left[row] != 0 {
                for column in 0..<gramSize where right[column] != 0 {
                    sum += left[row] * gram[row * gramSize + column] * right[column]
                }
            }
            return sum
        }
        let regressorWeights: [[Double]] = (0..<k).map { index in
            var weights = [Double](repeating: 0, count: gramSize)
            weights[3 + index] = 1
            weights[3 + k + index] = -lambda
            return weights
        }
        var crossProducts = [Double](repeating: 0, count: k * k)
        for row in 0..<k {
            for column in row..<k {
                let value = combination(regressorWeights[row], regressorWeights[column])
                crossProducts[row * k + column] = value
                crossProducts[column * k + row] = value
            }
        }
        let moments = regressorWeights.map { combination($0, responseWeights) }
        let total = combination(responseWeights, responseWeights)
        let coefficients: [Double]
        do {
            coefficients = try Matrix(rows: k, columns: k, elements: crossProducts).solveCholesky(moments)
        } catch {
            throw SpatialError.invalidSample("the regressors are perfectly collinear at ρ = \(rho), λ = \(lambda)")
        }
        let explained = zip(coefficients, moments).reduce(0.0) { $0 + $1.0 * $1.1 }
        return (Swift.max(total - explained, 0), coefficients)
    }

    /// The analytic score (∂ℓ_c/∂ρ, ∂ℓ_c/∂λ) at (ρ, λ), for the parameters the model has.
    ///
    /// By the envelope theorem d(e′e)/dθ = 2ε′·∂ε/∂θ at β̂, with ∂ε/∂ρ = −B·Wy and
    /// ∂ε/∂λ = −W·u (u = y − ρWy − Xβ), so ∂ℓ_c/∂ρ = (m/e′e)·ε′BWy − J·tr(G_ρ) [+ cJ/(1 − ρ)]
    /// and ∂ℓ_c/∂λ = (m/e′e)·ε′Wu − J·tr(G_λ) [+ cJ/(1 − λ)].
    func score(rho: Double, lambda: Double) throws -> [Double] {
        let k = regressorCount
        let (sum, beta) = try residualSumOfSquares(rho: rho, lambda: lambda)
        var residualWeights = [Double](repeating: 0, count: gramSize)
        residualWeights[0] = 1
        residualWeights[1] = -(rho + lambda)
        residualWeights[2] = rho * lambda
        for index in 0..<k {
            residualWeights[3 + index] -= beta[index]
            residualWeights[3 + k + index] += lambda * beta[index]
        }
        func product(_ direction: [Double]) -> Double {
            var total = 0.0
            for row in 0..<gramSize where residualWeights[row] != 0 {
                for column in 0..<gramSize where direction[column] != 0 {
                    total += residualWeights[row] * gram[row * gramSize + column] * direction[column]
                }
            }
            return total
        }
        var result: [Double] = []
        let scale = effectiveObservations / sum
        if model.hasLag {
            var direction = [Double](repeating: 0, count: gramSize)
            direction[1] = 1
            direction[2] = -lambda
            result.append(scale * product(direction)
                + jacobianPeriods * (try jacobian.logDeterminantDerivative(at: rho) + (unitRootCorrection ? 1 / (1 - rho) : 0)))
        }
        if model.hasErrorProcess {
            var direction = [Double](repeating: 0, count: gramSize)
            direction[1] = 1
            direction[2] = -rho
            for index in 0..<k { direction[3 + k + index] = -beta[index] }
            result.append(scale * product(direction)
                + jacobianPeriods * (try jacobian.logDeterminantDerivative(at: lambda) + (unitRootCorrection ? 1 / (1 - lambda) : 0)))
        }
        return result
    }

    /// The Jacobian part J·[ln|A| + ln|B| − c·ln(1 − ρ) − c·ln(1 − λ)].
    func jacobianTerm(rho: Double, lambda: Double) throws -> Double {
        var term = 0.0
        if model.hasLag {
            term += try jacobian.logDeterminant(at: rho) - (unitRootCorrection ? log(1 - rho) : 0)
        }
        if model.hasErrorProcess {
            term += try jacobian.logDeterminant(at: lambda) - (unitRootCorrection ? log(1 - lambda) : 0)
        }
        return jacobianPeriods * term
    }

    /// ℓ_c(ρ, λ), including the constant −(m/2)(ln 2π + 1).
    func logLikelihood(rho: Double, lambda: Double) throws -> Double {
        let sum = try residualSumOfSquares(rho: rho, lambda: lambda).sum
        guard sum > 0 else { throw SpatialError.invalidSample("the model fits the data exactly (e′e = 0)") }
        let observations = effectiveObservations
        return -0.5 * observations * (log(2 * Double.pi) + 1 + log(sum / observations))
            + (try jacobianTerm(rho: rho, lambda: lambda))
    }
}

/// Observation and period counts of the likelihood, by effects and approach.
struct SpatialLikelihoodSetup: Sendable, Equatable {
    /// m: the divisor of σ̂² and the multiplier of −ln σ²/2.
    let effectiveObservations: Double
    /// J: the multiplier of the log-Jacobian.
    let jacobianPeriods: Double
    /// c = 1: the Lee–Yu period-effects correction −ln(1 − ρ).
    let unitRootCorrection: Bool

    init(units: Int, periods: Int, effects: SpatialEffects, approach: SpatialFixedEffectsApproach) {
        let n = Double(units), t = Double(periods)
        switch (approach, effects) {
        case (.direct, _), (.leeYu, .none):
            effectiveObservations = n * t
            jacobianPeriods = t
            unitRootCorrection = false
        case (.leeYu, .individual):
            effectiveObservations = n * (t - 1)
            jacobianPeriods = t - 1
            unitRootCorrection = false
        case (.leeYu, .time):
            effectiveObservations = (n - 1) * t
            jacobianPeriods = t
            unitRootCorrection = true
        case (.leeYu, .twoWays):
            effectiveObservations = (n - 1) * (t - 1)
            jacobianPeriods = t - 1
            unitRootCorrection = true
        }
    }
}
