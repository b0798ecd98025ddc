import Foundation

/// Builds spatial weight matrices from adjacency lists, coordinates, unit attributes and flows.
///
/// Every builder returns the raw weights; `rowStandardize` (true by default, as in the CLI) then
/// divides each row by its sum (``SpatialWeights/rowStandardizedKeepingIslands()``: a unit left
/// without neighbours stays an empty row and is listed in ``SpatialWeights/islands``, which
/// estimation refuses and `hetfirm weights` warns about). Unit ids are canonicalised with
/// ``SpatialUnitKey``. Dense builders (inverse distance without cutoff, economic distance, gravity
/// without cutoff) refuse to store more than ``SpatialWeightsLimits/maximumEntries`` weights
/// before allocating them. Formulas and citations: docs/estimators/spatial-weights.md.
public enum SpatialWeightsBuilder {
    /// Binary contiguity from an adjacency list of unit pairs, symmetrised: w_ij = w_ji = 1 when
    /// (i, j) or (j, i) is listed (listing a pair both ways, or twice, is allowed). `units` adds units
    /// that appear in no pair (islands) and fixes the order: listed units first, then the pairs'
    /// other units in order of first appearance. A pair (i, i) is an error.
    public static func contiguity(pairs: [(String, String)], units: [String] = [], rowStandardize: Bool = true,
                                  limits: SpatialWeightsLimits = .standard) throws -> SpatialWeights {
        var identifiers: [String] = []
        var index: [String: Int] = [:]
        func unit(_ raw: String) throws -> Int {
            let key = SpatialUnitKey.canonical(raw)
            if let known = index[key] { return known }
            guard !key.isEmpty else { throw SpatialError.invalidParameter(name: "unit id", value: "''", requirement: "ids must not be empty") }
            guard identifiers.count < limits.maximumUnits else {
                throw SpatialError.tooLarge(what: "units", count: identifiers.count + 1, limit: limits.maximumUnits)
            }
            index[key] = identifiers.count
            identifiers.append(key)
            return identifiers.count - 1
        }
        for raw in units {
            let key = SpatialUnitKey.canonical(raw)
            if index[key] != nil { throw SpatialError.duplicateUnit(key) }
            _ = try unit(raw)
        }
        var links = Set<Int64>()
        for (first, second) in pairs {
            let i = try unit(first), j = try unit(second)
            guard i != j else { throw SpatialError.selfNeighbour(identifiers[i]) }
            links.insert(Int64(i) << 32 | Int64(j))
            links.insert(Int64(j) << 32 | Int64(i))
            guard links.count <= limits.maximumEntries else {
                throw SpatialError.tooLarge(what: "non-zero weights", count: links.count, limit: limits.maximumEntries)
            }
        }
        let triplets = links.map { (row: Int($0 >> 32), column: Int($0 & 0xFFFF_FFFF), weight: 1.0) }
        return try finish(SpatialWeights(unitIdentifiers: identifiers, triplets: triplets), rowStandardize: rowStandardize)
    }

    /// Binary contiguity from a W read from a file (an edge list or GAL): w_ij = w_ji = 1 wherever
    /// w_ij > 0 or w_ji > 0.
    public static func contiguity(symmetrizing weights: SpatialWeights, rowStandardize: Bool = true) throws -> SpatialWeights {
        var triplets: [(row: Int, column: Int, weight: Double)] = []
        var links = Set<Int64>()
        for row in 0..<weights.unitCount {
            for (column, _) in weights.neighbours(of: row) {
                for (i, j) in [(row, column), (column, row)] where links.insert(Int64(i) << 32 | Int64(j)).inserted {
                    triplets.append((i, j, 1))
                }
            }
        }
        return try finish(SpatialWeights(unitIdentifiers: weights.unitIdentifiers, triplets: triplets), rowStandardize: rowStandardize)
    }

    /// Row-standardises (keeping islands as empty rows) when asked.
    static func finish(_ weights: SpatialWeights, rowStandardize: Bool) throws -> SpatialWeights {
        rowStandardize ? try weights.rowStandardizedKeepingIslands() : weights
    }

    /// Refuses a dense W of n units (n(n − 1) weights) above the entry limit, before allocating it.
    static func checkDense(_ count: Int, limits: SpatialWeightsLimits) throws {
        let (product, overflow) = count.multipliedReportingOverflow(by: max(count - 1, 0))
        if overflow || product > limits.maximumEntries {
            throw SpatialError.tooLarge(what: "non-zero weights (a dense W of \(count) units; give a cutoff or use k nearest neighbours)",
                                        count: overflow ? Int.max : product, limit: limits.maximumEntries)
        }
    }
}
