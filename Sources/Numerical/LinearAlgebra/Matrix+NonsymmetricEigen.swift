import CGSL

/// Eigenvalues of general (non-symmetric) real matrices (`gsl_eigen_nonsymm`).
extension Matrix {
    /// The eigenvalues of a square, finite matrix as (real, imaginary) pairs, in the order GSL
    /// returns them (complex ones come in conjugate pairs).
    ///
    /// Uses the Francis double-shift QR algorithm of `gsl_eigen_nonsymm` with balancing, O(n³)
    /// time and n² memory. A failure to converge throws ``NumericalError``.
    public func nonsymmetricEigenvalues() throws -> [(real: Double, imaginary: Double)] {
        try requireSquareFinite("nonsymmetricEigenvalues")
        guard rows > 0 else { return [] }
        GSLRuntime.prepare()
        guard let workspace = gsl_eigen_nonsymm_alloc(rows) else {
            throw NumericalError.fromGSL(function: "gsl_eigen_nonsymm_alloc", status: Int32(GSL_ENOMEM))
        }
        defer { gsl_eigen_nonsymm_free(workspace) }
        gsl_eigen_nonsymm_params(0, 1, workspace)
        guard let values = gsl_vector_complex_alloc(rows) else {
            throw NumericalError.fromGSL(function: "gsl_vector_complex_alloc", status: Int32(GSL_ENOMEM))
        }
        defer { gsl_vector_complex_free(values) }
        var work = elements
        let status = Matrix.withGSLMatrix(&work, rows: rows, columns: rows) { matrix in
            gsl_eigen_nonsymm(matrix, values, workspace)
        }
        try GSLRuntime.check(status, "gsl_eigen_nonsymm")
        return (0..<rows).map { index in
            let value = gsl_vector_complex_get(values, index)
            return (value.dat.0, value.dat.1)
        }
    }
}
