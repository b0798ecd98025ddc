/// The numerical core: weighted alternating projections on the FE coefficients with
/// Irons–Tuck acceleration, for one column at a time.
///
/// Layout: the coefficients of all factors live in one array; factor g occupies
/// `offsets[g] ..< offsets[g] + levels[g]`. `slots[g * rows + i]` = `offsets[g] + code_g(i)`,
/// so a gather is a single indexed load.
///
/// For factor q, given the others, the least-squares coefficients are the weighted group means
///
///     α_q[l] = ( Σ_{i: c_q(i) = l} w_i y_i − Σ_{i: c_q(i) = l} w_i Σ_{g≠q} α_g[c_g(i)] ) / Σ_{i: c_q(i) = l} w_i,
///
/// computed in one pass over the rows. A sweep F recomputes α_Q, α_{Q−1}, …, α₁ in that order
/// (Gauss–Seidel), starting from α₁…α_{Q−1}; the state iterated and accelerated is α₁…α_{Q−1}.
struct ProjectionKernel: Sendable {
    let rows: Int
    let factorCount: Int
    let levels: [Int]
    let offsets: [Int]
    let totalLevels: Int
    let slots: [Int32]
    /// Weights in the internal row order.
    let weights: [Double]?
    /// `rowOrder[k]` is the caller's row at internal position k.
    let rowOrder: [Int]
    /// 1 / Σ w over each level (0 for empty levels), indexed like the coefficients.
    let inverseWeightSums: [Double]

    init(factors: [FactorCodes], weights: [Double]?) {
        rows = factors.first?.codes.count ?? 0
        factorCount = factors.count
        levels = factors.map(\.levelCount)
        var offsets = [Int]()
        var total = 0
        for count in levels {
            offsets.append(total)
            total += count
        }
        self.offsets = offsets
        totalLevels = total
        let order = Self.rowOrder(factors)
        rowOrder = order
        var slots = [Int32](repeating: 0, count: rows * factors.count)
        var sums = [Double](repeating: 0, count: total)
        for (g, factor) in factors.enumerated() {
            let base = Int32(offsets[g])
            for i in 0..<rows {
                let slot = base + factor.codes[order[i]]
                slots[g * rows + i] = slot
                sums[Int(slot)] += weights?[order[i]] ?? 1
            }
        }
        self.slots = slots
        self.weights = weights.map { w in order.map { w[$0] } }
        inverseWeightSums = sums.map { $0 > 0 ? 1 / $0 : 0 }
    }

    /// Internal row order: rows sorted (stably, by counting sort) by their level of the factor with
    /// the most levels, so that factor's scatter and gather walk memory sequentially. Results are
    /// returned in the caller's order.
    private static func rowOrder(_ factors: [FactorCodes]) -> [Int] {
        guard let largest = factors.max(by: { $0.levelCount < $1.levelCount }) else { return [] }
        var starts = [Int](repeating: 0, count: largest.levelCount + 1)
        for code in largest.codes { starts[Int(code) + 1] += 1 }
        for l in 0..<largest.levelCount { starts[l + 1] += starts[l] }
        var order = [Int](repeating: 0, count: largest.codes.count)
        for (row, code) in largest.codes.enumerated() {
            order[starts[Int(code)]] = row
            starts[Int(code)] += 1
        }
        return order
    }

    /// `column` in the internal row order.
    func permuted(_ column: [Double]) -> [Double] {
        rowOrder.map { column[$0] }
    }

    /// Solves one column. Returns all coefficients (layout above), the iteration count and convergence.
    func solve(_ column: [Double], options: DemeaningOptions) -> (coefficients: [Double], iterations: Int, converged: Bool) {
        let y = permuted(column)
        var weightedSums = [Double](repeating: 0, count: totalLevels)
        slots.withUnsafeBufferPointer { slot in
            y.withUnsafeBufferPointer { y in
                weightedSums.withUnsafeMutableBufferPointer { sums in
                    for g in 0..<factorCount {
                        let base = g * rows
                        if let weights {
                            weights.withUnsafeBufferPointer { w in
                                for i in 0..<rows { sums[Int(slot[base + i])] += w[i] * y[i] }
                            }
                        } else {
                            for i in 0..<rows { sums[Int(slot[base + i])] += y[i] }
                        }
                    }
                }
            }
        }
        var alpha = [Double](repeating: 0, count: totalLevels)
        if factorCount == 1 {
            for l in 0..<totalLevels { alpha[l] = weightedSums[l] * inverseWeightSums[l] }
            return (alpha, 1, true)
        }
        let stateCount = offsets[factorCount - 1]
        var x = [Double](repeating: 0, count: stateCount)
        var gx = x, ggx = x
        sweep(from: x, into: &gx, alpha: &alpha, sums: weightedSums)
        var iterations = 1
        var keepGoing = Self.shouldContinue(x, gx, tolerance: options.tolerance)
        while keepGoing && iterations < options.maximumIterations {
            iterations += 1
            if options.acceleration {
                sweep(from: gx, into: &ggx, alpha: &alpha, sums: weightedSums)
                if Self.ironsTuck(&x, gx, ggx) {
                    keepGoing = false
                    break
                }
                sweep(from: x, into: &gx, alpha: &alpha, sums: weightedSums)
            } else {
                swap(&x, &gx)
                sweep(from: x, into: &gx, alpha: &alpha, sums: weightedSums)
            }
            keepGoing = Self.shouldContinue(x, gx, tolerance: options.tolerance)
        }
        return (alpha, iterations, !keepGoing)
    }

    /// fixest's `continue_crit`: true while some coordinate moved by more than `tolerance`
    /// both absolutely and relative to `0.1 + |x_j|`.
    static func shouldContinue(_ x: [Double], _ gx: [Double], tolerance: Double) -> Bool {
        for j in 0..<x.count {
            let change = abs(x[j] - gx[j])
            if change > tolerance && change / (0.1 + abs(x[j])) > tolerance { return true }
        }
        return false
    }

    /// One Irons–Tuck step: x ← GGX − (⟨Δ, Δ²⟩ / ‖Δ²‖²) Δ with Δ = GGX − GX, Δ² = Δ − GX + X.
    /// Returns true when ‖Δ²‖ = 0 (fixed point reached); x is then set to GGX.
    static func ironsTuck(_ x: inout [Double], _ gx: [Double], _ ggx: [Double]) -> Bool {
        var product = 0.0, squares = 0.0
        for j in 0..<x.count {
            let delta = ggx[j] - gx[j]
            let delta2 = delta - gx[j] + x[j]
            product += delta * delta2
            squares += delta2 * delta2
        }
        if squares == 0 || !squares.isFinite {
            x = ggx
            return true
        }
        let coefficient = product / squares
        for j in 0..<x.count { x[j] = ggx[j] - coefficient * (ggx[j] - gx[j]) }
        return false
    }

    /// F: from the state `x` (α₁…α_{Q−1}), recompute α_Q, α_{Q−1}, …, α₁ into `alpha`, and copy
    /// the new α₁…α_{Q−1} into `out`.
    func sweep(from x: [Double], into out: inout [Double], alpha: inout [Double], sums: [Double]) {
        let stateCount = x.count
        alpha.withUnsafeMutableBufferPointer { alpha in
            for j in 0..<stateCount { alpha[j] = x[j] }
            for q in stride(from: factorCount - 1, through: 0, by: -1) {
                updateFactor(q, alpha: alpha, sums: sums)
            }
            for j in 0..<stateCount { out[j] = alpha[j] }
        }
    }

    /// α_q ← weighted group means of y − Σ_{g≠q} α_g, in one pass over the rows.
    private func updateFactor(_ q: Int, alpha: UnsafeMutableBufferPointer<Double>, sums: [Double]) {
        let start = offsets[q], count = levels[q]
        for l in start..<(start + count) { alpha[l] = sums[l] }
        slots.withUnsafeBufferPointer { slot in
            let own = q * rows
            let others = (0..<factorCount).filter { $0 != q }.map { $0 * rows }
            if let weights {
                weights.withUnsafeBufferPointer { w in
                    switch others.count {
                    case 1:
                        let a = others[0]
                        for i in 0..<rows {
                            alpha[Int(slot[own + i])] -= w[i] * alpha[Int(slot[a + i])]
                        }
                    case 2:
                        let a = others[0], b = others[1]
                        for i in 0..<rows {
                            alpha[Int(slot[own + i])] -= w[i] * (alpha[Int(slot[a + i])] + alpha[Int(slot[b + i])])
                        }
                    default:
                        for i in 0..<rows {
                            var fitted = 0.0
                            for base in others { fitted += alpha[Int(slot[base + i])] }
                            alpha[Int(slot[own + i])] -= w[i] * fitted
                        }
                    }
                }
                return
            }
            switch others.count {
            case 1:
                let a = others[0]
                for i in 0..<rows {
                    alpha[Int(slot[own + i])] -= alpha[Int(slot[a + i])]
                }
            case 2:
                let a = others[0], b = others[1]
                for i in 0..<rows {
                    alpha[Int(slot[own + i])] -= alpha[Int(slot[a + i])] + alpha[Int(slot[b + i])]
                }
            default:
                for i in 0..<rows {
                    var fitted = 0.0
                    for base in others { fitted += alpha[Int(slot[base + i])] }
                    alpha[Int(slot[own + i])] -= fitted
                }
            }
        }
        inverseWeightSums.withUnsafeBufferPointer { inverse in
            for l in start..<(start + count) { alpha[l] *= inverse[l] }
        }
    }

    /// The fitted values Σ_g α_g[c_g(i)] of a full coefficient vector, in the caller's row order.
    func fitted(_ alpha: [Double]) -> [Double] {
        var result = [Double](repeating: 0, count: rows)
        slots.withUnsafeBufferPointer { slot in
            alpha.withUnsafeBufferPointer { alpha in
                rowOrder.withUnsafeBufferPointer { order in
                    result.withUnsafeMutableBufferPointer { result in
                        for i in 0..<rows {
                            var sum = 0.0
                            for g in 0..<factorCount { sum += alpha[Int(slot[g * rows + i])] }
                            result[order[i]] = sum
                        }
                    }
                }
            }
        }
        return result
    }
}
