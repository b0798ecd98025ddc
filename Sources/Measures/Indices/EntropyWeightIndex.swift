import Foundation

/// The entropy-weight (熵值法) composite index of paper 001 (§3.2.1, the digital index Dig; the
/// paper gives no formulas, so these are the standard ones its notes spell out). Over a sample of
/// m observations (all region-years pooled, or one year's regions):
///
/// 1. z_ij = (x_ij − min_j)/(max_j − min_j) + s for a positive indicator, (max_j − x_ij)/(max_j − min_j) + s
///    for a negative one (s = ``Options/shift``, default 0);
/// 2. p_ij = z_ij / Σ_i z_ij;
/// 3. e_j = −(1/ln m) Σ_i p_ij ln p_ij, with 0 · ln 0 = 0;
/// 4. d_j = 1 − e_j and w_j = d_j / Σ_k d_k;
/// 5. index_i = Σ_j w_j z_ij, in [s, 1 + s] (paper 001 reports Dig ∈ [0.0084, 0.7230], consistent
///    with this form; Σ_j w_j p_ij would be far smaller).
///
/// **Pooled or by year.** Paper 001 does not say. The default pools all region-years (one set of
/// weights, so the index is comparable over time: the panel version of the method);
/// ``Options/byYear`` computes min, max, p, e and w within each year instead.
public enum EntropyWeightIndex {
    public struct Options: Sendable, Equatable, Codable {
        /// s, added after min–max normalisation (default 0; 0 · ln 0 = 0 makes it unnecessary).
        public var shift = 0.0
        /// Weights year by year rather than pooled (default false: pooled).
        public var byYear = false

        public init() {}
    }

    /// One sample's weights (the pooled sample: `year == nil`).
    public struct Weights: Sendable, Equatable, Codable {
        public let year: Int?
        /// e_j.
        public let entropy: [Double]
        /// d_j = 1 − e_j.
        public let divergence: [Double]
        /// w_j.
        public let weights: [Double]
        /// The rows of this sample.
        public let rows: [Int]
    }

    public struct Result: Sendable, Equatable, Codable {
        public let indicatorNames: [String]
        /// The index per input row.
        public let index: [Double]
        public let samples: [Weights]
        public let options: Options
    }

    public static func compute(_ panel: IndicatorPanel, options: Options = Options()) throws -> Result {
        guard options.shift.isFinite, options.shift >= 0 else {
            throw IndexError.invalidOption(name: "shift", reason: "must be finite and ≥ 0, not \(options.shift)")
        }
        var index = [Double](repeating: .nan, count: panel.rowCount)
        var samples: [Weights] = []
        for group in panel.groups(pooled: !options.byYear) {
            try panel.requireRows(group.rows, year: group.year, required: 2)
            let z = try panel.minMaxNormalized(rows: group.rows, year: group.year, shift: options.shift)
            let m = Double(group.rows.count)
            var entropy: [Double] = []
            for column in panel.indicatorNames.indices {
                let total = z.reduce(0) { $0 + $1[column] }
                var sum = 0.0
                for row in z.indices {
                    let p = z[row][column] / total
                    if p > 0 { sum += p * Foundation.log(p) }
                }
                entropy.append(-sum / Foundation.log(m))
            }
            let divergence = entropy.map { 1 - $0 }
            let totalDivergence = divergence.reduce(0, +)
            guard totalDivergence > 0 else {
                throw IndexError.numericalFailure(year: group.year, reason: "every indicator has entropy 1 (Σ_j (1 − e_j) = 0), so the weights are undefined")
            }
            let weights = divergence.map { $0 / totalDivergence }
            for (position, row) in group.rows.enumerated() {
                var value = 0.0
                for column in weights.indices { value += weights[column] * z[position][column] }
                index[row] = value
            }
            samples.append(Weights(year: group.year, entropy: entropy, divergence: divergence, weights: weights, rows: group.rows))
        }
        return Result(indicatorNames: panel.indicatorNames, index: index, samples: samples, options: options)
    }
}
