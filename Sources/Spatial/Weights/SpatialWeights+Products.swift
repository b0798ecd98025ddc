/// Products with W and Wᵀ, the spatial lags of the models.
extension SpatialWeights {
    /// The spatial lag W·x of one vector of length n.
    public func lag(_ vector: [Double]) -> [Double] {
        precondition(vector.count == unitCount, "SpatialWeights.lag: vector of \(vector.count) for \(unitCount) units")
        var result = [Double](repeating: 0, count: unitCount)
        vector.withUnsafeBufferPointer { source in
            result.withUnsafeMutableBufferPointer { destination in
                lag(source, into: destination)
            }
        }
        return result
    }

    /// W·x written into `destination` (length n each; the two must not overlap).
    public func lag(_ source: UnsafeBufferPointer<Double>, into destination: UnsafeMutableBufferPointer<Double>) {
        rowStarts.withUnsafeBufferPointer { starts in
            columnIndices.withUnsafeBufferPointer { columns in
                values.withUnsafeBufferPointer { weights in
                    for row in 0..<unitCount {
                        var sum = 0.0
                        for position in starts[row]..<starts[row + 1] {
                            sum += weights[position] * source[columns[position]]
                        }
                        destination[row] = sum
                    }
                }
            }
        }
    }

    /// The spatial lag applied period by period to a stacked panel vector: (I_T ⊗ W)·x, where x
    /// holds T blocks of n values (block t = period t, units in W's order).
    public func panelLag(_ vector: [Double]) -> [Double] {
        let count = unitCount
        precondition(count > 0 && vector.count % count == 0, "SpatialWeights.panelLag: \(vector.count) values for \(count) units")
        var result = [Double](repeating: 0, count: vector.count)
        vector.withUnsafeBufferPointer { source in
            result.withUnsafeMutableBufferPointer { destination in
                for block in 0..<(vector.count / count) {
                    lag(
                        UnsafeBufferPointer(rebasing: source[(block * count)..<((block + 1) * count)]),
                        into: UnsafeMutableBufferPointer(rebasing: destination[(block * count)..<((block + 1) * count)]))
                }
            }
        }
        return result
    }

    /// Wᵀ, with the same unit identifiers.
    public var transposed: SpatialWeights {
        var triplets: [(row: Int, column: Int, weight: Double)] = []
        triplets.reserveCapacity(nonzeroCount)
        for row in 0..<unitCount {
            for position in rowStarts[row]..<rowStarts[row + 1] {
                triplets.append((columnIndices[position], row, values[position]))
            }
        }
        // Entries of a valid W stay valid when transposed.
        // swiftlint:disable:next force_try
        return try! SpatialWeights(unitIdentifiers: unitIdentifiers, triplets: triplets)
    }

    /// True when w_ij = w_ji for every pair, to `tolerance` relative to the largest weight.
    public func isSymmetric(tolerance: Double = 1e-12) -> Bool {
        let scale = values.map(abs).max() ?? 0
        let transpose = transposed
        guard transpose.rowStarts == rowStarts, transpose.columnIndices == columnIndices else { return false }
        return zip(values, transpose.values).allSatisfy { abs($0 - $1) <= tolerance * scale }
    }
}
