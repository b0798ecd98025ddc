import CGSL

/// Cholesky factorization of symmetric positive definite matrices (`gsl_linalg_cholesky_*`).
///
/// The matrix must be symmetric to 10⁻⁸ relative to its largest entry (otherwise
/// ``NumericalError/invalidArgument(_:)``); GSL reads its lower triangle.
extension Matrix {
    /// The lower-triangular L with A = L Lᵀ (`gsl_linalg_cholesky_decomp1`); its strict upper
    /// triangle is zero. Throws ``NumericalError/notPositiveDefinite`` when a pivot is not positive.
    public func choleskyFactor() throws -> Matrix {
        var factor = try choleskyDecomposition("choleskyFactor")
        for rowIndex in 0..<rows {
            for columnIndex in (rowIndex + 1)..<Swift.max(columns, rowIndex + 1) {
                factor.elements[rowIndex * columns + columnIndex] = 0
            }
        }
        return factor
    }

    /// The solution x of A x = `rhs` for symmetric positive definite A (`gsl_linalg_cholesky_solve`).
    public func solveCholesky(_ rhs: [Double]) throws -> [Double] {
        try Matrix.requireVector(rhs, count: rows, "solveCholesky")
        var factor = try choleskyDecomposition("solveCholesky")
        guard rows > 0 else { return [] }
        var rightHandSide = rhs
        var solution = [Double](repeating: 0, count: rows)
        let status = Matrix.withGSLMatrix(&factor.elements, rows: rows, columns: columns) { factorMatrix in
            Matrix.withGSLVector(&rightHandSide) { rhsVector in
                Matrix.withGSLVector(&solution) { solutionVector in
                    gsl_linalg_cholesky_solve(factorMatrix, rhsVector, solutionVector)
                }
            }
        }
        try GSLRuntime.check(status, "gsl_linalg_cholesky_solve")
        guard solution.allSatisfy(\.isFinite) else {
            throw NumericalError.singular("solveCholesky: solution overflowed (matrix numerically singular)")
        }
        return solution
    }

    /// The inverse of a symmetric positive definite matrix (`gsl_linalg_cholesky_invert`);
    /// the result is exactly symmetric.
    public func inverseCholesky() throws -> Matrix {
        var factor = try choleskyDecomposition("inverseCholesky")
        guard rows > 0 else { return factor }
        let status = Matrix.withGSLMatrix(&factor.elements, rows: rows, columns: columns) { factorMatrix in
            gsl_linalg_cholesky_invert(factorMatrix)
        }
        try GSLRuntime.check(status, "gsl_linalg_cholesky_invert")
        factor.mirrorUpperTriangle()
        guard factor.elements.allSatisfy(\.isFinite) else {
            throw NumericalError.singular("inverseCholesky: inverse overflowed (matrix numerically singular)")
        }
        return factor
    }

    /// Validates the matrix and returns GSL's in-place Cholesky output (L in the lower triangle).
    func choleskyDecomposition(_ operation: String) throws -> Matrix {
        try requireSquareFinite(operation)
        try requireSymmetric(operation)
        var factor = self
        guard rows > 0 else { return factor }
        GSLRuntime.prepare()
        let status = Matrix.withGSLMatrix(&factor.elements, rows: rows, columns: columns) { matrix in
            gsl_linalg_cholesky_decomp1(matrix)
        }
        if status == Int32(GSL_EDOM) {
            throw NumericalError.notPositiveDefinite
        }
        try GSLRuntime.check(status, "gsl_linalg_cholesky_decomp1")
        return factor
    }
}
