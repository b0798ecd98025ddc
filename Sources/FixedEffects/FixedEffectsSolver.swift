import Foundation

/// The absorbed fixed effects of an estimation sample, with their group structure precomputed.
///
/// For factors f = 1…Q with codes c_f(i) and weights w_i (1 when absent), the FE span is
/// {Σ_f α_f[c_f(i)]}. ``demean(_:options:)`` returns each column minus its weighted least-squares
/// projection on that span (the within transformation); ``coefficients(ofEffects:options:)``
/// recovers the α_f themselves. Both use ``ProjectionKernel`` (Gauss–Seidel sweeps over the
/// factors on the coefficients, Irons–Tuck accelerated, as fixest's `demean`).
public struct FixedEffectsSolver: Sendable {
    /// The factors, restricted to the estimation sample (no missing codes).
    public let factors: [FactorCodes]
    /// The weights, if any (one non-negative finite value per row).
    public let weights: [Double]?
    /// Number of rows of the estimation sample.
    public var rowCount: Int { kernel.rows }
    let kernel: ProjectionKernel

    /// Prepares the group structure.
    /// - Throws: ``FixedEffectsError`` when there is no factor, lengths differ, a code is missing
    ///   or out of range, or a weight is negative or not finite.
    public init(factors: [FactorCodes], weights: [Double]? = nil) throws(FixedEffectsError) {
        guard let first = factors.first else { throw .noFactors }
        let rows = first.codes.count
        var total = 0
        for factor in factors {
            guard factor.codes.count == rows else {
                throw .lengthMismatch(name: factor.name, expected: rows, actual: factor.codes.count)
            }
            for (row, code) in factor.codes.enumerated() where code < 0 || Int(code) >= factor.levelCount {
                if code < 0 { throw .missingCode(factor: factor.name, row: row) }
                throw .codeOutOfRange(factor: factor.name, row: row, code: code, levelCount: factor.levelCount)
            }
            total += factor.levelCount
        }
        guard total < Int(Int32.max) else { throw .tooManyLevels(total) }
        if let weights {
            guard weights.count == rows else {
                throw .lengthMismatch(name: "weights", expected: rows, actual: weights.count)
            }
            for (row, weight) in weights.enumerated() where !(weight.isFinite && weight >= 0) {
                throw .invalidWeight(row: row, value: weight)
            }
        }
        self.factors = factors
        self.weights = weights
        self.kernel = ProjectionKernel(factors: factors, weights: weights)
    }

    /// Each column minus its projection on the span of the fixed effects (the within transformation):
    /// ỹ_i = y_i − Σ_f α̂_f[c_f(i)] with α̂ = argmin Σ_i w_i (y_i − Σ_f α_f[c_f(i)])².
    ///
    /// One factor is exact in one pass (weighted group-mean subtraction, 1 iteration). Columns are
    /// solved independently, in parallel when there are several; each column's arithmetic is the
    /// same whatever the thread count, so results do not depend on it.
    /// - Throws: ``FixedEffectsError/lengthMismatch(name:expected:actual:)`` for a column of the wrong length.
    public func demean(
        _ columns: [[Double]], options: DemeaningOptions = .init()
    ) throws(FixedEffectsError) -> (columns: [[Double]], report: DemeaningReport) {
        try checkLengths(columns)
        let solutions = solveAll(columns, options: options)
        var demeaned = [[Double]]()
        demeaned.reserveCapacity(columns.count)
        for (index, column) in columns.enumerated() {
            var fitted = kernel.fitted(solutions[index].coefficients)
            for i in 0..<fitted.count { fitted[i] = column[i] - fitted[i] }
            demeaned.append(fitted)
        }
        return (demeaned, report(solutions))
    }

    /// Fixed-effect coefficients α_f (one array per factor, one value per level) with
    /// Σ_f α_f[c_f(i)] = effects_i, for `effects` = y − Xβ − residual in the span of the FE.
    ///
    /// Normalization (fixest's `fixef()` convention for identification):
    /// - factor 2: in each connected component of the (factor 1, factor 2) graph, the factor-2 level
    ///   with the smallest code is the reference, set to 0 (its value moves to factor 1's levels of
    ///   that component);
    /// - factors 3…Q: the non-empty level with the smallest code is set to 0 (its value moves to all
    ///   levels of factor 1) — exact when each (1, f) graph is connected, which fixest also assumes;
    /// - empty levels get 0.
    /// - Throws: ``FixedEffectsError/lengthMismatch(name:expected:actual:)`` if `effects` has the wrong length.
    public func coefficients(
        ofEffects effects: [Double], options: DemeaningOptions = .init()
    ) throws(FixedEffectsError) -> (coefficients: [[Double]], report: DemeaningReport) {
        try checkLengths([effects])
        let solution = kernel.solve(effects, options: options)
        var perFactor = factors.indices.map { f in
            Array(solution.coefficients[kernel.offsets[f] ..< kernel.offsets[f] + kernel.levels[f]])
        }
        normalize(&perFactor)
        return (perFactor, report([solution]))
    }

    /// Parameters the FE absorb, counted with ``AbsorbedParameters/Rule/connectedComponents``
    /// (exact for 1 and 2 factors; fixest with `fixef.force_exact = TRUE`).
    public var absorbedParameterCount: AbsorbedParameters {
        absorbedParameters(rule: .connectedComponents)
    }

    /// Parameters the FE absorb under `rule`; see ``AbsorbedParameters``.
    public func absorbedParameters(rule: AbsorbedParameters.Rule) -> AbsorbedParameters {
        AbsorbedParameters(factors: factors, rule: rule)
    }

    private func checkLengths(_ columns: [[Double]]) throws(FixedEffectsError) {
        for (index, column) in columns.enumerated() where column.count != kernel.rows {
            throw .lengthMismatch(name: "column \(index)", expected: kernel.rows, actual: column.count)
        }
    }

    private typealias Solution = (coefficients: [Double], iterations: Int, converged: Bool)

    private func solveAll(_ columns: [[Double]], options: DemeaningOptions) -> [Solution] {
        if columns.count < 2 {
            return columns.map { kernel.solve($0, options: options) }
        }
        let box = SolutionBox(count: columns.count)
        let shared = kernel
        DispatchQueue.concurrentPerform(iterations: columns.count) { index in
            box.store(shared.solve(columns[index], options: options), at: index)
        }
        return box.results()
    }

    private func report(_ solutions: [Solution]) -> DemeaningReport {
        DemeaningReport(
            iterations: solutions.map(\.iterations),
            nonConvergedColumns: solutions.indices.filter { !solutions[$0].converged })
    }

    private func normalize(_ alpha: inout [[Double]]) {
        guard factors.count >= 2 else { return }
        let sizes = factors.map(\.levelSizes)
        let labels = ConnectedComponents.componentLabels(factors[0], factors[1])
        var shift = [Double](repeating: .nan, count: labels.componentCount)
        for level in 0..<factors[1].levelCount {
            let component = labels.second[level]
            if component >= 0 && shift[component].isNaN { shift[component] = alpha[1][level] }
        }
        for level in 0..<factors[1].levelCount where labels.second[level] >= 0 {
            alpha[1][level] -= shift[labels.second[level]]
        }
        for level in 0..<factors[0].levelCount where labels.first[level] >= 0 {
            alpha[0][level] += shift[labels.first[level]]
        }
        for f in 2..<factors.count {
            guard let reference = sizes[f].firstIndex(where: { $0 > 0 }) else { continue }
            let value = alpha[f][reference]
            for level in 0..<factors[f].levelCount where sizes[f][level] > 0 { alpha[f][level] -= value }
            for level in 0..<factors[0].levelCount where sizes[0][level] > 0 { alpha[0][level] += value }
        }
        for f in factors.indices {
            for level in 0..<factors[f].levelCount where sizes[f][level] == 0 { alpha[f][level] = 0 }
        }
    }
}

/// Per-column results written by concurrent workers, each to its own slot.
private final class SolutionBox: @unchecked Sendable {
    private var slots: [(coefficients: [Double], iterations: Int, converged: Bool)?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func store(_ solution: (coefficients: [Double], iterations: Int, converged: Bool), at index: Int) {
        lock.lock()
        slots[index] = solution
        lock.unlock()
    }

    func results() -> [(coefficients: [Double], iterations: Int, converged: Bool)] {
        slots.map { $0 ?? ([], 0, false) }
    }
}
