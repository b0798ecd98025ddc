import Foundation

/// Builders from unit attributes and flows: economic distance and gravity-type weights.
extension SpatialWeightsBuilder {
    /// Economic distance: w_ij = 1/|ḡ_i − ḡ_j| for j ≠ i, where ḡ_i is unit i's mean of an attribute
    /// over the sample years (e.g. GDP per capita), as in the Chinese regional-convergence literature
    /// (docs/estimators/spatial-weights.md). W is dense. Two units with equal means would have an
    /// infinite weight: that is an error naming them (no floor is applied).
    public static func economicDistance(identifiers: [String], means: [Double], rowStandardize: Bool = true,
                                        limits: SpatialWeightsLimits = .standard) throws -> SpatialWeights {
        let keys = try checkedKeys(identifiers, count: means.count, what: "means", limits: limits)
        for (index, value) in means.enumerated() where !value.isFinite {
            throw SpatialError.invalidUnitValue(unit: keys[index], quantity: "the attribute's mean", value: value, requirement: "it must be a finite number")
        }
        try checkDense(keys.count, limits: limits)
        return try pairwise(keys, cutoff: nil, limits: limits, rowStandardize: rowStandardize,
                            distance: { abs(means[$0] - means[$1]) }) { row, column, gap in
            guard gap > 0 else { throw SpatialError.coincidentUnits(keys[row], keys[column], measure: "equal means (\(means[row]))") }
            return 1 / gap
        }
    }

    /// Gravity weights from masses and distances: w_ij = M_i^a · M_j^b / d_ij^c for j ≠ i (defaults
    /// a = b = 1, c = 2: Newton's form, as in Tinbergen's gravity equation), and 0 beyond `cutoff`.
    /// Masses must be finite and > 0; two units at the same point are an error.
    public static func gravity(identifiers: [String], masses: [Double], x: [Double], y: [Double],
                               originExponent: Double = 1, destinationExponent: Double = 1, distanceExponent: Double = 2,
                               cutoff: Double? = nil, distance: SpatialDistance = .planar, rowStandardize: Bool = true,
                               limits: SpatialWeightsLimits = .standard) throws -> SpatialWeights {
        for (name, value) in [("a (origin-mass exponent)", originExponent), ("b (destination-mass exponent)", destinationExponent)]
        where !value.isFinite {
            throw SpatialError.invalidParameter(name: name, value: "\(value)", requirement: "it must be a finite number")
        }
        guard distanceExponent.isFinite, distanceExponent >= 0 else {
            throw SpatialError.invalidParameter(name: "c (distance exponent)", value: "\(distanceExponent)", requirement: "it must be a finite number ≥ 0")
        }
        if let cutoff, !(cutoff.isFinite && cutoff > 0) {
            throw SpatialError.invalidParameter(name: "cutoff", value: "\(cutoff)", requirement: "the cutoff must be a finite distance > 0")
        }
        let keys = try checkedKeys(identifiers, count: masses.count, what: "masses", limits: limits)
        for (index, mass) in masses.enumerated() where !(mass.isFinite && mass > 0) {
            throw SpatialError.invalidUnitValue(unit: keys[index], quantity: "the mass", value: mass, requirement: "masses must be finite and > 0")
        }
        let locations = try SpatialLocations(identifiers: keys, x: x, y: y, distance: distance, limits: limits)
        if cutoff == nil { try checkDense(keys.count, limits: limits) }
        let origin = masses.map { pow($0, originExponent) }, destination = masses.map { pow($0, destinationExponent) }
        return try pairwise(keys, cutoff: cutoff, limits: limits, rowStandardize: rowStandardize,
                            distance: { locations.distance($0, $1) }) { row, column, d in
            guard d > 0 else { throw SpatialError.coincidentUnits(keys[row], keys[column], measure: "the same coordinates") }
            let value = origin[row] * destination[column] / pow(d, distanceExponent)
            guard value.isFinite else {
                throw SpatialError.invalidUnitValue(unit: keys[row], quantity: "the gravity weight to \(keys[column])", value: value,
                                                    requirement: "weights must be finite (rescale the masses)")
            }
            return value
        }
    }

    /// Flow weights from an observed flow matrix F (read like any W; its diagonal, flows within a
    /// unit, dropped by the reader): w_ij = f_ij, or with `symmetrize` w_ij = (f_ij + f_ji)/2.
    public static func flows(_ flows: SpatialWeights, symmetrize: Bool = false, rowStandardize: Bool = true) throws -> SpatialWeights {
        guard symmetrize else { return try finish(flows, rowStandardize: rowStandardize) }
        var sums: [Int64: Double] = [:]
        for row in 0..<flows.unitCount {
            for (column, value) in flows.neighbours(of: row) {
                sums[Int64(row) << 32 | Int64(column), default: 0] += value / 2
                sums[Int64(column) << 32 | Int64(row), default: 0] += value / 2
            }
        }
        let triplets = sums.map { (row: Int($0.key >> 32), column: Int($0.key & 0xFFFF_FFFF), weight: $0.value) }
        return try finish(SpatialWeights(unitIdentifiers: flows.unitIdentifiers, triplets: triplets), rowStandardize: rowStandardize)
    }

    /// Canonical, unique ids, one per value.
    static func checkedKeys(_ identifiers: [String], count: Int, what: String, limits: SpatialWeightsLimits) throws -> [String] {
        guard identifiers.count == count else {
            throw SpatialError.invalidParameter(name: what, value: "\(count) values for \(identifiers.count) units", requirement: "one value per unit")
        }
        guard identifiers.count <= limits.maximumUnits else {
            throw SpatialError.tooLarge(what: "units", count: identifiers.count, limit: limits.maximumUnits)
        }
        let keys = identifiers.map { SpatialUnitKey.canonical($0) }
        var seen = Set<String>()
        for key in keys where !seen.insert(key).inserted { throw SpatialError.duplicateUnit(key) }
        return keys
    }
}
