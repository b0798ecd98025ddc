import CGSL

/// LU factorization with partial pivoting for general square systems (`gsl_linalg_LU_*`).
extension Matrix {
    /// The solution x of A x = `rhs` for square A (`gsl_linalg_LU_solve`); throws
    /// ``NumericalError/singular(_:)`` when a pivot is exactly zero or the solution overflows.
    public func solve(_ rhs: [Double]) throws -> [Double] {
        try Matrix.requireVector(rhs, count: rows, "solve")
        try requireSquareFinite("solve")
        guard rows > 0 else { return [] }
        var factorization = try luDecomposition("solve")
        defer { gsl_permutation_free(factorization.permutation) }
        var rightHandSide = rhs
        var solution = [Double](repeating: 0, count: rows)
        let status = Matrix.withGSLMatrix(&factorization.factors, rows: rows, columns: columns) { luMatrix in
            Matrix.withGSLVector(&rightHandSide) { rhsVector in
                Matrix.withGSLVector(&solution) { solutionVector in
                    gsl_linalg_LU_solve(luMatrix, factorization.permutation, rhsVector, solutionVector)
                }
            }
        }
        try GSLRuntime.check(status, "gsl_linalg_LU_solve")
        guard solution.allSatisfy(\.isFinite) else {
            throw NumericalError.singular("solve: solution overflowed (matrix numerically singular)")
        }
        return solution
    }

    /// The inverse of a square matrix (`gsl_linalg_LU_invert`); throws ``NumericalError/singular(_:)``.
    /// Prefer ``solve(_:)`` or ``solveCholesky(_:)`` when only A⁻¹b is needed.
    public func inverse() throws -> Matrix {
        try requireSquareFinite("inverse")
        guard rows > 0 else { return self }
        var factorization = try luDecomposition("inverse")
        defer { gsl_permutation_free(factorization.permutation) }
        var result = Matrix(rows: rows, columns: columns)
        let status = Matrix.withGSLMatrix(&factorization.factors, rows: rows, columns: columns) { luMatrix in
            Matrix.withGSLMatrix(&result.elements, rows: rows, columns: columns) { inverseMatrix in
                gsl_linalg_LU_invert(luMatrix, factorization.permutation, inverseMatrix)
            }
        }
        try GSLRuntime.check(status, "gsl_linalg_LU_invert")
        guard result.elements.allSatisfy(\.isFinite) else {
            throw NumericalError.singular("inverse: result overflowed (matrix numerically singular)")
        }
        return result
    }

    /// The determinant of a square matrix (`gsl_linalg_LU_det`); 0 for a singular matrix, 1 for 0 × 0.
    public func determinant() throws -> Double {
        try requireSquareFinite("determinant")
        guard rows > 0 else { return 1 }
        var factors = elements
        GSLRuntime.prepare()
        guard let permutation = gsl_permutation_alloc(rows) else {
            throw NumericalError.fromGSL(function: "gsl_permutation_alloc", status: Int32(GSL_ENOMEM))
        }
        defer { gsl_permutation_free(permutation) }
        var sign: Int32 = 0
        return try Matrix.withGSLMatrix(&factors, rows: rows, columns: columns) { matrix in
            try GSLRuntime.check(gsl_linalg_LU_decomp(matrix, permutation, &sign), "gsl_linalg_LU_decomp")
            return gsl_linalg_LU_det(matrix, sign)
        }
    }

    /// Factors a validated, non-empty square matrix; the caller frees the permutation.
    /// Throws on zero pivots.
    private func luDecomposition(
        _ operation: String
    ) throws -> (factors: [Double], permutation: UnsafeMutablePointer<gsl_permutation>) {
        GSLRuntime.prepare()
        guard let permutation = gsl_permutation_alloc(rows) else {
            throw NumericalError.fromGSL(function: "gsl_permutation_alloc", status: Int32(GSL_ENOMEM))
        }
        var factors = elements
        var sign: Int32 = 0
        let status = Matrix.withGSLMatrix(&factors, rows: rows, columns: columns) { matrix in
            gsl_linalg_LU_decomp(matrix, permutation, &sign)
        }
        let hasZeroPivot = (0..<rows).contains { factors[$0 * columns + $0] == 0 }
        if status != Int32(GSL_SUCCESS) || hasZeroPivot {
            gsl_permutation_free(permutation)
            try GSLRuntime.check(status, "gsl_linalg_LU_decomp")
            throw NumericalError.singular("\(operation): LU factorization has a zero pivot")
        }
        return (factors, permutation)
    }
}
