import CGSL

/// The triangular factor of a Householder QR decomposition (`gsl_linalg_QR_decomp`).
extension Matrix {
    /// The upper-triangular R (columns × columns) of A = QR for A with `rows ≥ columns`, so that
    /// RᵀR = AᵀA without forming AᵀA: its accuracy depends on the condition number of A, not its square.
    /// Diagonal entries may be negative (Householder signs).
    public func householderTriangle() throws -> Matrix {
        try requireConsistentShape("householderTriangle")
        try requireFinite("householderTriangle")
        guard columns > 0 else { return Matrix(rows: 0, columns: 0) }
        guard rows >= columns else {
            throw NumericalError.dimensionMismatch(
                "householderTriangle needs at least as many rows as columns, got \(shapeDescription)")
        }
        GSLRuntime.prepare()
        var factors = elements
        var householder = [Double](repeating: 0, count: columns)
        let status = Matrix.withGSLMatrix(&factors, rows: rows, columns: columns) { matrix in
            Matrix.withGSLVector(&householder) { tau in gsl_linalg_QR_decomp(matrix, tau) }
        }
        try GSLRuntime.check(status, "gsl_linalg_QR_decomp")
        var triangle = Matrix(rows: columns, columns: columns)
        for row in 0..<columns {
            for column in row..<columns { triangle[row, column] = factors[row * columns + column] }
        }
        return triangle
    }
}
