import Covariance
import FixedEffects
import Numerical
import PanelData

extension FixedEffectsOLS {
    /// XᵀX of columns, k × k.
    static func crossProducts(_ columns: [[Double]]) -> Matrix {
        let k = columns.count
        var gram = Matrix(rows: k, columns: k)
        for a in 0..<k {
            for b in a..<k {
                let value = dot(columns[a], columns[b])
                gram[a, b] = value
                gram[b, a] = value
            }
        }
        return gram
    }

    static func submatrix(_ matrix: Matrix, _ indices: [Int]) -> Matrix {
        var result = Matrix(rows: indices.count, columns: indices.count)
        for (a, row) in indices.enumerated() {
            for (b, column) in indices.enumerated() { result[a, b] = matrix[row, column] }
        }
        return result
    }

    static func dot(_ a: [Double], _ b: [Double]) -> Double {
        a.withUnsafeBufferPointer { left in
            b.withUnsafeBufferPointer { right in
                var sum = 0.0
                for index in 0..<min(left.count, right.count) { sum += left[index] * right[index] }
                return sum
            }
        }
    }

    static func squaredNorm(_ a: [Double]) -> Double { dot(a, a) }

    /// The covariance of β under `vcov`, with fixest's small-sample conventions: fixed effects nested in a
    /// cluster variable do not count in K. With `transform` T (a reparametrization β = Tθ of the fit on
    /// `columns`), the covariance of β is T V_θ Tᵀ.
    static func covarianceMatrix(columns: [[Double]], residuals: [Double], bread: Matrix, sample: EstimationSample,
                                 solver: FixedEffectsSolver?, vcov: VcovType, options: EstimationOptions,
                                 transform: Matrix? = nil) throws -> CovarianceMatrix {
        let n = residuals.count, k = columns.count
        var elements = [Double](repeating: 0, count: n * k)
        for (j, column) in columns.enumerated() {
            for row in 0..<n { elements[row * k + j] = column[row] }
        }
        // fixest's fixef.K = "nested": a fixed effect nested in a cluster variable counts as one parameter.
        let absorbed = absorbedParameters(sample: sample, solver: solver, rule: options.absorbedParameterRule)
        var nested = 0
        for factor in sample.fixedEffects
        where sample.clusters.contains(where: { AbsorbedParameters.isNested(factor, within: $0.codes) }) {
            nested += factor.levelCount - 1
        }
        do {
            let input = try CovarianceInput(
                regressors: Matrix(rows: n, columns: k, elements: elements), residuals: residuals, bread: bread,
                observationCount: n, absorbedParameters: absorbed, absorbedParametersNestedInClusters: nested,
                clusters: sample.clusters.map(\.codes), panel: sample.panelCodes)
            return try SandwichEstimator.covariance(input, type: vcov, options: options.smallSample, transform: transform)
        } catch {
            throw EstimationError.covariance("\(error)")
        }
    }

    /// Parameters the fixed effects absorb under `rule`.
    static func absorbedParameters(sample: EstimationSample, solver: FixedEffectsSolver?, rule: AbsorbedParameterRule) -> Int {
        guard let solver else { return 0 }
        switch rule {
        case .fixest: return sample.fixedEffects.reduce(0) { $0 + $1.levelCount } - (sample.fixedEffects.count - 1)
        case .connectedComponents: return solver.absorbedParameters(rule: .connectedComponents).total
        }
    }

    /// Sizes of the fixed effects and, when requested, their coefficients with level labels.
    static func fixedEffectSummaries(sample: EstimationSample, solver: FixedEffectsSolver?, beta: [Double], kept: [Int],
                                     residuals: [Double], data: Dataset, formula: Formula, options: EstimationOptions,
                                     warnings: inout [String]) throws -> [FixedEffectSummary] {
        guard let solver else { return [] }
        let names = formula.fixedEffects.map(\.description)
        guard options.recoverFixedEffects else {
            return zip(names, sample.fixedEffects).map { FixedEffectSummary(name: $0, levels: $1.levelCount, coefficients: nil, labels: nil) }
        }
        // The part of y the fixed effects explain: y − Xβ − e.
        var effects = sample.dependent
        for (position, index) in kept.enumerated() {
            let column = sample.regressors[index]
            for row in effects.indices { effects[row] -= beta[position] * column[row] }
        }
        for row in effects.indices { effects[row] -= residuals[row] }
        let (coefficients, report) = try solver.coefficients(ofEffects: effects, options: options.demeaning)
        if !report.converged { warnings.append("the fixed-effect coefficients did not converge") }
        return names.indices.map { index in
            FixedEffectSummary(
                name: names[index], levels: sample.fixedEffects[index].levelCount, coefficients: coefficients[index],
                labels: CategoricalVariable.labels(of: sample.fixedEffects[index], rows: sample.rows, in: data))
        }
    }
}
