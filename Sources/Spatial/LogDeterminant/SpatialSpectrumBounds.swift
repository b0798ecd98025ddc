import Foundation
import Numerical

/// The admissible interval (1/λ_min, 1/λ_max) of ρ without a dense eigen-decomposition of W.
///
/// * λ_max: 1 for a row-standardised W (the Perron root of a non-negative matrix whose rows sum
///   to 1). Otherwise the Lanczos estimate below when W is symmetrisable, else the bound
///   λ_max ≤ max_i Σ_j w_ij (spectral radius ≤ the largest row sum).
/// * λ_min: when W is *symmetrisable* — W = D⁻¹C with C symmetric and D positive diagonal, as for
///   a row-standardised symmetric contiguity or distance matrix (d_i = Σ_j c_ij) — its eigenvalues
///   are real and equal those of S = D^{1/2}·W·D^{−1/2} = D^{−1/2}·C·D^{−1/2}, so m steps of
///   Lanczos with full reorthogonalisation on S give Ritz values θ; θ_min − |β_m·y_{m,min}| (the
///   residual bound) is taken as λ_min, and used only when that residual is below 10⁻⁶.
///   Otherwise (kNN weights are not symmetrisable; their spectrum is complex) λ_min is bounded
///   by −1 for a row-standardised W (the spectral radius is 1), which gives the interval (−1, 1):
///   the search interval R's spatialreg uses by default for its "LU", "MC" and "Chebyshev"
///   methods when it has no eigenvalues (`interval = c(-1, 0.999)`; its manual notes that
///   `interval` may need setting when W is not row-standardised). (−1, 1) always lies inside
///   the admissible interval of a row-standardised W, so it never admits a singular I − ρW.
struct SpatialSpectrumBounds: Sendable {
    let interval: SpatialInterval
    /// How the interval was obtained, for ``SpatialJacobian/methodDescription``.
    let description: String

    /// Lanczos steps (at most n).
    static let lanczosSteps = 120
    /// Largest accepted residual bound of the extreme Ritz values.
    static let residualTolerance = 1e-6

    init(weights: SpatialWeights, seed: UInt64) throws {
        let rowSums = weights.rowSums
        let rowStandardized = weights.isRowStandardized && weights.islands.isEmpty
        let largestRowSum = rowSums.max() ?? 0
        guard largestRowSum > 0 else {
            throw LogDeterminantError.unsupportedWeights("W has no positive weight")
        }
        if let symmetrizer = Self.symmetrizer(weights),
           let ritz = Self.lanczosExtremes(weights: weights, symmetrizer: symmetrizer, seed: seed) {
            let lower = ritz.minimum < 0 ? 1 / ritz.minimum : -Double.infinity
            let upper = rowStandardized ? 1 : 1 / ritz.maximum
            interval = SpatialInterval(lower: lower, upper: upper)
            description = "λ_min = \(Self.format(ritz.minimum)) by Lanczos (W symmetrisable), "
                + (rowStandardized ? "λ_max = 1 (row-standardised)" : "λ_max = \(Self.format(ritz.maximum)) by Lanczos")
            return
        }
        if rowStandardized {
            interval = SpatialInterval(lower: -1, upper: 1)
            description = "interval (−1, 1) from the spectral radius 1 of a row-standardised W (λ_min not computed)"
        } else {
            interval = SpatialInterval(lower: -1 / largestRowSum, upper: 1 / largestRowSum)
            description = "interval ±1/\(Self.format(largestRowSum)) from the largest row sum (a bound on the spectral radius)"
        }
    }

    private static func format(_ value: Double) -> String { String(format: "%.6f", value) }

    /// d with d_i·w_ij = d_j·w_ji for every pair (W = D⁻¹C, C = D·W symmetric), or nil when none
    /// exists (pattern not symmetric, or the ratios disagree around a cycle by more than 10⁻¹⁰).
    static func symmetrizer(_ weights: SpatialWeights) -> [Double]? {
        let transpose = weights.transposed
        guard transpose.rowStarts == weights.rowStarts, transpose.columnIndices == weights.columnIndices else { return nil }
        let count = weights.unitCount
        var scale = [Double](repeating: 0, count: count)
        var queue: [Int] = []
        for root in 0..<count where scale[root] == 0 {
            scale[root] = 1
            queue.append(root)
            var head = queue.count - 1
            while head < queue.count {
                let unit = queue[head]
                head += 1
                for index in weights.rowStarts[unit]..<weights.rowStarts[unit + 1] {
                    let neighbour = weights.columnIndices[index]
                    if scale[neighbour] == 0 {
                        scale[neighbour] = scale[unit] * weights.values[index] / transpose.values[index]
                        queue.append(neighbour)
                    }
                }
            }
        }
        for unit in 0..<count {
            for index in weights.rowStarts[unit]..<weights.rowStarts[unit + 1] {
                let neighbour = weights.columnIndices[index]
                let forward = scale[unit] * weights.values[index], backward = scale[neighbour] * transpose.values[index]
                if abs(forward - backward) > 1e-10 * max(forward, backward) { return nil }
            }
        }
        return scale
    }

    /// The smallest and largest eigenvalue bounds of S = D^{1/2}·W·D^{−1/2} by Lanczos with full
    /// reorthogonalisation from a seeded Rademacher start, or nil when the residuals exceed the tolerance.
    static func lanczosExtremes(weights: SpatialWeights, symmetrizer: [Double], seed: UInt64) -> (minimum: Double, maximum: Double)? {
        let count = weights.unitCount
        let steps = min(count, lanczosSteps)
        let root = symmetrizer.map { $0.squareRoot() }
        func applySymmetric(_ vector: [Double]) -> [Double] {
            // S·v = D^{1/2}·W·(D^{−1/2}·v)
            let scaled = (0..<count).map { vector[$0] / root[$0] }
            let product = weights.lag(scaled)
            return (0..<count).map { product[$0] * root[$0] }
        }
        var start = SpatialTraceComputation.rademacherVector(count: count, seed: seed, draw: 0, purpose: "spatial-lanczos-start")
        let startNorm = Double(count).squareRoot()
        for index in 0..<count { start[index] /= startNorm }
        var basis: [[Double]] = [start]
        var alphas: [Double] = [], betas: [Double] = []
        var lastBeta = 0.0
        for step in 0..<steps {
            var next = applySymmetric(basis[step])
            let alpha = zip(next, basis[step]).reduce(0.0) { $0 + $1.0 * $1.1 }
            alphas.append(alpha)
            // Full reorthogonalisation (twice, "twice is enough").
            for _ in 0..<2 {
                for vector in basis {
                    let projection = zip(next, vector).reduce(0.0) { $0 + $1.0 * $1.1 }
                    for index in 0..<count { next[index] -= projection * vector[index] }
                }
            }
            let beta = next.reduce(0.0) { $0 + $1 * $1 }.squareRoot()
            lastBeta = beta
            if beta <= 1e-12 || step == steps - 1 { break }
            betas.append(beta)
            basis.append(next.map { $0 / beta })
        }
        let size = alphas.count
        var tridiagonal = Matrix(rows: size, columns: size)
        for index in 0..<size {
            tridiagonal[index, index] = alphas[index]
            if index + 1 < size {
                tridiagonal[index, index + 1] = betas[index]
                tridiagonal[index + 1, index] = betas[index]
            }
        }
        guard let eigen = try? tridiagonal.symmetricEigen(), let first = eigen.values.first, let last = eigen.values.last else {
            return nil
        }
        let lowResidual = abs(lastBeta * eigen.vectors[size - 1, 0])
        let highResidual = abs(lastBeta * eigen.vectors[size - 1, size - 1])
        guard lowResidual <= residualTolerance, highResidual <= residualTolerance else { return nil }
        return (first - lowResidual, last + highResidual)
    }
}
