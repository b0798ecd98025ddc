/// A spatial weight matrix W over n units, stored sparse (compressed rows).
///
/// Row i holds the weights w_ij of unit i's neighbours j (the units that enter unit i's
/// spatial lag (Wy)_i = Σ_j w_ij y_j). Units are named by `unitIdentifiers` (the text of
/// the id as it appears in the data, so numbers and text ids match by value after
/// ``SpatialWeights/aligned(to:)``); index i of every vector is unit `unitIdentifiers[i]`.
///
/// The diagonal is always zero (a unit is not its own neighbour) and every weight is finite
/// and non-negative. A dense N × N matrix is never formed unless asked for
/// (``denseMatrix()``), so a 50,000-unit W with ten neighbours a row takes a few megabytes.
public struct SpatialWeights: Sendable, Equatable {
    /// Unit identifiers in row order; unique.
    public let unitIdentifiers: [String]
    /// Row i's entries are `columnIndices[rowStarts[i] ..< rowStarts[i + 1]]`; `rowStarts.count == n + 1`.
    public let rowStarts: [Int]
    /// Column (neighbour) index of each stored weight, ascending within a row.
    public let columnIndices: [Int]
    /// The stored weights, parallel to `columnIndices`; all positive (zeros are not stored).
    public let values: [Double]

    /// Number of units n.
    public var unitCount: Int { unitIdentifiers.count }
    /// Number of stored (positive) weights.
    public var nonzeroCount: Int { values.count }

    /// Builds W from compressed rows, checking the structure: `rowStarts` non-decreasing from 0
    /// to `values.count`, column indices in range, strictly ascending within a row and off the
    /// diagonal, weights finite and ≥ 0 (explicit zeros are dropped), identifiers unique.
    public init(unitIdentifiers: [String], rowStarts: [Int], columnIndices: [Int], values: [Double]) throws {
        let count = unitIdentifiers.count
        guard rowStarts.count == count + 1, rowStarts.first == 0, rowStarts.last == values.count,
              columnIndices.count == values.count
        else {
            throw SpatialError.invalidWeights(
                "compressed rows do not fit: \(count) units, \(rowStarts.count) row starts, "
                    + "\(columnIndices.count) columns, \(values.count) values")
        }
        var seen = Set<String>()
        for identifier in unitIdentifiers where !seen.insert(identifier).inserted {
            throw SpatialError.duplicateUnit(identifier)
        }
        var keptColumns: [Int] = []
        var keptValues: [Double] = []
        var keptStarts = [0]
        keptColumns.reserveCapacity(columnIndices.count)
        keptValues.reserveCapacity(values.count)
        keptStarts.reserveCapacity(count + 1)
        for row in 0..<count {
            let start = rowStarts[row], end = rowStarts[row + 1]
            guard start <= end else {
                throw SpatialError.invalidWeights("row starts decrease at unit \(unitIdentifiers[row])")
            }
            var previous = -1
            for position in start..<end {
                let column = columnIndices[position], weight = values[position]
                guard column >= 0, column < count else {
                    throw SpatialError.invalidWeights("unit \(unitIdentifiers[row]) has a neighbour index \(column) outside 0..<\(count)")
                }
                guard column > previous else {
                    throw SpatialError.invalidWeights("unit \(unitIdentifiers[row]) lists neighbour \(unitIdentifiers[column]) twice or out of order")
                }
                previous = column
                guard weight.isFinite, weight >= 0 else {
                    throw SpatialError.invalidWeight(from: unitIdentifiers[row], to: unitIdentifiers[column], value: weight)
                }
                if column == row {
                    guard weight == 0 else { throw SpatialError.selfNeighbour(unitIdentifiers[row]) }
                    continue
                }
                if weight == 0 { continue }
                keptColumns.append(column)
                keptValues.append(weight)
            }
            keptStarts.append(keptValues.count)
        }
        self.unitIdentifiers = unitIdentifiers
        self.rowStarts = keptStarts
        self.columnIndices = keptColumns
        self.values = keptValues
    }

    /// Builds W from (row, column, weight) triplets in any order; a repeated pair is an error.
    public init(unitIdentifiers: [String], triplets: [(row: Int, column: Int, weight: Double)]) throws {
        let count = unitIdentifiers.count
        for triplet in triplets where !(0..<count).contains(triplet.row) || !(0..<count).contains(triplet.column) {
            throw SpatialError.invalidWeights("an entry (\(triplet.row), \(triplet.column)) lies outside the \(count) units")
        }
        let sorted = triplets.sorted { ($0.row, $0.column) < ($1.row, $1.column) }
        var starts = [Int](repeating: 0, count: count + 1)
        for triplet in sorted { starts[triplet.row + 1] += 1 }
        for row in 0..<count { starts[row + 1] += starts[row] }
        try self.init(
            unitIdentifiers: unitIdentifiers, rowStarts: starts,
            columnIndices: sorted.map(\.column), values: sorted.map(\.weight))
    }

    /// The neighbours of unit `row` and their weights.
    public func neighbours(of row: Int) -> [(column: Int, weight: Double)] {
        (rowStarts[row]..<rowStarts[row + 1]).map { (columnIndices[$0], values[$0]) }
    }

    /// Number of neighbours of each unit.
    public var neighbourCounts: [Int] { (0..<unitCount).map { rowStarts[$0 + 1] - rowStarts[$0] } }

    /// Units with no neighbour (islands), by index.
    public var islands: [Int] { (0..<unitCount).filter { rowStarts[$0 + 1] == rowStarts[$0] } }

    /// Row sums Σ_j w_ij.
    public var rowSums: [Double] {
        (0..<unitCount).map { row in (rowStarts[row]..<rowStarts[row + 1]).reduce(0.0) { $0 + values[$1] } }
    }

    /// True when every row sums to 1 within 1e-12 (islands excluded: they have no row to sum).
    public var isRowStandardized: Bool {
        rowSums.enumerated().allSatisfy { index, sum in
            rowStarts[index + 1] == rowStarts[index] || abs(sum - 1) <= 1e-12
        }
    }

    /// W as a dense row-major matrix of `unitCount²` doubles. Only for small n.
    public func denseElements() -> [Double] {
        let count = unitCount
        var dense = [Double](repeating: 0, count: count * count)
        for row in 0..<count {
            for position in rowStarts[row]..<rowStarts[row + 1] {
                dense[row * count + columnIndices[position]] = values[position]
            }
        }
        return dense
    }
}
