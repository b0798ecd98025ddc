import Foundation

/// Codes of the intersection of several clustering dimensions (the cells of a^b^…),
/// as used by the inclusion–exclusion formula of multi-way clustering.
enum ClusterIntersection {
    /// Dense codes 0..<count of the non-empty cells (a, b); `count` is their number.
    ///
    /// O(n + strideA + strideB) without hashing: a counting sort groups the observations by
    /// the first code, then within each group a scratch table indexed by the second code
    /// (stamped with the current group) hands out the next cell code.
    static func combine(_ first: [Int32], strideA: Int, _ second: [Int32], strideB: Int) throws
        -> (codes: [Int32], count: Int) {
        let n = first.count
        var codes = [Int32](repeating: 0, count: n)
        var offsets = [Int](repeating: 0, count: strideA + 1)
        for code in first { offsets[Int(code) + 1] += 1 }
        for index in 0..<strideA { offsets[index + 1] += offsets[index] }
        var order = [Int32](repeating: 0, count: n)
        var cursor = offsets
        for i in 0..<n {
            let group = Int(first[i])
            order[cursor[group]] = Int32(truncatingIfNeeded: i)
            cursor[group] += 1
        }
        var stamp = [Int](repeating: -1, count: strideB)
        var assigned = [Int32](repeating: 0, count: strideB)
        var next = 0
        for group in 0..<strideA {
            for position in offsets[group]..<offsets[group + 1] {
                let i = Int(order[position])
                let cell = Int(second[i])
                if stamp[cell] != group {
                    guard next < Int(Int32.max) else {
                        throw CovarianceError.invalidInput("more than \(Int32.max) intersection clusters")
                    }
                    stamp[cell] = group
                    assigned[cell] = Int32(next)
                    next += 1
                }
                codes[i] = assigned[cell]
            }
        }
        return (codes, next)
    }

    /// Dense codes of the intersection of the dimensions in `subset` (indices into `clusters`).
    static func codes(of subset: [Int], clusters: [[Int32]], strides: [Int]) throws -> (codes: [Int32], count: Int) {
        guard let firstIndex = subset.first else { return ([], 0) }
        var codes = clusters[firstIndex]
        var stride = strides[firstIndex]
        for index in subset.dropFirst() {
            let combined = try combine(codes, strideA: stride, clusters[index], strideB: strides[index])
            codes = combined.codes
            stride = combined.count
        }
        return (codes, stride)
    }

    /// All non-empty subsets of 0..<dimensions, as sorted index lists.
    static func nonEmptySubsets(of dimensions: Int) -> [[Int]] {
        guard dimensions > 0, dimensions < Int.bitWidth - 1 else { return [] }
        return (1..<(1 << dimensions)).map { mask in
            (0..<dimensions).filter { mask & (1 << $0) != 0 }
        }
    }
}
