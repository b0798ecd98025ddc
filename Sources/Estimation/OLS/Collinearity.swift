import Numerical

/// Detection of regressors that are (numerically) linear combinations of the fixed effects or of
/// the regressors before them, in formula order, as fixest's `collin.tol` does.
enum Collinearity {
    /// The indices of regressors to keep, and a reason for each one dropped.
    ///
    /// Regressor j is dropped when the squared norm of the part of its demeaned column that the kept
    /// regressors before it do not explain, G_jj − G_jK G_KK⁻¹ G_Kj, is at most `tolerance` × ‖x_j‖²,
    /// where ‖x_j‖² is the squared norm of the column before demeaning. A demeaned column that is
    /// already that small is collinear with the fixed effects.
    static func select(gram: Matrix, rawSquaredNorms: [Double], names: [String], fixedEffectNames: [String],
                       tolerance: Double) -> (kept: [Int], dropped: [DroppedRegressor]) {
        var kept: [Int] = [], dropped: [DroppedRegressor] = []
        for j in 0..<gram.rows {
            let scale = max(rawSquaredNorms[j], .leastNormalMagnitude)
            let own = gram[j, j]
            if own <= tolerance * scale {
                let reason = fixedEffectNames.isEmpty
                    ? "has no variation (all zero)"
                    : "collinear with the fixed effects \(fixedEffectNames.joined(separator: " + "))"
                dropped.append(DroppedRegressor(name: names[j], reason: reason))
                continue
            }
            var unexplained = own
            if !kept.isEmpty, let residual = unexplainedSquaredNorm(of: j, given: kept, gram: gram) {
                unexplained = residual
            }
            if unexplained <= tolerance * scale {
                dropped.append(DroppedRegressor(
                    name: names[j], reason: "collinear with \(kept.map { names[$0] }.joined(separator: ", "))"))
            } else {
                kept.append(j)
            }
        }
        return (kept, dropped)
    }

    /// G_jj − G_jK G_KK⁻¹ G_Kj, or nil when G_KK is not positive definite.
    private static func unexplainedSquaredNorm(of j: Int, given kept: [Int], gram: Matrix) -> Double? {
        var block = Matrix(rows: kept.count, columns: kept.count)
        for (a, row) in kept.enumerated() {
            for (b, column) in kept.enumerated() { block[a, b] = gram[row, column] }
        }
        let cross = kept.map { gram[$0, j] }
        guard let solution = try? block.solveCholesky(cross) else { return nil }
        return gram[j, j] - zip(cross, solution).reduce(0) { $0 + $1.0 * $1.1 }
    }
}
