import Dispatch
import Foundation
import Numerical

/// tr(G), tr(G²), tr(GᵀG) (and ‖Gᵀ1‖², and the SAC cross traces) for G = W(I − ρW)⁻¹ =
/// (I − ρW)⁻¹W from solves with the sparse factors of I − ρW.
///
/// Exactly: G's column j is c_j = W·A⁻¹e_j, so tr(G) = Σ_j (c_j)_j and tr(GᵀG) = ‖G‖²_F =
/// Σ_j ‖c_j‖² at n solves and O(n) memory; tr(G²) = −d²/dρ² ln|A| comes from differentiating the
/// factorisation. The SAC cross traces use G's rows r_j = Wᵀ·A⁻ᵀe_j as well. Stochastically (Hutchinson 1990): for Rademacher vectors z (entries ±1 with
/// probability ½), E[zᵀGz] = tr(G), E[(Gᵀz)·(Gz)] = tr(G²), E[‖Gz‖²] = tr(GᵀG); the average over
/// m draws has standard error sd/√m.
///
/// Everything runs in the factors' elimination positions (traces and quadratic forms are
/// unchanged by the simultaneous permutation P·G·Pᵀ), eight unit vectors or probes at a time
/// (``SpatialLanes``). Blocks are spread over threads and each writes its own slot; the slots are
/// summed in block order, so the result does not depend on the thread count.
enum SpatialTraceComputation {
    /// Purpose string of the Rademacher streams (replication = draw index).
    static let hutchinsonPurpose = "spatial-jacobian-traces"

    /// Exact traces: tr(G) and tr(GᵀG) from G's columns (n solves, eight at a time), tr(G²) as
    /// −d²/dρ² ln|I − ρW| from the second-order forward-mode factorisation
    /// (``SparseLUFactorization/logDeterminantDerivatives(structure:rho:)``), which replaces the n
    /// transposed solves that G's rows would need.
    static func exact(factors: SparseLUFactorization, transposedWeights: SpatialWeights) throws -> SpatialTraces {
        let structure = factors.structure, count = structure.count
        let slots = laneSlots(items: laneBlocks(count), valuesPerItem: 2, count: count, buffers: 2) { block, buffers in
            let first = block * SparseLUFactorization.laneCount
            let lanes = min(SparseLUFactorization.laneCount, count - first)
            let solved = buffers[0], columns = buffers[1]
            setUnitVectors(solved, count: count, first: first, lanes: lanes)
            factors.solveLanes(solved)
            structure.lagLanes(solved, into: columns)              // G·e_j, j = first…
            var trace = 0.0
            for lane in 0..<lanes { trace += columns[first + lane][lane] }
            var gram = SpatialLanes()
            for position in 0..<count { gram += columns[position] * columns[position] }
            return [trace, gram.sum()]
        }
        var trace = 0.0, gram = 0.0
        for block in 0..<laneBlocks(count) {
            trace += slots[block * 2]
            gram += slots[block * 2 + 1]
        }
        let derivatives = try SparseLUFactorization.logDeterminantDerivatives(structure: structure, rho: factors.rho)
        return SpatialTraces(
            trace: trace, traceOfSquare: -derivatives.second, traceOfGram: gram,
            columnSumNormSquared: columnSumNormSquared(factors: factors, transposedWeights: transposedWeights))
    }

    /// ‖Gᵀ1‖² with Gᵀ1 = (I − ρW)⁻ᵀ·Wᵀ1: one transposed solve, exact whatever n.
    static func columnSumNormSquared(factors: SparseLUFactorization, transposedWeights: SpatialWeights) -> Double {
        let vector = factors.solved(transposedWeights.lag([Double](repeating: 1, count: factors.structure.count)), transposed: true)
        return vector.reduce(0.0) { $0 + $1 * $1 }
    }

    /// tr(G_λ·G_ρ) = Σ_j (row j of G_λ)·(column j of G_ρ) and tr(G_ρᵀ·G_λ) = Σ_j (column j of
    /// G_ρ)·(column j of G_λ), exactly at 3n solves.
    static func exactCross(rhoFactors: SparseLUFactorization, lambdaFactors: SparseLUFactorization) -> SpatialCrossTraces {
        let structure = rhoFactors.structure, count = structure.count
        let slots = laneSlots(items: laneBlocks(count), valuesPerItem: 2, count: count, buffers: 4) { block, buffers in
            let first = block * SparseLUFactorization.laneCount
            let lanes = min(SparseLUFactorization.laneCount, count - first)
            let solved = buffers[0], rhoColumns = buffers[1], lambdaColumns = buffers[2], lambdaRows = buffers[3]
            setUnitVectors(solved, count: count, first: first, lanes: lanes)
            rhoFactors.solveLanes(solved)
            structure.lagLanes(solved, into: rhoColumns)
            setUnitVectors(solved, count: count, first: first, lanes: lanes)
            lambdaFactors.solveLanes(solved)
            structure.lagLanes(solved, into: lambdaColumns)
            setUnitVectors(solved, count: count, first: first, lanes: lanes)
            lambdaFactors.solveTransposedLanes(solved)
            structure.transposedLagLanes(solved, into: lambdaRows)
            return crossForms(count: count, rhoColumns: rhoColumns, lambdaColumns: lambdaColumns, lambdaRows: lambdaRows)
                .map { $0.sum() }
        }
        var product = 0.0, transposed = 0.0
        for block in 0..<laneBlocks(count) {
            product += slots[block * 2]
            transposed += slots[block * 2 + 1]
        }
        return SpatialCrossTraces(product: product, transposedProduct: transposed)
    }

    /// Hutchinson estimates of the cross traces: (G_λᵀz)·(G_ρz) and (G_ρz)·(G_λz) averaged over
    /// the same Rademacher vectors as ``stochastic(factors:transposedWeights:draws:seed:)``.
    static func stochasticCross(
        rhoFactors: SparseLUFactorization, lambdaFactors: SparseLUFactorization, draws: Int, seed: UInt64
    ) -> SpatialCrossTraces {
        let structure = rhoFactors.structure, count = structure.count
        let width = SparseLUFactorization.laneCount
        let slots = laneSlots(items: laneBlocks(draws), valuesPerItem: 2 * width, count: count, buffers: 5) { block, buffers in
            let probes = buffers[0], solved = buffers[1]
            let rhoColumns = buffers[2], lambdaColumns = buffers[3], lambdaRows = buffers[4]
            setProbes(probes, structure: structure, seed: seed, firstDraw: block * width, draws: draws)
            solved.update(from: probes, count: count)
            rhoFactors.solveLanes(solved)
            structure.lagLanes(solved, into: rhoColumns)
            solved.update(from: probes, count: count)
            lambdaFactors.solveLanes(solved)
            structure.lagLanes(solved, into: lambdaColumns)
            solved.update(from: probes, count: count)
            lambdaFactors.solveTransposedLanes(solved)
            structure.transposedLagLanes(solved, into: lambdaRows)
            let forms = crossForms(count: count, rhoColumns: rhoColumns, lambdaColumns: lambdaColumns, lambdaRows: lambdaRows)
            return (0..<width).flatMap { lane in [forms[0][lane], forms[1][lane]] }
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
        factors: SparseLUFactorization, transposedWeights: SpatialWeights, draws: Int, seed: UInt64
    ) -> (traces: SpatialTraces, standardErrors: SpatialTraces) {
        let structure = factors.structure, count = structure.count
        let width = SparseLUFactorization.laneCount
        let slots = laneSlots(items: laneBlocks(draws), valuesPerItem: 3 * width, count: count, buffers: 4) { block, buffers in
            let probes = buffers[0], solved = buffers[1], products = buffers[2], transposedProducts = buffers[3]
            setProbes(probes, structure: structure, seed: seed, firstDraw: block * width, draws: draws)
            solved.update(from: probes, count: count)
            factors.solveLanes(solved)
            structure.lagLanes(solved, into: products)                       // G·z
            solved.update(from: probes, count: count)
            factors.solveTransposedLanes(solved)
            structure.transposedLagLanes(solved, into: transposedProducts)   // Gᵀ·z = Wᵀ·A⁻ᵀ·z
            var trace = SpatialLanes(), square = SpatialLanes(), gram = SpatialLanes()
            for position in 0..<count {
                let product = products[position]
                trace += probes[position] * product
                square += transposedProducts[position] * product
                gram += product * product
            }
            return (0..<width).flatMap { lane in [trace[lane], square[lane], gram[lane]] }
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
        let columnSums = columnSumNormSquared(factors: factors, transposedWeights: transposedWeights)
        return (means.with(columnSumNormSquared: columnSums),
                SpatialTraces(trace: errors[0], traceOfSquare: errors[1], traceOfGram: errors[2], columnSumNormSquared: 0))
    }

    /// Lane sums of (row of G_λ)·(column of G_ρ) and (column of G_ρ)·(column of G_λ).
    private static func crossForms(
        count: Int, rhoColumns: UnsafeMutablePointer<SpatialLanes>, lambdaColumns: UnsafeMutablePointer<SpatialLanes>,
        lambdaRows: UnsafeMutablePointer<SpatialLanes>
    ) -> [SpatialLanes] {
        var product = SpatialLanes(), transposed = SpatialLanes()
        for position in 0..<count {
            let rhoColumn = rhoColumns[position]
            product += lambdaRows[position] * rhoColumn
            transposed += rhoColumn * lambdaColumns[position]
        }
        return [product, transposed]
    }

    private static func laneBlocks(_ items: Int) -> Int {
        (items + SparseLUFactorization.laneCount - 1) / SparseLUFactorization.laneCount
    }

    /// Lane k holds the unit vector of position first + k (k < lanes); other lanes are zero.
    private static func setUnitVectors(_ block: UnsafeMutablePointer<SpatialLanes>, count: Int, first: Int, lanes: Int) {
        block.update(repeating: SpatialLanes(), count: count)
        for lane in 0..<lanes { block[first + lane][lane] = 1 }
    }

    /// Lane k holds draw firstDraw + k's Rademacher vector in elimination positions (zero past the
    /// last draw).
    private static func setProbes(
        _ block: UnsafeMutablePointer<SpatialLanes>, structure: SparseEliminationStructure, seed: UInt64, firstDraw: Int,
        draws: Int
    ) {
        let count = structure.count
        block.update(repeating: SpatialLanes(), count: count)
        for lane in 0..<min(SparseLUFactorization.laneCount, draws - firstDraw) {
            let probe = rademacherVector(count: count, seed: seed, draw: firstDraw + lane)
            for position in 0..<count { block[position][lane] = probe[structure.order[position]] }
        }
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

    /// Like ``parallelSlots(items:valuesPerItem:scratchCount:_:)`` for lane-block work: each
    /// worker owns `buffers` lane blocks of length `count`.
    static func laneSlots(
        items: Int, valuesPerItem: Int, count: Int, buffers: Int,
        _ body: @escaping @Sendable (Int, [UnsafeMutablePointer<SpatialLanes>]) -> [Double]
    ) -> [Double] {
        var slots = [Double](repeating: 0, count: items * valuesPerItem)
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, items))
        slots.withUnsafeMutableBufferPointer { buffer in
            let shared = SharedLaneSlots(
                buffer: buffer, items: items, valuesPerItem: valuesPerItem, count: count, buffers: buffers, workers: workers,
                body: body)
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

/// Worker w computes lane blocks w, w + W, … in its own buffers and writes only their slots.
private struct SharedLaneSlots: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<Double>
    let items: Int
    let valuesPerItem: Int
    let count: Int
    let buffers: Int
    let workers: Int
    let body: @Sendable (Int, [UnsafeMutablePointer<SpatialLanes>]) -> [Double]

    func work(_ worker: Int) {
        let blocks = (0..<buffers).map { _ in UnsafeMutablePointer<SpatialLanes>.allocate(capacity: max(count, 1)) }
        defer { blocks.forEach { $0.deallocate() } }
        var item = worker
        while item < items {
            let values = body(item, blocks)
            for (offset, value) in values.enumerated() { buffer[item * valuesPerItem + offset] = value }
            item += workers
        }
    }
}

extension SpatialTraces {
    func with(columnSumNormSquared value: Double) -> SpatialTraces {
        SpatialTraces(trace: trace, traceOfSquare: traceOfSquare, traceOfGram: traceOfGram, columnSumNormSquared: value)
    }
}
