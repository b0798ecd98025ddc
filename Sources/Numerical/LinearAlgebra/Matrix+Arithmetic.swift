import CGSL

/// Matrix products through GSL's BLAS.
extension Matrix {
    /// The product `lhs · rhs` (`gsl_blas_dgemm`); throws ``NumericalError/dimensionMismatch(_:)``
    /// unless `lhs.columns == rhs.rows`.
    public static func * (lhs: Matrix, rhs: Matrix) throws -> Matrix {
        try lhs.requireConsistentShape("matrix product")
        try rhs.requireConsistentShape("matrix product")
        guard lhs.columns == rhs.rows else {
            throw NumericalError.dimensionMismatch(
                "cannot multiply \(lhs.shapeDescription) by \(rhs.shapeDescription)")
        }
        var result = Matrix(rows: lhs.rows, columns: rhs.columns)
        guard lhs.rows > 0, lhs.columns > 0, rhs.columns > 0 else { return result }
        var left = lhs.elements
        var right = rhs.elements
        GSLRuntime.prepare()
        let status = withGSLMatrix(&left, rows: lhs.rows, columns: lhs.columns) { leftMatrix in
            withGSLMatrix(&right, rows: rhs.rows, columns: rhs.columns) { rightMatrix in
                withGSLMatrix(&result.elements, rows: lhs.rows, columns: rhs.columns) { resultMatrix in
                    gsl_blas_dgemm(CblasNoTrans, CblasNoTrans, 1, leftMatrix, rightMatrix, 0, resultMatrix)
                }
            }
        }
        try GSLRuntime.check(status, "gsl_blas_dgemm")
        return result
    }

    /// The matrix–vector product `lhs · rhs` (`gsl_blas_dgemv`); throws
    /// ``NumericalError/dimensionMismatch(_:)`` unless `rhs.count == lhs.columns`.
    public static func * (lhs: Matrix, rhs: [Double]) throws -> [Double] {
        try lhs.requireConsistentShape("matrix–vector product")
        guard lhs.columns == rhs.count else {
            throw NumericalError.dimensionMismatch(
                "cannot multiply \(lhs.shapeDescription) by a vector of \(rhs.count)")
        }
        var result = [Double](repeating: 0, count: lhs.rows)
        guard lhs.rows > 0, lhs.columns > 0 else { return result }
        var matrix = lhs.elements
        var vector = rhs
        GSLRuntime.prepare()
        let status = withGSLMatrix(&matrix, rows: lhs.rows, columns: lhs.columns) { gslMatrix in
            withGSLVector(&vector) { gslVector in
                withGSLVector(&result) { resultVector in
                    gsl_blas_dgemv(CblasNoTrans, 1, gslMatrix, gslVector, 0, resultVector)
                }
            }
        }
        try GSLRuntime.check(status, "gsl_blas_dgemv")
        return result
    }

    /// The entrywise sum; throws ``NumericalError/dimensionMismatch(_:)`` on different shapes.
    public static func + (lhs: Matrix, rhs: Matrix) throws -> Matrix {
        try lhs.requireConsistentShape("matrix sum")
        try rhs.requireConsistentShape("matrix sum")
        guard lhs.rows == rhs.rows, lhs.columns == rhs.columns else {
            throw NumericalError.dimensionMismatch("cannot add \(lhs.shapeDescription) and \(rhs.shapeDescription)")
        }
        return try Matrix(rows: lhs.rows, columns: lhs.columns, elements: zip(lhs.elements, rhs.elements).map { $0 + $1 })
    }

    /// The entrywise difference; throws ``NumericalError/dimensionMismatch(_:)`` on different shapes.
    public static func - (lhs: Matrix, rhs: Matrix) throws -> Matrix {
        try lhs.requireConsistentShape("matrix difference")
        try rhs.requireConsistentShape("matrix difference")
        guard lhs.rows == rhs.rows, lhs.columns == rhs.columns else {
            throw NumericalError.dimensionMismatch("cannot subtract \(rhs.shapeDescription) from \(lhs.shapeDescription)")
        }
        return try Matrix(rows: lhs.rows, columns: lhs.columns, elements: zip(lhs.elements, rhs.elements).map { $0 - $1 })
    }

    /// Every entry multiplied by `scalar`.
    public static func * (scalar: Double, matrix: Matrix) -> Matrix {
        var result = matrix
        result.elements = matrix.elements.map { scalar * $0 }
        return result
    }
}
