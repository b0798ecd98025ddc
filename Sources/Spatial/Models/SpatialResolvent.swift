import Numerical

/// Products with (I − ρW)⁻¹ without forming it: v = Σ_k ρ^k W^k x by the Neumann series when
/// |ρ|·max_i Σ_j |w_ij| < 1 (always for |ρ| < 1 and a row-standardised W), else a dense solve.
enum SpatialResolvent {
    /// (I − ρW)⁻¹x for a vector of n values.
    /// - Parameter rowSumNorm: max_i Σ_j w_ij when the caller has it (W's row sums are otherwise
    ///   computed here; a panel solve computes them once for all periods).
    static func solve(_ weights: SpatialWeights, rho: Double, _ vector: [Double], rowSumNorm: Double? = nil) throws -> [Double] {
        let norm = rowSumNorm ?? (weights.rowSums.max() ?? 0)
        if abs(rho) * norm < 0.995 {
            var result = vector
            var term = vector
            for _ in 0..<100_000 {
                term = weights.lag(term).map { $0 * rho }
                var change = 0.0, size = 0.0
                for index in 0..<result.count {
                    result[index] += term[index]
                    change = Swift.max(change, abs(term[index]))
                    size = Swift.max(size, abs(result[index]))
                }
                if change <= 1e-16 * Swift.max(size, 1e-300) { return result }
            }
        }
        guard weights.unitCount <= DenseEigenJacobian.maximumUnits else {
            throw SpatialError.unavailable("(I − ρW)⁻¹x at ρ = \(rho) needs a dense solve, too large for n = \(weights.unitCount)")
        }
        let count = weights.unitCount
        var system = weights.denseElements().map { -rho * $0 }
        for index in 0..<count { system[index * count + index] += 1 }
        return try Matrix(rows: count, columns: count, elements: system).solve(vector)
    }

    /// (I_T ⊗ (I − ρW)⁻¹)x for a panel vector stacked by period.
    static func panelSolve(_ weights: SpatialWeights, rho: Double, _ vector: [Double]) throws -> [Double] {
        let count = weights.unitCount
        let norm = weights.rowSums.max() ?? 0
        var result: [Double] = []
        result.reserveCapacity(vector.count)
        for period in 0..<(vector.count / count) {
            result += try solve(weights, rho: rho, Array(vector[(period * count)..<((period + 1) * count)]), rowSumNorm: norm)
        }
        return result
    }
}
