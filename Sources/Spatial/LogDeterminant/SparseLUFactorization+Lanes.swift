/// Eight right-hand sides solved together: element p of a lane block is the p-th entry (in
/// elimination positions) of eight vectors, one per SIMD lane.
///
/// The exact traces need n solves with unit vectors and the stochastic ones a solve per probe;
/// one pass over the factors for eight vectors at once reads each stored entry of L and U once
/// instead of eight times and turns the inner update into one vector operation, which is what
/// makes the information matrix of a panel with a few thousand units cheap next to the
/// likelihood's search.
typealias SpatialLanes = SIMD8<Double>

extension SparseLUFactorization {
    /// Number of right-hand sides in a lane block.
    static let laneCount = SpatialLanes.scalarCount

    /// Solves A·X = B in place for a lane block of length n in elimination positions
    /// (P·A·Pᵀ = L·U: forward with L by rows, then backward with U by rows).
    func solveLanes(_ block: UnsafeMutablePointer<SpatialLanes>) {
        let count = structure.count
        structure.upperStarts.withUnsafeBufferPointer { upperStarts in
        structure.upperColumns.withUnsafeBufferPointer { upperColumns in
        structure.lowerStarts.withUnsafeBufferPointer { lowerStarts in
        structure.lowerColumns.withUnsafeBufferPointer { lowerColumns in
        diagonal.withUnsafeBufferPointer { diagonal in
        upperValues.withUnsafeBufferPointer { upper in
        lowerValues.withUnsafeBufferPointer { lower in
            for position in 0..<count {
                var sum = block[position]
                for index in lowerStarts[position]..<lowerStarts[position + 1] {
                    sum -= lower[index] * block[lowerColumns[index]]
                }
                block[position] = sum
            }
            for position in stride(from: count - 1, through: 0, by: -1) {
                var sum = block[position]
                for index in upperStarts[position]..<upperStarts[position + 1] {
                    sum -= upper[index] * block[upperColumns[index]]
                }
                block[position] = sum / diagonal[position]
            }
        }}}}}}}
    }

    /// Solves Aᵀ·X = B in place for a lane block in elimination positions (Uᵀ forwards, then Lᵀ
    /// backwards, both by scattering the stored rows).
    func solveTransposedLanes(_ block: UnsafeMutablePointer<SpatialLanes>) {
        let count = structure.count
        structure.upperStarts.withUnsafeBufferPointer { upperStarts in
        structure.upperColumns.withUnsafeBufferPointer { upperColumns in
        structure.lowerStarts.withUnsafeBufferPointer { lowerStarts in
        structure.lowerColumns.withUnsafeBufferPointer { lowerColumns in
        diagonal.withUnsafeBufferPointer { diagonal in
        upperValues.withUnsafeBufferPointer { upper in
        lowerValues.withUnsafeBufferPointer { lower in
            for position in 0..<count {
                let value = block[position] / diagonal[position]
                block[position] = value
                for index in upperStarts[position]..<upperStarts[position + 1] {
                    block[upperColumns[index]] -= upper[index] * value
                }
            }
            for position in stride(from: count - 1, through: 0, by: -1) {
                let value = block[position]
                for index in lowerStarts[position]..<lowerStarts[position + 1] {
                    block[lowerColumns[index]] -= lower[index] * value
                }
            }
        }}}}}}}
    }
}

extension SparseLUFactorization {
    /// A·x = b (or Aᵀ·x = b) for one vector in unit order: b in lane 0 of a lane block in elimination
    /// positions. For the few single solves (‖Gᵀ1‖², the centred cross traces); eight at a time
    /// everywhere else.
    func solved(_ vector: [Double], transposed: Bool = false) -> [Double] {
        let count = structure.count
        let block = UnsafeMutablePointer<SpatialLanes>.allocate(capacity: Swift.max(count, 1))
        defer { block.deallocate() }
        block.initialize(repeating: SpatialLanes(), count: count)
        for position in 0..<count { block[position][0] = vector[structure.order[position]] }
        if transposed { solveTransposedLanes(block) } else { solveLanes(block) }
        var result = [Double](repeating: 0, count: count)
        for position in 0..<count { result[structure.order[position]] = block[position][0] }
        return result
    }
}

extension SparseEliminationStructure {
    /// target = W·source for lane blocks in elimination positions (W's rows in that order).
    func lagLanes(_ source: UnsafePointer<SpatialLanes>, into target: UnsafeMutablePointer<SpatialLanes>) {
        weightStarts.withUnsafeBufferPointer { starts in
        weightColumns.withUnsafeBufferPointer { columns in
        weightValues.withUnsafeBufferPointer { values in
            for position in 0..<count {
                var sum = SpatialLanes()
                for index in starts[position]..<starts[position + 1] {
                    sum += values[index] * source[columns[index]]
                }
                target[position] = sum
            }
        }}}
    }

    /// target = Wᵀ·source for lane blocks in elimination positions (scattering W's rows).
    func transposedLagLanes(_ source: UnsafePointer<SpatialLanes>, into target: UnsafeMutablePointer<SpatialLanes>) {
        target.update(repeating: SpatialLanes(), count: count)
        weightStarts.withUnsafeBufferPointer { starts in
        weightColumns.withUnsafeBufferPointer { columns in
        weightValues.withUnsafeBufferPointer { values in
            for position in 0..<count {
                let value = source[position]
                for index in starts[position]..<starts[position + 1] {
                    target[columns[index]] += values[index] * value
                }
            }
        }}}
    }
}
