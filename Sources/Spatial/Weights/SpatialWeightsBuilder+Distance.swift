import Foundation

/// Builders from coordinates: k nearest neighbours and inverse distance.
extension SpatialWeightsBuilder {
    /// k nearest neighbours: w_ij = 1 for the k units j ≠ i closest to i (then row-standardised, 1/k).
    ///
    /// Units are ranked by squared planar distance, or for great-circle distances by the squared
    /// chord through the sphere, which orders pairs exactly as the arc does. Ties are broken by the
    /// units' order in the input (the earlier unit wins), so the result does not depend on anything
    /// else. A k-d tree finds them (``NearestNeighbourTree``: O(n log n) for spread-out points) with
    /// exactly the exhaustive search's answer, ``exhaustiveNearestNeighbours(_:k:)``.
    public static func nearestNeighbours(identifiers: [String], x: [Double], y: [Double], k: Int,
                                         distance: SpatialDistance = .planar, rowStandardize: Bool = true,
                                         limits: SpatialWeightsLimits = .standard) throws -> SpatialWeights {
        let keys = identifiers.map { SpatialUnitKey.canonical($0) }
        let locations = try SpatialLocations(identifiers: keys, x: x, y: y, distance: distance, limits: limits)
        let count = locations.count
        guard k >= 1, k < count else {
            throw SpatialError.invalidParameter(name: "k", value: "\(k)", requirement: "k must lie in 1 … n − 1 = \(count - 1)")
        }
        let (entries, overflow) = count.multipliedReportingOverflow(by: k)
        guard !overflow, entries <= limits.maximumEntries else {
            throw SpatialError.tooLarge(what: "non-zero weights", count: overflow ? Int.max : entries, limit: limits.maximumEntries)
        }
        var triplets: [(row: Int, column: Int, weight: Double)] = []
        triplets.reserveCapacity(entries)
        let tree = NearestNeighbourTree(locations)
        for row in 0..<count {
            for column in tree.nearest(to: row, k: k) { triplets.append((row, column, 1)) }
        }
        return try finish(SpatialWeights(unitIdentifiers: keys, triplets: triplets), rowStandardize: rowStandardize)
    }

    /// The k nearest units of every unit by exhaustive search (n² ranking keys): the reference the
    /// tree's answer equals, kept for tests.
    static func exhaustiveNearestNeighbours(_ locations: SpatialLocations, k: Int) -> [[Int]] {
        (0..<locations.count).map { row in
            var best: [(key: Double, unit: Int)] = []
            for column in 0..<locations.count where column != row {
                let candidate = (key: locations.rankingKey(row, column), unit: column)
                if best.count == k, let last = best.last, !(candidate < last) { continue }
                if best.count == k { best.removeLast() }
                let slot = best.firstIndex { candidate < $0 } ?? best.count
                best.insert(candidate, at: slot)
            }
            return best.map(\.unit)
        }
    }

    /// Inverse distance: w_ij = d_ij^(−power) for j ≠ i, and 0 when d_ij > `cutoff` (d_ij ≤ cutoff is
    /// kept). Two units at the same point (d_ij = 0 within the cutoff) are an error. Without a cutoff
    /// W is dense (n(n − 1) weights, refused above the entry limit). A unit with no other unit within
    /// the cutoff is an island (reported, not an error here).
    public static func inverseDistance(identifiers: [String], x: [Double], y: [Double], power: Double = 1,
                                       cutoff: Double? = nil, distance: SpatialDistance = .planar,
                                       rowStandardize: Bool = true, limits: SpatialWeightsLimits = .standard) throws -> SpatialWeights {
        guard power.isFinite, power > 0 else {
            throw SpatialError.invalidParameter(name: "power", value: "\(power)", requirement: "the power must be a finite number > 0")
        }
        if let cutoff, !(cutoff.isFinite && cutoff > 0) {
            throw SpatialError.invalidParameter(name: "cutoff", value: "\(cutoff)", requirement: "the cutoff must be a finite distance > 0")
        }
        let keys = identifiers.map { SpatialUnitKey.canonical($0) }
        let locations = try SpatialLocations(identifiers: keys, x: x, y: y, distance: distance, limits: limits)
        if cutoff == nil { try checkDense(locations.count, limits: limits) }
        return try pairwise(locations.identifiers, cutoff: cutoff, limits: limits, rowStandardize: rowStandardize,
                            distance: { locations.distance($0, $1) }) { row, column, d in
            guard d > 0 else { throw SpatialError.coincidentUnits(keys[row], keys[column], measure: "the same coordinates") }
            return power == 1 ? 1 / d : pow(d, -power)
        }
    }

    /// Weights over every ordered pair i ≠ j whose distance is within `cutoff` (all pairs without
    /// one), with the entry limit checked as they come.
    static func pairwise(_ identifiers: [String], cutoff: Double?, limits: SpatialWeightsLimits, rowStandardize: Bool,
                         distance: (Int, Int) -> Double,
                         weight: (Int, Int, Double) throws -> Double) throws -> SpatialWeights {
        let count = identifiers.count
        var triplets: [(row: Int, column: Int, weight: Double)] = []
        for row in 0..<count {
            for column in 0..<count where column != row {
                let d = distance(row, column)
                if let cutoff, d > cutoff { continue }
                guard triplets.count < limits.maximumEntries else {
                    throw SpatialError.tooLarge(what: "non-zero weights (lower the cutoff)", count: triplets.count + 1, limit: limits.maximumEntries)
                }
                triplets.append((row, column, try weight(row, column, d)))
            }
        }
        return try finish(SpatialWeights(unitIdentifiers: identifiers, triplets: triplets), rowStandardize: rowStandardize)
    }
}
