/// Stochastic estimates of tr(P_k(W̃)), k = 0…q, for a family of matrix polynomials P_k (powers
/// W̃^k or Chebyshev polynomials T_k(W̃)) of the scaled W̃ = W/σ, kept draw by draw so that a
/// linear combination Σ_k c_k tr(P_k) has a mean and a standard error over the draws.
///
/// Draw r uses the Rademacher vector z_r of the Philox stream (seed, replication r,
/// ``purpose``), for which E[z_rᵀ·A·z_r] = tr(A) (Hutchinson 1990; Barry & Pace 1999 use Gaussian
/// z and the ratio n·zᵀAz / zᵀz, which has the same expectation and a larger variance for the
/// sparse W of spatial work). The first orders, where exact values are cheap, replace the
/// estimates in every draw: tr(P_0) = n, tr(W̃) = 0 (zero diagonal) and tr(W̃²) = Σ_ij w̃_ij·w̃_ji.
struct TraceProbes: Sendable {
    enum Family: Sendable { case powers, chebyshev }

    static let purpose = "spatial-logdet-probes"

    let family: Family
    let order: Int
    let draws: Int
    let unitCount: Int
    /// `forms[r * (order + 1) + k]` = the estimate of tr(P_k) from draw r (exact ones copied).
    let forms: [Double]

    init(weights: SpatialWeights, scale: Double, family: Family, order: Int, draws: Int, seed: UInt64) {
        let count = weights.unitCount
        self.family = family
        self.order = order
        self.draws = draws
        self.unitCount = count
        let width = order + 1
        // Exact low-order traces of W̃ = W/σ.
        var traceOfSquare = 0.0
        let transpose = weights.transposed
        for row in 0..<count {
            // Σ_j w_ij·w_ji: walk row i of W and row i of Wᵀ (= column i of W) together.
            var other = transpose.rowStarts[row]
            for index in weights.rowStarts[row]..<weights.rowStarts[row + 1] {
                let column = weights.columnIndices[index]
                while other < transpose.rowStarts[row + 1], transpose.columnIndices[other] < column { other += 1 }
                if other < transpose.rowStarts[row + 1], transpose.columnIndices[other] == column {
                    traceOfSquare += weights.values[index] * transpose.values[other]
                }
            }
        }
        traceOfSquare /= scale * scale
        let n = Double(count)
        let exact: [Double] = switch family {
        case .powers: [n, 0, traceOfSquare]
        case .chebyshev: [n, 0, 2 * traceOfSquare - n]
        }
        let slots = SpatialTraceComputation.parallelSlots(items: draws, valuesPerItem: width, scratchCount: 0) { draw, _ in
            let probe = SpatialTraceComputation.rademacherVector(count: count, seed: seed, draw: draw, purpose: Self.purpose)
            var values = [Double](repeating: 0, count: width)
            for k in 0..<min(width, exact.count) { values[k] = exact[k] }
            guard width > 3 else { return values }
            // previous = P_{k−1}·z, current = P_k·z, starting from k = 1; three buffers rotate.
            var previous = probe
            var current = weights.lag(probe).map { $0 / scale }
            var next = [Double](repeating: 0, count: count)
            for k in 2..<width {
                current.withUnsafeBufferPointer { source in
                    next.withUnsafeMutableBufferPointer { target in
                        weights.lag(source, into: target)
                        switch family {
                        case .powers:
                            for index in 0..<count { target[index] = target[index] / scale }
                        case .chebyshev:
                            previous.withUnsafeBufferPointer { earlier in
                                for index in 0..<count { target[index] = 2 * target[index] / scale - earlier[index] }
                            }
                        }
                    }
                }
                swap(&previous, &current)
                swap(&current, &next)
                if k >= 3 {
                    var form = 0.0
                    for index in 0..<count { form += probe[index] * current[index] }
                    values[k] = form
                }
            }
            return values
        }
        self.forms = slots
    }

    /// The mean over draws of Σ_k coefficients[k]·tr(P_k), and its standard error sd/√m.
    func combination(_ coefficients: [Double]) -> (estimate: Double, standardError: Double) {
        let width = order + 1
        var perDraw = [Double](repeating: 0, count: draws)
        for draw in 0..<draws {
            var sum = 0.0
            for k in 0..<min(width, coefficients.count) { sum += coefficients[k] * forms[draw * width + k] }
            perDraw[draw] = sum
        }
        let mean = perDraw.reduce(0, +) / Double(draws)
        guard draws > 1 else { return (mean, .infinity) }
        let variance = perDraw.reduce(0.0) { $0 + ($1 - mean) * ($1 - mean) } / Double(draws - 1)
        return (mean, (variance / Double(draws)).squareRoot())
    }

    /// The mean estimate of tr(P_k) over the draws.
    func meanTrace(_ k: Int) -> Double {
        let width = order + 1
        return (0..<draws).reduce(0.0) { $0 + forms[$1 * width + k] } / Double(draws)
    }
}
