import Foundation

/// Distances between units placed by coordinates: planar Euclidean, or great-circle on a sphere.
public enum SpatialDistance: Sendable, Equatable {
    /// d_ij = √((x_i − x_j)² + (y_i − y_j)²), in the coordinates' own unit.
    case planar
    /// The great-circle (haversine) distance in km between points given as longitude x and latitude
    /// y in degrees, on a sphere of radius `radiusKilometres`:
    /// d_ij = 2R·asin(√(sin²(Δφ/2) + cos φ_i cos φ_j sin²(Δλ/2))).
    case greatCircle(radiusKilometres: Double)

    /// The mean Earth radius libpysal and GeoDa use, 6371.0 km.
    public static let earthRadiusKilometres = 6371.0
    /// Great-circle distance on the Earth (R = 6371.0 km).
    public static let earth = SpatialDistance.greatCircle(radiusKilometres: earthRadiusKilometres)
}

/// Unit locations checked once, with what the distance computations need precomputed.
struct SpatialLocations {
    let identifiers: [String]
    let x: [Double]
    let y: [Double]
    let distance: SpatialDistance
    /// For great-circle distances: the unit vectors (x, y, z) of the points, whose squared chord
    /// orders pairs as their arc does (used to rank neighbours), and the latitudes in radians.
    private var cartesian: [(Double, Double, Double)] = []
    private var latitudes: [Double] = []
    private var longitudes: [Double] = []

    init(identifiers: [String], x: [Double], y: [Double], distance: SpatialDistance, limits: SpatialWeightsLimits) throws {
        guard identifiers.count == x.count, x.count == y.count else {
            throw SpatialError.invalidParameter(name: "coordinates", value: "\(identifiers.count) ids, \(x.count) x, \(y.count) y",
                                                requirement: "one x and one y per unit")
        }
        guard identifiers.count <= limits.maximumUnits else {
            throw SpatialError.tooLarge(what: "units", count: identifiers.count, limit: limits.maximumUnits)
        }
        var seen = Set<String>()
        for identifier in identifiers where !seen.insert(identifier).inserted { throw SpatialError.duplicateUnit(identifier) }
        for index in identifiers.indices {
            for (name, value) in [("x", x[index]), ("y", y[index])] where !value.isFinite {
                throw SpatialError.invalidUnitValue(unit: identifiers[index], quantity: name, value: value, requirement: "coordinates must be finite numbers")
            }
        }
        self.identifiers = identifiers
        self.x = x
        self.y = y
        self.distance = distance
        if case .greatCircle(let radius) = distance {
            guard radius.isFinite, radius > 0 else {
                throw SpatialError.invalidParameter(name: "radius", value: "\(radius)", requirement: "the sphere's radius must be > 0")
            }
            for index in identifiers.indices {
                guard abs(y[index]) <= 90 else {
                    throw SpatialError.invalidUnitValue(unit: identifiers[index], quantity: "latitude", value: y[index],
                                                        requirement: "latitudes (y) must lie in [−90, 90] degrees for great-circle distances")
                }
                guard abs(x[index]) <= 360 else {
                    throw SpatialError.invalidUnitValue(unit: identifiers[index], quantity: "longitude", value: x[index],
                                                        requirement: "longitudes (x) must lie in [−360, 360] degrees for great-circle distances")
                }
            }
            latitudes = y.map { $0 * .pi / 180 }
            longitudes = x.map { $0 * .pi / 180 }
            cartesian = zip(longitudes, latitudes).map { lon, lat in (cos(lat) * cos(lon), cos(lat) * sin(lon), sin(lat)) }
        }
    }

    var count: Int { identifiers.count }

    /// The points in the space whose squared distance is ``rankingKey(_:_:)``: (x, y), or the unit vectors.
    var treeCoordinates: (dimensions: Int, values: [Double]) {
        switch distance {
        case .planar: return (2, zip(x, y).flatMap { [$0, $1] })
        case .greatCircle: return (3, cartesian.flatMap { [$0.0, $0.1, $0.2] })
        }
    }

    /// A number that orders pairs like their distance: the squared planar distance, or the squared
    /// chord through the sphere.
    @inline(__always)
    func rankingKey(_ i: Int, _ j: Int) -> Double {
        switch distance {
        case .planar:
            let dx = x[i] - x[j], dy = y[i] - y[j]
            return dx * dx + dy * dy
        case .greatCircle:
            let a = cartesian[i], b = cartesian[j]
            let dx = a.0 - b.0, dy = a.1 - b.1, dz = a.2 - b.2
            return dx * dx + dy * dy + dz * dz
        }
    }

    /// d_ij (planar, or haversine great-circle in km).
    @inline(__always)
    func distance(_ i: Int, _ j: Int) -> Double {
        switch distance {
        case .planar:
            let dx = x[i] - x[j], dy = y[i] - y[j]
            return (dx * dx + dy * dy).squareRoot()
        case .greatCircle(let radius):
            let sinLatitude = sin((latitudes[j] - latitudes[i]) / 2)
            let sinLongitude = sin((longitudes[j] - longitudes[i]) / 2)
            let h = sinLatitude * sinLatitude + cos(latitudes[i]) * cos(latitudes[j]) * sinLongitude * sinLongitude
            return 2 * radius * asin(min(1, h.squareRoot()))
        }
    }
}
