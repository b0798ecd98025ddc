import Numerical

/// The analytic information matrix of (β, ρ, λ, σ²) in a SAC model and its special cases
/// (Anselin 1988, eqs. 6.5–6.6 for SAR and SEM; Elhorst 2014, eq. 3.8 for panels).
///
/// With G_ρ = W(I − ρW)⁻¹, G_λ = W(I − λW)⁻¹, B = I − λW, X** = BX, η = Xβ and J the effective
/// periods (T for the direct approach):
///
///   I_ββ = X**′X**/σ²,  I_βρ = X**′BG_ρη/σ²,  I_ρρ = J·[tr(G_ρ′G_ρ) + tr(G_ρ²)] + ‖BG_ρη‖²/σ²,
///   I_λλ = J·[tr(G_λ′G_λ) + tr(G_λ²)],  I_ρλ = J·[tr(G_λG_ρ) + tr(G_ρ′G_λ)],
///   I_ρσ² = J·tr(G_ρ)/σ²,  I_λσ² = J·tr(G_λ)/σ²,  I_σ²σ² = m/(2σ⁴),  I_βλ = I_βσ² = 0.
///
/// G_ρη is demeaned across units within each period when period effects are removed (it
/// estimates the transformed Wy). Under the Lee–Yu transformation with period effects the
/// traces are those of the transformed W* (the unit eigenvalue removed): tr(G) − 1/(1 − ρ),
/// tr(G²) − 1/(1 − ρ)², tr(G′G) − ‖G′1‖²/n.
struct SpatialInformationMatrix {
    let matrix: Matrix

    init(
        model: SpatialModelKind, effects: SpatialEffects, approach: SpatialFixedEffectsApproach,
        setup: SpatialLikelihoodSetup, weights: SpatialWeights, jacobian: any SpatialJacobian,
        filteredRegressors: [[Double]], prediction: [Double], rho: Double, lambda: Double, sigma2: Double
    ) throws {
        let k = filteredRegressors.count
        let size = k + (model.hasLag ? 1 : 0) + (model.hasErrorProcess ? 1 : 0) + 1
        let periods = setup.jacobianPeriods
        let units = weights.unitCount
        let periodCount = prediction.count / units
        var info = [Double](repeating: 0, count: size * size)
        func set(_ row: Int, _ column: Int, _ value: Double) {
            info[row * size + column] = value
            info[column * size + row] = value
        }
        func dot(_ first: [Double], _ second: [Double]) -> Double {
            var sum = 0.0
            for index in first.indices { sum += first[index] * second[index] }
            return sum
        }
        for row in 0..<k {
            for column in row..<k { set(row, column, dot(filteredRegressors[row], filteredRegressors[column]) / sigma2) }
        }
        let adjustTraces = approach == .leeYu && effects.removesPeriodMeans
        func adjusted(_ traces: SpatialTraces, at value: Double) throws -> SpatialTraces {
            guard adjustTraces else { return traces }
            guard let columnSums = traces.columnSumNormSquared else {
                throw SpatialError.unavailable("\(jacobian.methodDescription) does not give ‖G′1‖², needed by Lee–Yu with period effects")
            }
            let unit = 1 / (1 - value)
            return SpatialTraces(
                trace: traces.trace - unit, traceOfSquare: traces.traceOfSquare - unit * unit,
                traceOfGram: traces.traceOfGram - columnSums / Double(units))
        }
        var index = k
        let sigmaIndex = size - 1
        var lagIndex: Int?
        if model.hasLag {
            lagIndex = index
            // B·G_ρ·η, with G_ρη = W·(I − ρW)⁻¹η = W·prediction.
            var lagged = weights.panelLag(prediction)
            if effects.removesPeriodMeans {
                lagged = SpatialDesign.demeaned(lagged, units: units, periods: periodCount, effects: .time)
            }
            if model.hasErrorProcess {
                let second = weights.panelLag(lagged)
                for row in lagged.indices { lagged[row] -= lambda * second[row] }
                if effects.removesPeriodMeans {
                    lagged = SpatialDesign.demeaned(lagged, units: units, periods: periodCount, effects: .time)
                }
            }
            let traces = try adjusted(jacobian.traces(at: rho), at: rho)
            for row in 0..<k { set(row, index, dot(filteredRegressors[row], lagged) / sigma2) }
            set(index, index, periods * (traces.traceOfGram + traces.traceOfSquare) + dot(lagged, lagged) / sigma2)
            set(index, sigmaIndex, periods * traces.trace / sigma2)
            index += 1
        }
        if model.hasErrorProcess {
            let traces = try adjusted(jacobian.traces(at: lambda), at: lambda)
            set(index, index, periods * (traces.traceOfGram + traces.traceOfSquare))
            set(index, sigmaIndex, periods * traces.trace / sigma2)
            if let lagIndex {
                let cross = adjustTraces
                    ? try jacobian.centredCrossTraces(rho: rho, lambda: lambda)
                    : try jacobian.crossTraces(rho: rho, lambda: lambda)
                set(lagIndex, index, periods * (cross.product + cross.transposedProduct))
            }
        }
        set(sigmaIndex, sigmaIndex, setup.effectiveObservations / (2 * sigma2 * sigma2))
        matrix = try Matrix(rows: size, columns: size, elements: info)
    }
}
