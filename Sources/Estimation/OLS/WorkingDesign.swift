import FixedEffects
import Numerical

/// The columns an OLS fit works on: the regressors demeaned by the fixed effects, or, without fixed
/// effects and with an intercept, the slope regressors and y centred on their means (the intercept
/// then follows from the means), or the raw columns without either.
///
/// Centring makes the cross-product matrix of an ill-conditioned design without fixed effects (levels
/// far from zero, such as calendar years) as well conditioned as its within version; the covariance is
/// computed in the centred parametrization (intercept column orthogonal to the slopes) and mapped back
/// by β = T θ, V = T V_θ Tᵀ with T = [[1, −x̄ᵀ], [0, I]], which every sandwich estimator respects.
struct WorkingDesign {
    /// No fixed effects and an intercept: the intercept is sample regressor 0 and is never dropped.
    let interceptFirst: Bool
    /// Sample regressor indices of the slopes (every regressor but the intercept).
    let slopeIndices: [Int]
    /// Working slope columns, aligned with `slopeIndices`.
    let slopes: [[Double]]
    /// Their means (zeros unless `interceptFirst`).
    let means: [Double]
    /// Working y: demeaned, centred or raw like the slopes.
    let dependent: [Double]
    let dependentMean: Double
    let solver: FixedEffectsSolver?
    /// √w of every row for a weighted fit (the working columns are already multiplied by it).
    let rootWeights: [Double]?

    init(sample: EstimationSample, demeaned: DemeanedSample, hasIntercept: Bool) {
        solver = demeaned.solver
        rootWeights = demeaned.rootWeights
        interceptFirst = demeaned.solver == nil && hasIntercept
        slopeIndices = Array((interceptFirst ? 1 : 0)..<sample.regressorNames.count)
        let columns = demeaned.regressors
        if interceptFirst, let roots = demeaned.rootWeights {
            // Weighted centring of the √w-scaled columns s = √w·x: s − √w·x̄_w with x̄_w = Σ√w·s / Σw.
            let centred = slopeIndices.map { Self.weightedCentred(columns[$0], roots: roots) }
            slopes = centred.map(\.values)
            means = centred.map(\.mean)
            let y = Self.weightedCentred(demeaned.dependent, roots: roots)
            dependent = y.values
            dependentMean = y.mean
        } else if interceptFirst {
            let centred = slopeIndices.map { Collinearity.centred(columns[$0]) }
            slopes = centred.map(\.values)
            means = centred.map(\.mean)
            let y = Collinearity.centred(demeaned.dependent)
            dependent = y.values
            dependentMean = y.mean
        } else {
            slopes = slopeIndices.map { columns[$0] }
            means = slopeIndices.map { _ in 0 }
            dependent = demeaned.dependent
            dependentMean = 0
        }
    }

    /// A √w-scaled column centred on its weighted mean, and that mean (of the unscaled values).
    static func weightedCentred(_ scaled: [Double], roots: [Double]) -> (values: [Double], mean: Double) {
        var total = 0.0, weight = 0.0
        for row in scaled.indices {
            total += roots[row] * scaled[row]
            weight += roots[row] * roots[row]
        }
        var mean = total / weight
        var correction = 0.0
        for row in scaled.indices { correction += roots[row] * (scaled[row] - roots[row] * mean) }
        mean += correction / weight
        return (scaled.indices.map { scaled[$0] - roots[$0] * mean }, mean)
    }

    /// What the working columns were cleared of, for ``Collinearity``.
    func absorption(fixedEffectNames: [String], options: DemeaningOptions) -> Collinearity.Absorption {
        if let solver { return .fixedEffects(solver, options, names: fixedEffectNames) }
        // The weighted intercept is √w, not the ones Collinearity centres on: the weighted centring is done.
        return interceptFirst && rootWeights == nil ? .intercept : .nothing
    }

    /// The fit on the kept slopes (positions in `slopes`).
    struct Fit {
        /// β in the order of the kept regressors: the intercept first when there is one.
        let coefficients: [Double]
        let residuals: [Double]
        /// Regressors of the sandwich (a column of ones first when there is an intercept: the centred
        /// parametrization).
        let columns: [[Double]]
        /// (columnsᵀcolumns)⁻¹.
        let bread: Matrix
        /// T mapping the centred parametrization's covariance to the reported one; nil without intercept.
        let transform: Matrix?
    }

    /// - Parameter gram: WᵀW of all working slopes (the kept ones' block is used).
    func solve(keptSlopes: [Int], gram: Matrix) throws -> Fit {
        let columns = keptSlopes.map { slopes[$0] }
        let least = try ScaledLeastSquares(columns: columns, dependent: dependent,
                                           gram: FixedEffectsOLS.submatrix(gram, keptSlopes))
        guard interceptFirst else {
            return Fit(coefficients: least.coefficients, residuals: least.residuals, columns: columns,
                       bread: least.inverseGram, transform: nil)
        }
        let n = dependent.count, k = columns.count
        let keptMeans = keptSlopes.map { means[$0] }
        let intercept = dependentMean - zip(keptMeans, least.coefficients).reduce(0) { $0 + $1.0 * $1.1 }
        var bread = Matrix(rows: k + 1, columns: k + 1)
        bread[0, 0] = 1 / (rootWeights.map { $0.reduce(0) { $0 + $1 * $1 } } ?? Double(n))
        var transform = Matrix.identity(k + 1)
        for a in 0..<k {
            transform[0, a + 1] = -keptMeans[a]
            for b in 0..<k { bread[a + 1, b + 1] = least.inverseGram[a, b] }
        }
        return Fit(coefficients: [intercept] + least.coefficients, residuals: least.residuals,
                   columns: [rootWeights ?? [Double](repeating: 1, count: n)] + columns, bread: bread, transform: transform)
    }
}
