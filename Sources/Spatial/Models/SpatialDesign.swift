/// The transformed columns a spatial likelihood works with: y, Wy, W²y, the regressors X (with
/// WX appended for Durbin models) and their lags W·X, each computed on the raw stacked panel
/// and then demeaned for the fixed effects.
///
/// Lagging before demeaning is the within transformation of the model itself: with unit effects
/// the two orders agree (demeaning over time commutes with I_T ⊗ W); with period effects they
/// agree only up to a period constant, and it is Q_N·W·y, not W·Q_N·y, that appears in the
/// transformed equation Q_N y_t = ρ Q_N W y_t + Q_N X_t β + Q_N ε_t.
struct SpatialDesign: Sendable {
    let unitCount: Int
    let periodCount: Int
    /// Transformed y, Wy and W(Wy).
    let response: [Double]
    let responseLag: [Double]
    let responseSecondLag: [Double]
    /// Transformed regressors (Durbin lags appended), and their spatial lags.
    let regressorNames: [String]
    let regressors: [[Double]]
    let regressorLags: [[Double]]
    /// Index of the intercept column among `regressors`, if any.
    let interceptIndex: Int?

    var observationCount: Int { response.count }

    init(sample: SpatialSample, model: SpatialModelKind, effects: SpatialEffects) throws {
        let weights = sample.weights
        unitCount = sample.unitCount
        periodCount = sample.periodCount
        let intercept = sample.regressors.firstIndex { column in column.allSatisfy { $0 == column.first } }
        if effects != .none, let constant = intercept {
            throw SpatialError.invalidSample(
                "regressor \(sample.regressorNames[constant]) is constant; fixed effects absorb it (drop the intercept)")
        }
        if effects.removesUnitMeans, periodCount < 2 {
            throw SpatialError.unsupportedSpecification("unit fixed effects need at least two periods")
        }
        var names = sample.regressorNames
        var columns = sample.regressors
        if model.isDurbin {
            for (index, column) in sample.regressors.enumerated() where index != intercept {
                names.append("W*" + sample.regressorNames[index])
                columns.append(weights.panelLag(column))
            }
        }
        let transform = { (column: [Double]) in
            SpatialDesign.demeaned(column, units: sample.unitCount, periods: sample.periodCount, effects: effects)
        }
        let lag = sample.weights.panelLag(sample.response)
        response = transform(sample.response)
        responseLag = transform(lag)
        responseSecondLag = model == .sac ? transform(weights.panelLag(lag)) : []
        regressorNames = names
        regressors = columns.map(transform)
        regressorLags = model.hasErrorProcess ? columns.map { transform(weights.panelLag($0)) } : []
        interceptIndex = effects == .none ? intercept : nil
    }

    /// Removes unit means, period means or both from a column stacked by period (t·n + i).
    static func demeaned(_ column: [Double], units: Int, periods: Int, effects: SpatialEffects) -> [Double] {
        guard effects != .none else { return column }
        var unitMeans = [Double](repeating: 0, count: units)
        var periodMeans = [Double](repeating: 0, count: periods)
        var grand = 0.0
        for period in 0..<periods {
            for unit in 0..<units {
                let value = column[period * units + unit]
                unitMeans[unit] += value
                periodMeans[period] += value
                grand += value
            }
        }
        for unit in 0..<units { unitMeans[unit] /= Double(periods) }
        for period in 0..<periods { periodMeans[period] /= Double(units) }
        grand /= Double(units * periods)
        var result = column
        for period in 0..<periods {
            for unit in 0..<units {
                var value = column[period * units + unit]
                if effects.removesUnitMeans { value -= unitMeans[unit] }
                if effects.removesPeriodMeans { value -= periodMeans[period] }
                if effects == .twoWays { value += grand }
                result[period * units + unit] = value
            }
        }
        return result
    }
}
