import FixedEffects
import Foundation
import Numerical
import TestSupport

extension SplitMix64 {
    /// A factor of `rows` codes drawn uniformly from `levels` levels.
    mutating func factor(_ name: String, rows: Int, levels: Int) -> FactorCodes {
        FactorCodes.encode(name: name, integers: (0..<rows).map { _ in integer(below: levels) })
    }
}

/// Residual of the weighted OLS of `y` on the dummies of all levels of the first factor and all
/// but level 0 of each later one, by `Matrix.solveLeastSquares` (needs a full-rank design).
func dummyRegressionResidual(_ y: [Double], factors: [FactorCodes], weights: [Double]? = nil) throws -> [Double] {
    let rows = y.count
    var columns = [[Double]]()
    for (index, factor) in factors.enumerated() {
        for level in (index == 0 ? 0 : 1)..<factor.levelCount {
            columns.append(factor.codes.map { $0 == Int32(level) ? 1 : 0 })
        }
    }
    let root = (0..<rows).map { (weights?[$0] ?? 1).squareRoot() }
    var elements = [Double]()
    for i in 0..<rows {
        for column in columns { elements.append(column[i] * root[i]) }
    }
    let design = try Matrix(rows: rows, columns: columns.count, elements: elements)
    let beta = try design.solveLeastSquares((0..<rows).map { y[$0] * root[$0] })
    return (0..<rows).map { i in
        y[i] - columns.indices.reduce(0) { $0 + columns[$1][i] * beta[$1] }
    }
}

/// Largest |Σ_{i in level} w_i r_i| over every level of every factor.
func largestGroupSum(_ r: [Double], factors: [FactorCodes], weights: [Double]? = nil) -> Double {
    var largest = 0.0
    for factor in factors {
        var sums = [Double](repeating: 0, count: factor.levelCount)
        for i in r.indices { sums[Int(factor.codes[i])] += (weights?[i] ?? 1) * r[i] }
        largest = Swift.max(largest, sums.map(abs).max() ?? 0)
    }
    return largest
}

func largestDifference(_ a: [Double], _ b: [Double]) -> Double {
    zip(a, b).map { abs($0 - $1) }.max() ?? 0
}

/// True when two code vectors define the same partition of the rows (a bijection between levels).
func samePartition(_ a: [Int32], _ b: [Int32]) -> Bool {
    guard a.count == b.count else { return false }
    var forward = [Int32: Int32](), backward = [Int32: Int32]()
    for (x, y) in zip(a, b) {
        if let seen = forward[x], seen != y { return false }
        if let seen = backward[y], seen != x { return false }
        forward[x] = y
        backward[y] = x
    }
    return true
}
