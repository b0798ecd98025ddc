import Dispatch
import Foundation
import Numerical

/// Something that solves (I − ρW)·x = b and (I − ρW)ᵀ·x = b in place (vectors in unit order).
protocol SpatialSystemSolver {
    var unitCount: Int { get }
    func solve(_ vector: UnsafeMutableBufferPointer<Double>, scratch: UnsafeMutableBufferPointer<Double>)
    func solveTransposed(_ vector: UnsafeMutableBufferPointer<Double>, scratch: UnsafeMutableBufferPointer<Double>)
}

extension SparseLUFactorization: SpatialSystemSolver {
    var unitCount: Int { structure.count }
}

/// tr(G), tr(G²), tr(GᵀG) for G = W(I − ρW)⁻¹ = (I − ρW)⁻¹W from solves with I − ρW.
///
/// Exactly: G's column j is c_j = W·A⁻¹e_j and its row j is r_jᵀ with r_j = Wᵀ·A⁻ᵀe_j, so
/// tr(G) = Σ_j (c_j)_j, tr(G²) = Σ_j r_j·c_j and tr(GᵀG) = ‖G‖²_F = Σ_j ‖c_j‖², at 2n solves and
/// O(n) memory. Stochastically (Hutchinson 1990): for Rademacher vectors z (entries ±1 with
/// probability ½), E[zᵀGz] = tr(G), E[(Gᵀz)·(Gz)] = tr(G²), E[‖Gz‖²] = tr(GᵀG); the average over
/// m draws has standard error sd/√m. Units (exact) or draws (stochastic) are spread over threads
/// and each writes its own slot; the slots are summed in index order, so the result does not
/// depend on the thread count.
enum SpatialTraceComputation {
    /// Purpose string of the Rademacher streams (replication = draw index).
    static let hutchinsonPurpose = "spatial-jacobian-traces"

    static func exact(
        solver: some SpatialSystemSolver & Sendable, weights: SpatialWeights, transposedWeights: SpatialWeights
    ) -> SpatialTraces {
        let count = solver.unitCount
        let slots = parallelSlots(items: count, valuesPerItem: 3, scratchCount: count) { unit, scratch in
            var column = [Double](repeating: 0, count: count)
            var row = [Double](repeating: 0, count: count)
            column[unit] = 1
            row[unit] = 1
            column.withUnsafeMutableBufferPointer { solver.solve($0, scratch: scratch) }
            row.withUnsafeMutableBufferPointer { solver.solveTransposed($0, scratch: scratch) }
            let gColumn = weights.lag(column)
            let gRow = transposedWeights.lag(row)
            var gram = 0.0, square = 0.0
            for index in 0..<count {
                gram += gColumn[index] * gColumn[index]
                square += gRow[index] * gColumn[index]
            }
            return [gColumn[unit], square, gram]
        }
        return sum(slots, items: count)
    }

    /// Hutchinson estimates from `draws` Rademacher vectors; draw r uses the Philox stream
    /// (seed, replication r, ``hutchinsonPurpose``). Also returns the standard errors.
    static func stochastic(
        solver: some SpatialSystemSolver & Sendable, weights: SpatialWeights, transposedWeights: SpatialWeights,
        draws: Int, seed: UInt64
    ) -> (traces: SpatialTraces, standardErrors: SpatialTraces) {
        let count = solver.unitCount
        let slots = parallelSlots(items: draws, valuesPerItem: 3, scratchCount: count) { draw, scratch in
            let probe = rademacherVector(count: count, seed: seed, draw: draw)
            var solved = probe
            solved.withUnsafeMutableBufferPointer { solver.solve($0, scratch: scratch) }
            let gProbe = weights.lag(solved)                           // G·z
            var transposedSolved = probe
            transposedSolved.withUnsafeMutableBufferPointer { solver.solveTransposed($0, scratch: scratch) }
            let gTransposedProbe = transposedWeights.lag(transposedSolved)  // Gᵀ·z = Wᵀ·A⁻ᵀ·z
            var trace = 0.0, square = 0.0, gram = 0.0
            for index in 0..<count {
                trace += probe[index] * gProbe[index]
                square += gTransposedProbe[index] * gProbe[index]
                gram += gProbe[index] * gProbe[index]
            }
            return [trace, square, gram]
        }
        let means = sum(slots, items: draws, scale: 1 / Double(draws))
        var errors = [0.0, 0.0, 0.0]
        if draws > 1 {
            let meanValues = [means.trace, means.traceOfSquare, means.traceOfGram]
            for component in 0..<3 {
                var squares = 0.0
                for draw in 0..<draws {
                    let deviation = slots[draw * 3 + component] - meanValues[component]
                    squares += deviation * deviation
                }
                errors[component] = (squares / Double(draws - 1) / Double(draws)).squareRoot()
            }
        }
        return (means, SpatialTraces(trace: errors[0], traceOfSquare: errors[1], traceOfGram: errors[2]))
    }

    /// A vector of n independent ±1 entries from the Philox stream (seed, replication `draw`,
    /// `purpose`): entry i is +1 when bit (i mod 64) of output ⌊i/64⌋ is set.
    static func rademacherVector(count: Int, seed: UInt64, draw: Int, purpose: String = hutchinsonPurpose) -> [Double] {
        var stream = PhiloxStream(masterSeed: seed, replication: draw, purpose: purpose)
        var vector = [Double](repeating: 0, count: count)
        var bits: UInt64 = 0
        for index in 0..<count {
            if index % 64 == 0 { bits = stream.next() }
            vector[index] = (bits >> UInt64(index % 64)) & 1 == 1 ? 1 : -1
        }
        return vector
    }

    /// Runs `body(item, scratch)` for every item over the available cores (each worker with its
    /// own scratch of length `scratchCount`) and returns the values item-major.
    static func parallelSlots(
        items: Int, valuesPerItem: Int, scratchCount: Int,
        _ body: @escaping @Sendable (Int, UnsafeMutableBufferPointer<Double>) -> [Double]
    ) -> [Double] {
        var slots = [Double](repeating: 0, count: items * valuesPerItem)
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, items))
        slots.withUnsafeMutableBufferPointer { buffer in
            let shared = SharedSlots(
                buffer: buffer, items: items, valuesPerItem: valuesPerItem, scratchCount: scratchCount, workers: workers, body: body)
            DispatchQueue.concurrentPerform(iterations: workers) { worker in shared.work(worker) }
        }
        return slots
    }

    private static func sum(_ slots: [Double], items: Int, scale: Double = 1) -> SpatialTraces {
        var totals = [0.0, 0.0, 0.0]
        for item in 0..<items {
            for component in 0..<3 { totals[component] += slots[item * 3 + component] }
        }
        return SpatialTraces(trace: totals[0] * scale, traceOfSquare: totals[1] * scale, traceOfGram: totals[2] * scale)
    }

    /// Worker w computes items w, w + W, w + 2W, … and writes only their slots; the buffer outlives
    /// `concurrentPerform`.
    private struct SharedSlots: @unchecked Sendable {
        let buffer: UnsafeMutableBufferPointer<Double>
        let items: Int
        let valuesPerItem: Int
        let scratchCount: Int
        let workers: Int
        let body: @Sendable (Int, UnsafeMutableBufferPointer<Double>) -> [Double]

        func work(_ worker: Int) {
            var item = worker
            var scratch = [Double](repeating: 0, count: scratchCount)
            while item < items {
                let values = scratch.withUnsafeMutableBufferPointer { scratchBuffer in body(item, scratchBuffer) }
                for (offset, value) in values.enumerated() { buffer[item * valuesPerItem + offset] = value }
                item += workers
            }
        }
    }
}
