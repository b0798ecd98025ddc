import Foundation

/// Codes of the intersection of several clustering dimensions (the cells of a^b^…),
/// as used by the inclusion–exclusion formula of multi-way clustering.
enum ClusterIntersection {
    /// Dense codes 0..<count of the cells (a, b), first-seen order; `count` is the number of
    /// non-empty cells. Uses a direct lookup table when strideA · strideB is small, a hash map
    /// otherwise.
    static func combine(_ first: [Int32], strideA: Int, _ second: [Int32], strideB: Int) throws
        -> (codes: [Int32], count: Int) {
        let n = first.count
        var codes = [Int32](repeating: 0, count: n)
        var next: Int32 = 0
        let (cells, overflow) = strideA.multipliedReportingOverflow(by: strideB)
        let tableLimit = max(4 * n, 1 << 20)
        if !overflow, cells <= min(tableLimit, 1 << 26) {
            var table = [Int32](repeating: -1, count: cells)
            table.withUnsafeMutableBufferPointer { t in
                for i in 0..<n {
                    let key = Int(first[i]) * strideB + Int(second[i])
                    if t[key] < 0 {
                        t[key] = next
                        next += 1
                    }
                    codes[i] = t[key]
                }
            }
        } else {
            var table: [Int: Int32] = [:]
            table.reserveCapacity(min(n, 1 << 24))
            for i in 0..<n {
                let key = Int(first[i]) &* strideB &+ Int(second[i])
                if let code = table[key] {
                    codes[i] = code
                } else {
                    guard next < Int32.max else {
                        throw CovarianceError.invalidInput("more than \(Int32.max) intersection clusters")
                    }
                    table[key] = next
                    codes[i] = next
                    next += 1
                }
            }
        }
        return (codes, Int(next))
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
