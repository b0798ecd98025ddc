import CGSL

/// Eigen decomposition of symmetric matrices (`gsl_eigen_symmv`).
extension Matrix {
    /// Eigenvalues in ascending order and the matching orthonormal eigenvectors as the
    /// columns of `vectors`, so that A = V diag(values) Vᵀ.
    ///
    /// The matrix must be square, finite and symmetric to 10⁻⁸ relative to its largest
    /// entry (GSL reads the lower triangle). Uses `gsl_eigen_symmv` and
    /// `gsl_eigen_symmv_sort(…, GSL_EIGEN_SORT_VAL_ASC)`; the sign of each eigenvector is
    /// whatever GSL returns.
    public func symmetricEigen() throws -> (values: [Double], vectors: Matrix) {
        try requireSquareFinite("symmetricEigen")
        try requireSymmetric("symmetricEigen")
        guard rows > 0 else { return ([], Matrix(rows: 0, columns: 0)) }
        GSLRuntime.prepare()
        guard let workspace = gsl_eigen_symmv_alloc(rows) else {
            throw NumericalError.fromGSL(function: "gsl_eigen_symmv_alloc", status: Int32(GSL_ENOMEM))
        }
        defer { gsl_eigen_symmv_free(workspace) }
        var work = elements
        var values = [Double](repeating: 0, count: rows)
        var vectors = Matrix(rows: rows, columns: rows)
        let status = Matrix.withGSLMatrix(&work, rows: rows, columns: rows) { matrix in
            Matrix.withGSLVector(&values) { valueVector in
                Matrix.withGSLMatrix(&vectors.elements, rows: rows, columns: rows) { vectorMatrix in
                    let decomposition = gsl_eigen_symmv(matrix, valueVector, vectorMatrix, workspace)
                    guard decomposition == Int32(GSL_SUCCESS) else { return (decomposition, "gsl_eigen_symmv") }
                    return (gsl_eigen_symmv_sort(valueVector, vectorMatrix, GSL_EIGEN_SORT_VAL_ASC), "gsl_eigen_symmv_sort")
                }
            }
        }
        try GSLRuntime.check(status.0, status.1)
        return (values, vectors)
    }
}
