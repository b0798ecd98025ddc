/// A k-d tree over the points of ``SpatialLocations`` for k-nearest-neighbour queries in
/// O(n log n) rather than the O(n²) of an exhaustive search.
///
/// Points live in the space whose squared distance is the locations' ranking key: (x, y) for
/// planar distances, the unit vector (X, Y, Z) for great-circle ones (squared chord). The answer
/// is exactly the exhaustive search's: the k smallest (key, unit index) pairs in lexicographic
/// order, so ties go to the unit listed first. Exactness holds because a subtree is skipped only
/// when the squared gap to its splitting plane, (q − s)², is strictly greater than the k-th best
/// key, and (q − s)² never exceeds the key of a point beyond the plane (each key is a sum of such
/// non-negative squared gaps, and floating-point subtraction and squaring are monotone).
struct NearestNeighbourTree {
    let locations: SpatialLocations
    let dimensions: Int
    /// Coordinates of point i at `coordinates[i * dimensions + axis]`.
    private let coordinates: [Double]
    /// Unit indices, arranged so that every node's range is split at its middle along its axis.
    private var order: [Int]
    /// The splitting coordinate of each inner node (node 0 the root, children 2i + 1 and 2i + 2): the
    /// units left of the node's middle lie at or below it, the others at or above it.
    private var splits: [Double]
    private static let leafSize = 8

    init(_ locations: SpatialLocations) {
        self.locations = locations
        let points = locations.treeCoordinates
        dimensions = points.dimensions
        coordinates = points.values
        order = Array(0..<locations.count)
        splits = [Double](repeating: 0, count: max(16, locations.count))
        build(0, locations.count, depth: 0, node: 0)
    }

    private func coordinate(_ unit: Int, _ axis: Int) -> Double { coordinates[unit * dimensions + axis] }

    /// Sorts each node's range along its axis (depth mod dimensions); ties by unit index.
    private mutating func build(_ low: Int, _ high: Int, depth: Int, node: Int) {
        guard high - low > Self.leafSize else { return }
        let axis = depth % dimensions
        let values = coordinates, width = dimensions
        order[low..<high].sort { (values[$0 * width + axis], $0) < (values[$1 * width + axis], $1) }
        let middle = (low + high) / 2
        splits[node] = coordinate(order[middle], axis)
        build(low, middle, depth: depth + 1, node: 2 * node + 1)
        build(middle, high, depth: depth + 1, node: 2 * node + 2)
    }

    /// The k nearest units of `unit` (itself excluded), nearest first, ties to the lower index.
    func nearest(to unit: Int, k: Int) -> [Int] {
        var keys: [Double] = []
        var units: [Int] = []
        keys.reserveCapacity(k + 1)
        units.reserveCapacity(k + 1)
        search(unit, k, 0, order.count, 0, 0, &keys, &units)
        return units
    }

    private func search(_ query: Int, _ k: Int, _ low: Int, _ high: Int, _ depth: Int, _ node: Int,
                        _ keys: inout [Double], _ units: inout [Int]) {
        if high - low <= Self.leafSize {
            for position in low..<high {
                let candidate = order[position]
                if candidate == query { continue }
                offer(candidate, key: locations.rankingKey(query, candidate), k, &keys, &units)
            }
            return
        }
        let axis = depth % dimensions
        let middle = (low + high) / 2
        let gap = coordinate(query, axis) - splits[node]
        let (near, far) = gap < 0 ? ((low, middle, 2 * node + 1), (middle, high, 2 * node + 2))
            : ((middle, high, 2 * node + 2), (low, middle, 2 * node + 1))
        search(query, k, near.0, near.1, depth + 1, near.2, &keys, &units)
        if keys.count < k || gap * gap <= keys[keys.count - 1] {
            search(query, k, far.0, far.1, depth + 1, far.2, &keys, &units)
        }
    }

    /// Keeps the k smallest (key, unit) pairs, sorted.
    private func offer(_ unit: Int, key: Double, _ k: Int, _ keys: inout [Double], _ units: inout [Int]) {
        if keys.count == k {
            let lastKey = keys[k - 1]
            if key > lastKey || (key == lastKey && unit > units[k - 1]) { return }
            keys.removeLast()
            units.removeLast()
        }
        var slot = keys.count
        while slot > 0 && (keys[slot - 1] > key || (keys[slot - 1] == key && units[slot - 1] > unit)) { slot -= 1 }
        keys.insert(key, at: slot)
        units.insert(unit, at: slot)
    }
}
