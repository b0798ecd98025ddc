/// What `hetfirm weights describe` reports about a W, and row standardisation that leaves islands as they are.
extension SpatialWeights {
    /// Counts and checks of a weight matrix.
    public struct Summary: Sendable, Equatable {
        public let units: Int
        public let nonzeroWeights: Int
        public let minimumNeighbours: Int
        public let meanNeighbours: Double
        public let maximumNeighbours: Int
        /// Units without neighbours, by id.
        public let islands: [String]
        public let isSymmetric: Bool
        public let isRowStandardized: Bool
        public let minimumWeight: Double
        public let maximumWeight: Double
    }

    public var summary: Summary {
        let counts = neighbourCounts
        return Summary(
            units: unitCount, nonzeroWeights: nonzeroCount,
            minimumNeighbours: counts.min() ?? 0,
            meanNeighbours: unitCount == 0 ? 0 : Double(nonzeroCount) / Double(unitCount),
            maximumNeighbours: counts.max() ?? 0,
            islands: islands.map { unitIdentifiers[$0] },
            isSymmetric: isSymmetric(), isRowStandardized: isRowStandardized,
            minimumWeight: values.min() ?? 0, maximumWeight: values.max() ?? 0)
    }

    /// W with every row that has neighbours divided by its sum; islands stay empty rows (unlike
    /// ``rowStandardized()``, which refuses them). For writing a W whose islands the user has been
    /// warned about.
    public func rowStandardizedKeepingIslands() throws -> SpatialWeights {
        var scaled = values
        for row in 0..<unitCount {
            let range = rowStarts[row]..<rowStarts[row + 1]
            let sum = range.reduce(0.0) { $0 + values[$1] }
            for position in range { scaled[position] = values[position] / sum }
        }
        return try SpatialWeights(unitIdentifiers: unitIdentifiers, rowStarts: rowStarts, columnIndices: columnIndices, values: scaled)
    }
}
