// A k-nearest-neighbour weight matrix on random points in the unit square, for this benchmark
// only (the library's builder lives in Sources/Spatial/Weights): points hashed into a grid of
// about two points per cell, and each point's k nearest found by searching rings of cells until
// the k-th distance is below the distance to the next ring. Ties are broken by index.
import Foundation
import Numerical
import Spatial

enum BenchmarkPoints {
    /// n points uniform on [0, 1)², from the Philox stream (seed, 0, "bench-points").
    static func uniform(count: Int, seed: UInt64) -> [(x: Double, y: Double)] {
        var stream = PhiloxStream(masterSeed: seed, replication: 0, purpose: "bench-points")
        return (0..<count).map { _ in (stream.nextUniform(), stream.nextUniform()) }
    }

    /// Row-standardised k-NN W (w_ij = 1/k for the k nearest j ≠ i).
    static func nearestNeighbourWeights(points: [(x: Double, y: Double)], neighbours k: Int) throws -> SpatialWeights {
        let count = points.count
        let side = max(1, Int((Double(count) / 2).squareRoot()))
        var cells = [[Int]](repeating: [], count: side * side)
        func cell(_ value: Double) -> Int { min(side - 1, max(0, Int(value * Double(side)))) }
        for (index, point) in points.enumerated() { cells[cell(point.y) * side + cell(point.x)].append(index) }
        var starts = [0], columns: [Int] = [], values: [Double] = []
        columns.reserveCapacity(count * k)
        for (index, point) in points.enumerated() {
            let cx = cell(point.x), cy = cell(point.y)
            var candidates: [(distance: Double, index: Int)] = []
            var ring = 0
            while true {
                for gy in (cy - ring)...(cy + ring) where gy >= 0 && gy < side {
                    for gx in (cx - ring)...(cx + ring) where gx >= 0 && gx < side {
                        if max(abs(gx - cx), abs(gy - cy)) != ring { continue }
                        for other in cells[gy * side + gx] where other != index {
                            let dx = points[other].x - point.x, dy = points[other].y - point.y
                            candidates.append((dx * dx + dy * dy, other))
                        }
                    }
                }
                // Every point outside the searched rings is at least `ring / side` away.
                let reach = Double(ring) / Double(side)
                if candidates.count >= k {
                    candidates.sort { ($0.distance, $0.index) < ($1.distance, $1.index) }
                    if candidates[k - 1].distance <= reach * reach || ring > side { break }
                }
                ring += 1
            }
            let chosen = candidates.prefix(k).map(\.index).sorted()
            columns.append(contentsOf: chosen)
            values.append(contentsOf: repeatElement(1 / Double(k), count: chosen.count))
            starts.append(columns.count)
        }
        return try SpatialWeights(
            unitIdentifiers: (0..<count).map(String.init), rowStarts: starts, columnIndices: columns, values: values)
    }
}
