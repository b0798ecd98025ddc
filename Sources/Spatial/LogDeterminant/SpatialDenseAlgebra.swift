import Numerical

/// Dense n × n products behind the traces of the information matrix: G = W(I − ρW)⁻¹ formed
/// explicitly. For n up to a few thousand.
enum SpatialDenseAlgebra {
    /// G = W(I − ρW)⁻¹ as a dense matrix.
    static func resolvent(_ weights: SpatialWeights, _ rho: Double) throws -> Matrix {
        let count = weights.unitCount
        let dense = weights.denseElements()
        var system = dense.map { -rho * $0 }
        for index in 0..<count { system[index * count + index] += 1 }
        let inverse = try Matrix(rows: count, columns: count, elements: system).inverse()
        return try Matrix(rows: count, columns: count, elements: dense) * inverse
    }

    /// QGQ with Q = I − 11ᵀ/n (rows and columns centred). tr(QAQ·QBQ) = tr(QAQB) and
    /// tr((QAQ)ᵀQBQ) = tr(QAᵀQB), the traces of the Lee–Yu transformed matrices.
    static func centred(_ matrix: Matrix) -> Matrix {
        let count = matrix.rows
        var elements = matrix.elements
        var rowMeans = [Double](repeating: 0, count: count), columnMeans = rowMeans
        var grand = 0.0
        for row in 0..<count {
            for column in 0..<count {
                let value = elements[row * count + column]
                rowMeans[row] += value / Double(count)
                columnMeans[column] += value / Double(count)
                grand += value / Double(count * count)
            }
        }
        for row in 0..<count {
            for column in 0..<count { elements[row * count + column] += grand - rowMeans[row] - columnMeans[column] }
        }
        var result = matrix
        result.elements = elements
        return result
    }

    /// tr(G), tr(G²), tr(GᵀG) and ‖Gᵀ1‖² of a dense G.
    static func traces(_ resolvent: Matrix) -> SpatialTraces {
        let count = resolvent.rows
        let entries = resolvent.elements
        var trace = 0.0, square = 0.0, gram = 0.0
        var columnSums = [Double](repeating: 0, count: count)
        for row in 0..<count {
            trace += entries[row * count + row]
            for column in 0..<count {
                let value = entries[row * count + column]
                square += value * entries[column * count + row]
                gram += value * value
                columnSums[column] += value
            }
        }
        return SpatialTraces(
            trace: trace, traceOfSquare: square, traceOfGram: gram,
            columnSumNormSquared: columnSums.reduce(0) { $0 + $1 * $1 })
    }

    /// tr(G_λ G_ρ) and tr(G_ρᵀ G_λ) of two dense resolvents.
    static func crossTraces(_ lagResolvent: Matrix, _ errorResolvent: Matrix) -> SpatialCrossTraces {
        let count = lagResolvent.rows
        let lag = lagResolvent.elements, error = errorResolvent.elements
        var product = 0.0, transposed = 0.0
        for row in 0..<count {
            for column in 0..<count {
                product += error[row * count + column] * lag[column * count + row]
                transposed += lag[row * count + column] * error[row * count + column]
            }
        }
        return SpatialCrossTraces(product: product, transposedProduct: transposed)
    }
}
