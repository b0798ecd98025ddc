import Foundation
import Numerical
import TestSupport
@testable import Spatial

/// Small weight matrices and dense references for the log-determinant tests.
enum JacobianTestWeights {
    /// Row-standardised k-nearest-neighbour W on n random points of the unit square (brute force;
    /// ties by index). Not symmetric, not symmetrisable: complex eigenvalues.
    static func nearestNeighbours(count: Int, neighbours: Int, seed: UInt64) throws -> SpatialWeights {
        var generator = SplitMix64(seed: seed)
        let points = (0..<count).map { _ in (generator.uniform(), generator.uniform()) }
        var triplets: [(row: Int, column: Int, weight: Double)] = []
        for index in 0..<count {
            let nearest = (0..<count).filter { $0 != index }.sorted { first, second in
                let a = pow(points[first].0 - points[index].0, 2) + pow(points[first].1 - points[index].1, 2)
                let b = pow(points[second].0 - points[index].0, 2) + pow(points[second].1 - points[index].1, 2)
                return (a, first) < (b, second)
            }.prefix(neighbours)
            for neighbour in nearest { triplets.append((index, neighbour, 1)) }
        }
        return try SpatialWeights(unitIdentifiers: (0..<count).map(String.init), triplets: triplets).rowStandardized()
    }

    /// Rook contiguity on a rows × columns lattice, binary (symmetric) or row-standardised
    /// (symmetrisable: W = D⁻¹C with C the binary matrix).
    static func rookLattice(rows: Int, columns: Int, standardized: Bool) throws -> SpatialWeights {
        var triplets: [(row: Int, column: Int, weight: Double)] = []
        for row in 0..<rows {
            for column in 0..<columns {
                let unit = row * columns + column
                if column + 1 < columns { triplets += [(unit, unit + 1, 1), (unit + 1, unit, 1)] }
                if row + 1 < rows { triplets += [(unit, unit + columns, 1), (unit + columns, unit, 1)] }
            }
        }
        let weights = try SpatialWeights(unitIdentifiers: (0..<(rows * columns)).map(String.init), triplets: triplets)
        return standardized ? try weights.rowStandardized() : weights
    }

    /// I − ρW as a dense matrix.
    static func system(_ weights: SpatialWeights, rho: Double) throws -> Matrix {
        let count = weights.unitCount
        var elements = weights.denseElements().map { -rho * $0 }
        for index in 0..<count { elements[index * count + index] += 1 }
        return try Matrix(rows: count, columns: count, elements: elements)
    }

    /// ln|det(I − ρW)| by GSL's dense LU.
    static func logDeterminant(_ weights: SpatialWeights, rho: Double) throws -> Double {
        log(abs(try system(weights, rho: rho).determinant()))
    }

    /// G = W(I − ρW)⁻¹, dense.
    static func resolvent(_ weights: SpatialWeights, rho: Double) throws -> Matrix {
        let count = weights.unitCount
        let dense = try Matrix(rows: count, columns: count, elements: weights.denseElements())
        return try dense * system(weights, rho: rho).inverse()
    }

    /// tr(G), tr(G²), tr(GᵀG) and ‖Gᵀ1‖² from the dense G.
    static func traces(_ weights: SpatialWeights, rho: Double) throws -> SpatialTraces {
        let g = try resolvent(weights, rho: rho)
        let n = g.rows
        var trace = 0.0, square = 0.0, gram = 0.0
        var columnSums = [Double](repeating: 0, count: n)
        for i in 0..<n {
            trace += g[i, i]
            for j in 0..<n {
                square += g[i, j] * g[j, i]
                gram += g[i, j] * g[i, j]
                columnSums[j] += g[i, j]
            }
        }
        return SpatialTraces(trace: trace, traceOfSquare: square, traceOfGram: gram,
                             columnSumNormSquared: columnSums.reduce(0) { $0 + $1 * $1 })
    }

    /// tr(G_λG_ρ) and tr(G_ρᵀG_λ) from dense resolvents.
    static func crossTraces(_ weights: SpatialWeights, rho: Double, lambda: Double) throws -> SpatialCrossTraces {
        let gRho = try resolvent(weights, rho: rho), gLambda = try resolvent(weights, rho: lambda)
        let n = gRho.rows
        var product = 0.0, transposed = 0.0
        for i in 0..<n {
            for j in 0..<n {
                product += gLambda[i, j] * gRho[j, i]
                transposed += gRho[i, j] * gLambda[i, j]
            }
        }
        return SpatialCrossTraces(product: product, transposedProduct: transposed)
    }

    /// Relative difference |a − b| / max(1, |b|).
    static func relative(_ value: Double, _ reference: Double) -> Double {
        abs(value - reference) / max(1, abs(reference))
    }
}
