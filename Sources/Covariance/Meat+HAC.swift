import Numerical

/// The panel HAC meats. Lags pair observations by their time values, never by position: with a gap
/// in a unit's series the pair across the gap is j = the difference of the times (and is left out
/// when j exceeds L). Bartlett weights w_j = 1 − j/(L + 1).
extension Meat {
    /// Newey–West by unit: M = Σ_i [Σ_t ŝ_it ŝ_itᵀ + Σ_{0<t−s≤L} w_{t−s} (ŝ_it ŝ_isᵀ + ŝ_is ŝ_itᵀ)].
    static func neweyWest(_ input: CovarianceInput, panel: PanelCodes, lags: Int) -> Matrix {
        let k = input.coefficientCount
        let scores = scoreRows(input)
        var meat = [Double](repeating: 0, count: k * k)
        for rows in panel.rowsByUnit() {
            for (position, row) in rows.enumerated() {
                accumulate(&meat, scores, row, row, weight: 1, k: k)
                var back = position - 1
                while back >= 0 {
                    let distance = panel.times[row] - panel.times[rows[back]]
                    if distance > lags { break }
                    let weight = bartlett(distance, lags)
                    accumulate(&meat, scores, row, rows[back], weight: weight, k: k)
                    accumulate(&meat, scores, rows[back], row, weight: weight, k: k)
                    back -= 1
                }
            }
        }
        return square(meat, size: k)
    }

    /// Driscoll–Kraay: S_t = Σ_i ŝ_it over the units observed at t, then
    /// M = Σ_t S_t S_tᵀ + Σ_{0<t−s≤L} w_{t−s} (S_t S_sᵀ + S_s S_tᵀ).
    static func driscollKraay(_ input: CovarianceInput, panel: PanelCodes, lags: Int) -> Matrix {
        let k = input.coefficientCount
        let scores = scoreRows(input)
        let periods = panel.distinctTimes
        var position = [Int: Int](minimumCapacity: periods.count)
        for (index, time) in periods.enumerated() { position[time] = index }
        var sums = [Double](repeating: 0, count: periods.count * k)
        for row in 0..<input.observationCount {
            guard let period = position[panel.times[row]] else { continue }
            for a in 0..<k { sums[period * k + a] += scores[row * k + a] }
        }
        var meat = [Double](repeating: 0, count: k * k)
        for period in periods.indices {
            accumulate(&meat, sums, period, period, weight: 1, k: k)
            var back = period - 1
            while back >= 0 {
                let distance = periods[period] - periods[back]
                if distance > lags { break }
                let weight = bartlett(distance, lags)
                accumulate(&meat, sums, period, back, weight: weight, k: k)
                accumulate(&meat, sums, back, period, weight: weight, k: k)
                back -= 1
            }
        }
        return square(meat, size: k)
    }

    /// A k × k matrix holding `elements` (row-major).
    static func square(_ elements: [Double], size k: Int) -> Matrix {
        var matrix = Matrix(rows: k, columns: k)
        matrix.elements = elements
        return matrix
    }

    /// The Bartlett weight of lag j with bandwidth L.
    static func bartlett(_ lag: Int, _ lags: Int) -> Double {
        1 - Double(lag) / Double(lags + 1)
    }

    /// ŝ_i = w_i û_i x̃_i, row-major n × k.
    static func scoreRows(_ input: CovarianceInput) -> [Double] {
        let k = input.coefficientCount
        var scores = input.regressors.elements
        for row in 0..<input.observationCount {
            let scale = (input.weights?[row] ?? 1) * input.residuals[row]
            for a in 0..<k { scores[row * k + a] *= scale }
        }
        return scores
    }

    /// meat += weight · v_a v_bᵀ for rows a and b of the row-major `vectors`.
    static func accumulate(_ meat: inout [Double], _ vectors: [Double], _ a: Int, _ b: Int, weight: Double, k: Int) {
        for p in 0..<k {
            let left = weight * vectors[a * k + p]
            if left == 0 { continue }
            for q in 0..<k { meat[p * k + q] += left * vectors[b * k + q] }
        }
    }
}
