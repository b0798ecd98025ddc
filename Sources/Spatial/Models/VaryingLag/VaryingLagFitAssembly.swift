import Foundation
import Numerical

/// β̂, σ̂², the information-matrix covariance and the checks of a varying-ρ fit.
///
/// With A_t = I − ρW − ρ′D_tW, G1_t = W·A_t⁻¹ and G2_t = D_t·W·A_t⁻¹ (the derivatives of A_t
/// are −W and −D_tW), η_t = X_tβ + the recovered fixed effects, g1 = G1η and g2 = G2η
/// (demeaned like the data), the information matrix of (β, ρ, ρ′, σ²) is that of a spatial
/// lag model with two weight matrices (Lee 2004):
///   I_ββ = X′X/σ², I_βρ = X′g1/σ², I_βρ′ = X′g2/σ²,
///   I_ab = Σ_t [tr(G_a′G_b) + tr(G_aG_b)] + g_a′g_b/σ² for a, b ∈ {1, 2},
///   I_aσ² = Σ_t tr(G_a)/σ², I_σ²σ² = NT/(2σ⁴).
struct VaryingLagFitAssembly {
    let sample: SpatialSample
    let design: SpatialDesign
    let periods: VaryingLagPeriods
    let residuals: VaryingLagResiduals
    let effects: SpatialEffects
    let modifierName: String
    let rho: Double
    let rhoPrime: Double
    let logLikelihood: Double
    let converged: Bool
    let logLikelihoodFunction: (Double, Double) throws -> Double?

    func fit() throws -> VaryingLagFit {
        let n = sample.unitCount, periodCount = sample.periodCount, rows = sample.observationCount
        let k = design.regressors.count
        let beta = residuals.coefficients(rho: rho, rhoPrime: rhoPrime)
        let observations = Double(rows)
        let sigma2 = residuals.sumOfSquares(rho: rho, rhoPrime: rhoPrime) / observations

        // η on the raw scale: Xβ plus the fixed effects recovered from the raw residuals.
        let weights = sample.weights
        let rawLag = weights.panelLag(sample.response)
        var raw = sample.response
        var eta = [Double](repeating: 0, count: rows)
        for row in 0..<rows {
            let modifier = periods.modifiers[row / n][row % n]
            raw[row] -= (rho + rhoPrime * modifier) * rawLag[row]
        }
        let rawBeta = effects == .none ? beta : Array(beta.prefix(sample.regressors.count))
        for (column, values) in sample.regressors.enumerated() where column < rawBeta.count {
            for row in 0..<rows {
                eta[row] += rawBeta[column] * values[row]
                raw[row] -= rawBeta[column] * values[row]
            }
        }
        let demeanedResidual = SpatialDesign.demeaned(raw, units: n, periods: periodCount, effects: effects)
        for row in 0..<rows { eta[row] += raw[row] - demeanedResidual[row] }

        let inverses = try periods.inverses(rho: rho, rhoPrime: rhoPrime)
        var first = [Double](repeating: 0, count: rows), second = first
        var traces = [0.0, 0.0], squares = [[0.0, 0.0], [0.0, 0.0]]
        let denseWeights = try Matrix(rows: n, columns: n, elements: periods.dense)
        for period in 0..<periodCount {
            let g1 = try denseWeights * inverses[period]
            var g2 = g1
            for row in 0..<n {
                for column in 0..<n { g2.elements[row * n + column] *= periods.modifiers[period][row] }
            }
            let slice = Array(eta[(period * n)..<((period + 1) * n)])
            let v1 = try g1 * slice, v2 = try g2 * slice
            for row in 0..<n { first[period * n + row] = v1[row]; second[period * n + row] = v2[row] }
            let matrices = [g1, g2]
            for a in 0..<2 {
                traces[a] += matrices[a].diagonalElements.reduce(0, +)
                for b in 0..<2 {
                    var gram = 0.0, product = 0.0
                    for row in 0..<n {
                        for column in 0..<n {
                            gram += matrices[a].elements[row * n + column] * matrices[b].elements[row * n + column]
                            product += matrices[a].elements[row * n + column] * matrices[b].elements[column * n + row]
                        }
                    }
                    squares[a][b] += gram + product
                }
            }
        }
        first = SpatialDesign.demeaned(first, units: n, periods: periodCount, effects: effects)
        second = SpatialDesign.demeaned(second, units: n, periods: periodCount, effects: effects)
        let size = k + 3
        var info = [Double](repeating: 0, count: size * size)
        func set(_ row: Int, _ column: Int, _ value: Double) {
            info[row * size + column] = value
            info[column * size + row] = value
        }
        func dot(_ a: [Double], _ b: [Double]) -> Double { zip(a, b).reduce(0) { $0 + $1.0 * $1.1 } }
        let lags = [first, second]
        for row in 0..<k {
            for column in row..<k { set(row, column, dot(design.regressors[row], design.regressors[column]) / sigma2) }
            for a in 0..<2 { set(row, k + a, dot(design.regressors[row], lags[a]) / sigma2) }
        }
        for a in 0..<2 {
            for b in a..<2 { set(k + a, k + b, squares[a][b] + dot(lags[a], lags[b]) / sigma2) }
            set(k + a, k + 2, traces[a] / sigma2)
        }
        set(k + 2, k + 2, observations / (2 * sigma2 * sigma2))
        let inverse = try Matrix(rows: size, columns: size, elements: info).inverse()
        var covariance = [Double](repeating: 0, count: (k + 2) * (k + 2))
        for row in 0..<(k + 2) { for column in 0..<(k + 2) { covariance[row * (k + 2) + column] = inverse[row, column] } }

        let gradient = try [0, 1].map { index -> Double in
            let step = 1e-6
            func value(_ shift: Double) throws -> Double {
                let point = index == 0 ? (rho + shift, rhoPrime) : (rho, rhoPrime + shift)
                guard let result = try logLikelihoodFunction(point.0, point.1) else {
                    throw SpatialError.unavailable("the optimum lies on the edge of the admissible region")
                }
                return result
            }
            return (try value(step) - value(-step)) / (2 * step)
        }
        let largest = try periods.largestRealEigenvalue(rho: rho, rhoPrime: rhoPrime)
        var warnings: [String] = []
        if largest >= 1 {
            warnings.append(
                "(rho, rho_prime) = (\(rho), \(rhoPrime)) is not admissible: (ρI + ρ′D_t)W has a real eigenvalue \(largest) ≥ 1")
        }
        if !converged {
            warnings.append("the likelihood search did not converge; gradient \(gradient.map { String(format: "%.3g", $0) })")
        }
        return VaryingLagFit(
            responseName: sample.responseName, modifierName: modifierName, effects: effects,
            coefficientNames: design.regressorNames + ["rho", "rho_prime"], coefficients: beta + [rho, rhoPrime],
            covariance: try Matrix(rows: k + 2, columns: k + 2, elements: covariance), regressorCount: k,
            sigma2: sigma2, logLikelihood: logLikelihood, aic: -2 * logLikelihood + 2 * Double(k + 3),
            observationCount: rows, unitCount: n, periodCount: periodCount, largestMultiplierEigenvalue: largest,
            gradient: gradient, converged: converged && warnings.isEmpty, warnings: warnings)
    }
}
