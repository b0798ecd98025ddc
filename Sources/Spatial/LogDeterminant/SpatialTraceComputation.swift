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

/// tr(G), tr(G²), tr(GᵀG) (and ‖Gᵀ1‖², and the SAC cross traces) for G = W(I − ρW)⁻¹ =
/// (I − ρW)⁻¹W from solves with I − ρW.
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
        return sum(slots, items: count).with(
            columnSumNormSquared: columnSumNormSquared(solver: solver, transposedWeights: transposedWeights))
    }

    /// ‖Gᵀ1‖² with Gᵀ1 = (I − ρW)⁻ᵀ·Wᵀ1: one transposed solve, exact whatever n.
    static func columnSumNormSquared(solver: some SpatialSystemSolver, transposedWeights: SpatialWeights) -> Double {
        let count = solver.unitCount
        var vector = transposedWeights.lag([Double](repeating: 1, count: count))
        var scratch = [Double](repeating: 0, count: count)
        vector.withUnsafeMutableBufferPointer { buffer in
            scratch.withUnsafeMutableBufferPointer { solver.solveTransposed(buffer, scratch: $0) }
        }
        return vector.reduce(0.0) { $0 + $1 * $1 }
    }

    /// tr(G_λ·G_ρ) = Σ_j (row j of G_λ)·(column j of G_ρ) and tr(G_ρᵀ·G_λ) = Σ_j (column j of
    /// G_ρ)·(column j of G_λ), exactly at 3n solves.
    static func exactCross(
        rhoSolver: some SpatialSystemSolver & Sendable, lambdaSolver: some SpatialSystemSolver & Sendable,
        weights: SpatialWeights, transposedWeights: SpatialWeights
    ) -> SpatialCrossTraces {
        let count = rhoSolver.unitCount
        let slots = parallelSlots(items: count, valuesPerItem: 2, scratchCount: count) { unit, scratch in
            var rhoColumn = [Double](repeating: 0, count: count)
            rhoColumn[unit] = 1
            var lambdaColumn = rhoColumn, lambdaRow = rhoColumn
            rhoColumn.withUnsafeMutableBufferPointer { rhoSolver.solve($0, scratch: scratch) }
            lambdaColumn.withUnsafeMutableBufferPointer { lambdaSolver.solve($0, scratch: scratch) }
            lambdaRow.withUnsafeMutableBufferPointer { lambdaSolver.solveTransposed($0, scratch: scratch) }
            let gRho = weights.lag(rhoColumn), gLambda = weights.lag(lambdaColumn)
            let gLambdaRow = transposedWeights.lag(lambdaRow)
            var product = 0.0, transposed = 0.0
            for index in 0..<count {
                product += gLambdaRow[index] * gRho[index]
                transposed += gRho[index] * gLambda[index]
            }
            return [product, transposed]
        }
        var product = 0.0, transposed = 0.0
        for unit in 0..<count {
            product += slots[unit * 2]
            transposed += slots[unit * 2 + 1]
        }
        return SpatialCrossTraces(product: product, transposedProduct: transposed)
    }

    /// Hutchinson estimates of the cross traces: (G_λᵀz)·(G_ρz) and (G_ρz)·(G_λz) averaged over
    /// the same Rademacher vectors as ``stochastic(solver:weights:transposedWeights:draws:seed:)``.
    static func stochasticCross(
        rhoSolver: some SpatialSystemSolver & Sendable, lambdaSolver: some SpatialSystemSolver & Sendable,
        weights: SpatialWeights, transposedWeights: SpatialWeights, draws: Int, seed: UInt64
    ) -> SpatialCrossTraces {
        let count = rhoSolver.unitCount
        let slots = parallelSlots(items: draws, valuesPerItem: 2, scratchCount: count) { draw, scratch in
            let probe = rademacherVector(count: count, seed: seed, draw: draw)
            var rhoSolved = probe, lambdaSolved = probe, lambdaTransposed = probe
            rhoSolved.withUnsafeMutableBufferPointer { rhoSolver.solve($0, scratch: scratch) }
            lambdaSolved.withUnsafeMutableBufferPointer { lambdaSolver.solve($0, scratch: scratch) }
            lambdaTransposed.withUnsafeMutableBufferPointer { lambdaSolver.solveTransposed($0, scratch: scratch) }
            let gRho = weights.lag(rhoSolved), gLambda = weights.lag(lambdaSolved)
            let gLambdaTransposed = transposedWeights.lag(lambdaTransposed)
            var product = 0.0, transposed = 0.0
            for index in 0..<count {
                product += gLambdaTransposed[index] * gRho[index]
                transposed += gRho[index] * gLambda[index]
            }
            return [product, transposed]
        }
        var product = 0.0, transposed = 0.0
        for draw in 0..<draws {
            product += slots[draw * 2]
            transposed += slots[draw * 2 + 1]
        }
        return SpatialCrossTraces(product: product / Double(draws), transposedProduct: transposed / Double(draws))
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
        let columnSums = columnSumNormSquared(solver: solver, transposedWeights: transposedWeights)
        return (means.with(columnSumNormSquared: columnSums),
                SpatialTraces(trace: errors[0], traceOfSquare: errors[1], traceOfGram: errors[2], columnSumNormSquared: 0))
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

extension SpatialTraces {
    func with(columnSumNormSquared value: Double) -> SpatialTraces {
        SpatialTraces(trace: trace, traceOfSquare: traceOfSquare, traceOfGram: traceOfGram, columnSumNormSquared: value)
    }
}
