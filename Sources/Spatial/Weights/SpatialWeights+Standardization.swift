/// Row standardisation and alignment of W with a dataset's units.
extension SpatialWeights {
    /// W with every row divided by its sum, so that Σ_j w_ij = 1 (the usual convention, and the
    /// one under which λ_max(W) = 1 and the admissible ρ interval is (1/λ_min, 1)). An island
    /// (a row without neighbours) is an error: it has no sum to divide by.
    public func rowStandardized() throws -> SpatialWeights {
        if let island = islands.first { throw SpatialError.island(unitIdentifiers[island]) }
        var scaled = values
        for row in 0..<unitCount {
            let range = rowStarts[row]..<rowStarts[row + 1]
            let sum = range.reduce(0.0) { $0 + values[$1] }
            for position in range { scaled[position] = values[position] / sum }
        }
        return try SpatialWeights(
            unitIdentifiers: unitIdentifiers, rowStarts: rowStarts, columnIndices: columnIndices, values: scaled)
    }

    /// W re-indexed so that unit i is `identifiers[i]` (the data's units, in the data's order).
    ///
    /// Both sets must be equal: an identifier of the data that W lacks, or a unit of W that the
    /// data lacks, is an error naming the first one found in each direction.
    public func aligned(to identifiers: [String]) throws -> SpatialWeights {
        if identifiers == unitIdentifiers { return self }
        var positionInData: [String: Int] = [:]
        positionInData.reserveCapacity(identifiers.count)
        for (index, identifier) in identifiers.enumerated()
        where positionInData.updateValue(index, forKey: identifier) != nil {
            throw SpatialError.duplicateUnit(identifier)
        }
        let known = Set(unitIdentifiers)
        let missingFromWeights = identifiers.filter { !known.contains($0) }
        let missingFromData = unitIdentifiers.filter { positionInData[$0] == nil }
        guard missingFromWeights.isEmpty, missingFromData.isEmpty else {
            throw SpatialError.unitMismatch(
                inDataNotWeights: Array(missingFromWeights.prefix(5)), inWeightsNotData: Array(missingFromData.prefix(5)),
                counts: (missingFromWeights.count, missingFromData.count))
        }
        var triplets: [(row: Int, column: Int, weight: Double)] = []
        triplets.reserveCapacity(nonzeroCount)
        for row in 0..<unitCount {
            let newRow = positionInData[unitIdentifiers[row]]!
            for position in rowStarts[row]..<rowStarts[row + 1] {
                triplets.append((newRow, positionInData[unitIdentifiers[columnIndices[position]]]!, values[position]))
            }
        }
        return try SpatialWeights(unitIdentifiers: identifiers, triplets: triplets)
    }
}
