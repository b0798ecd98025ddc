import Numerical

/// The principal-component composite index of paper 001's robustness check (§3.5, Table 7; the
/// paper gives no details, so these are the standard choices its notes list). Over a sample of m
/// observations (pooled region-years by default, or one year's regions):
///
/// 1. standardise: y_ij = (x_ij − x̄_j)/s_j with the sample standard deviation (m − 1), negated for a
///    negative indicator;
/// 2. the correlation matrix C = YᵀY/(m − 1) and its eigen-decomposition C v_c = λ_c v_c,
///    λ_1 ≥ λ_2 ≥ … (unit-norm v_c);
/// 3. retain components by ``Retention`` (default: Kaiser, λ_c > 1; at least one is always kept);
/// 4. scores F_ic = Σ_j v_jc y_ij (variance λ_c);
/// 5. index_i = Σ_{c retained} (λ_c / Σ_{retained} λ) F_ic, i.e. the weights are the retained
///    components' shares of the retained variance (they sum to 1). Equivalently index_i = Σ_j β_j y_ij
///    with β_j = Σ_c (λ_c/Σλ) v_jc, reported as ``Sample/indicatorWeights``.
///
/// **Sign convention.** An eigenvector is defined up to sign; each v_c is oriented so that Σ_j v_jc > 0
/// (the component rises with the indicators on balance); when Σ_j v_jc = 0 to 1e-12, the entry of
/// largest |v_jc| (the first such) is made positive. The index has mean 0 over its sample.
public enum PrincipalComponentIndex {
    /// Which components to keep.
    public enum Retention: Sendable, Equatable, Codable {
        /// λ_c > threshold (Kaiser: 1).
        case eigenvalueAbove(Double)
        /// The fewest leading components whose cumulative share of Σλ = J reaches the value (e.g. 0.85).
        case cumulativeShare(Double)
        /// The first k components.
        case count(Int)

        public static let `default` = Retention.eigenvalueAbove(1)
    }

    public struct Options: Sendable, Equatable, Codable {
        public var retention = Retention.default
        /// Components year by year rather than pooled (default false: pooled).
        public var byYear = false

        public init() {}
    }

    public struct Sample: Sendable, Equatable, Codable {
        public let year: Int?
        /// All J eigenvalues, descending.
        public let eigenvalues: [Double]
        /// λ_c / J for every component.
        public let varianceShares: [Double]
        /// The retained components' unit eigenvectors (oriented), `loadings[c][j]`.
        public let loadings: [[Double]]
        /// λ_c / Σ_{retained} λ.
        public let componentWeights: [Double]
        /// β_j: the index as a weighted sum of the standardised indicators.
        public let indicatorWeights: [Double]
        /// Mean and standard deviation used to standardise each indicator.
        public let means: [Double]
        public let standardDeviations: [Double]
        public let rows: [Int]
    }

    public struct Result: Sendable, Equatable, Codable {
        public let indicatorNames: [String]
        public let index: [Double]
        public let samples: [Sample]
        public let options: Options
    }

    public static func compute(_ panel: IndicatorPanel, options: Options = Options()) throws -> Result {
        switch options.retention {
        case .eigenvalueAbove(let threshold):
            guard threshold.isFinite, threshold >= 0 else { throw IndexError.invalidOption(name: "retention", reason: "the eigenvalue threshold must be finite and ≥ 0") }
        case .cumulativeShare(let share):
            guard share > 0, share <= 1 else { throw IndexError.invalidOption(name: "retention", reason: "the cumulative share must lie in (0, 1], not \(share)") }
        case .count(let count):
            guard count >= 1, count <= panel.indicatorCount else {
                throw IndexError.invalidOption(name: "retention", reason: "the component count must lie in [1, \(panel.indicatorCount)], not \(count)")
            }
        }
        let indicators = panel.indicatorCount
        var index = [Double](repeating: .nan, count: panel.rowCount)
        var samples: [Sample] = []
        for group in panel.groups(pooled: !options.byYear) {
            try panel.requireRows(group.rows, year: group.year, required: 3)
            let m = Double(group.rows.count)
            var means: [Double] = [], deviations: [Double] = []
            var standardized = [[Double]](repeating: [Double](repeating: 0, count: indicators), count: group.rows.count)
            for column in 0..<indicators {
                let values = group.rows.map { panel.values[$0][column] }
                let mean = values.reduce(0, +) / m
                let deviation = (values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (m - 1)).squareRoot()
                guard deviation > 0, values.contains(where: { $0 != values[0] }) else {
                    throw IndexError.constantIndicator(indicator: panel.indicatorNames[column], year: group.year, value: values[0])
                }
                means.append(mean)
                deviations.append(deviation)
                for position in values.indices {
                    let y = (values[position] - mean) / deviation
                    standardized[position][column] = panel.negative[column] ? -y : y
                }
            }
            var correlation = Matrix(rows: indicators, columns: indicators)
            for first in 0..<indicators {
                for second in 0...first {
                    var sum = 0.0
                    for row in standardized { sum += row[first] * row[second] }
                    correlation[first, second] = sum / (m - 1)
                    correlation[second, first] = sum / (m - 1)
                }
            }
            let decomposition: (values: [Double], vectors: Matrix)
            do {
                decomposition = try correlation.symmetricEigen()
            } catch {
                throw IndexError.numericalFailure(year: group.year, reason: "the eigen decomposition of the correlation matrix failed (\(error))")
            }
            let order = Array((0..<indicators).reversed())
            let eigenvalues = order.map { decomposition.values[$0] }
            let retained = retainedCount(eigenvalues, rule: options.retention)
            var loadings: [[Double]] = []
            for component in 0..<retained {
                var vector = decomposition.vectors.column(order[component])
                let sum = vector.reduce(0, +)
                let flip: Bool
                if abs(sum) > 1e-12 {
                    flip = sum < 0
                } else {
                    let largest = vector.indices.max { abs(vector[$0]) < abs(vector[$1]) || (abs(vector[$0]) == abs(vector[$1]) && $0 > $1) } ?? 0
                    flip = vector[largest] < 0
                }
                if flip { vector = vector.map { -$0 } }
                loadings.append(vector)
            }
            let retainedTotal = eigenvalues.prefix(retained).reduce(0, +)
            let componentWeights = eigenvalues.prefix(retained).map { $0 / retainedTotal }
            var indicatorWeights = [Double](repeating: 0, count: indicators)
            for component in 0..<retained {
                for column in 0..<indicators { indicatorWeights[column] += componentWeights[component] * loadings[component][column] }
            }
            for (position, row) in group.rows.enumerated() {
                var value = 0.0
                for component in 0..<retained {
                    var score = 0.0
                    for column in 0..<indicators { score += loadings[component][column] * standardized[position][column] }
                    value += componentWeights[component] * score
                }
                index[row] = value
            }
            samples.append(Sample(year: group.year, eigenvalues: eigenvalues,
                                  varianceShares: eigenvalues.map { $0 / Double(indicators) }, loadings: loadings,
                                  componentWeights: componentWeights, indicatorWeights: indicatorWeights,
                                  means: means, standardDeviations: deviations, rows: group.rows))
        }
        return Result(indicatorNames: panel.indicatorNames, index: index, samples: samples, options: options)
    }

    /// How many leading components `rule` keeps (at least one).
    static func retainedCount(_ eigenvalues: [Double], rule: Retention) -> Int {
        switch rule {
        case .eigenvalueAbove(let threshold):
            return Swift.max(1, eigenvalues.filter { $0 > threshold }.count)
        case .cumulativeShare(let share):
            let total = eigenvalues.reduce(0, +)
            var cumulative = 0.0
            for (position, value) in eigenvalues.enumerated() {
                cumulative += value
                if cumulative / total >= share - 1e-12 { return position + 1 }
            }
            return eigenvalues.count
        case .count(let count):
            return Swift.min(count, eigenvalues.count)
        }
    }
}
