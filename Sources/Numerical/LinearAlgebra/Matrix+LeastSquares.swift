import CGSL

/// Linear least squares by Householder QR with column pivoting (`gsl_linalg_QRPT_*`).
extension Matrix {
    /// Relative rank tolerance: column j counts as dependent when |R_jj| ≤ this · max(rows, columns) · ε · |R_00|.
    static let rankToleranceFactor: Double = 1

    /// The x minimizing ‖A x − `rhs`‖₂ for A with `rows ≥ columns` and full column rank.
    ///
    /// Uses Householder QR with column pivoting (`gsl_linalg_QRPT_decomp`, then
    /// `gsl_linalg_QRPT_lssolve`). Pivoting orders |R_jj| decreasingly, so the numerical rank
    /// is the number of diagonal entries above max(rows, columns) · ε · |R_00|; a rank below
    /// `columns` throws ``NumericalError/singular(_:)`` naming the rank.
    public func solveLeastSquares(_ rhs: [Double]) throws -> [Double] {
        try requireConsistentShape("solveLeastSquares")
        try requireFinite("solveLeastSquares")
        try Matrix.requireVector(rhs, count: rows, "solveLeastSquares")
        guard columns > 0 else { return [] }
        guard rows >= columns else {
            throw NumericalError.dimensionMismatch(
                "solveLeastSquares needs at least as many rows as columns, got \(shapeDescription)")
        }
        GSLRuntime.prepare()
        guard let permutation = gsl_permutation_alloc(columns) else {
            throw NumericalError.fromGSL(function: "gsl_permutation_alloc", status: Int32(GSL_ENOMEM))
        }
        defer { gsl_permutation_free(permutation) }
        var factors = elements
        var householder = [Double](repeating: 0, count: columns)
        var norms = [Double](repeating: 0, count: columns)
        var sign: Int32 = 0
        let decompositionStatus = Matrix.withGSLMatrix(&factors, rows: rows, columns: columns) { matrix in
            Matrix.withGSLVector(&householder) { tau in
                Matrix.withGSLVector(&norms) { norm in
                    gsl_linalg_QRPT_decomp(matrix, tau, permutation, &sign, norm)
                }
            }
        }
        try GSLRuntime.check(decompositionStatus, "gsl_linalg_QRPT_decomp")

        let leading = abs(factors[0])
        let threshold = Matrix.rankToleranceFactor * Double(Swift.max(rows, columns)) * Double.ulpOfOne * leading
        let rank = (0..<columns).prefix { abs(factors[$0 * columns + $0]) > threshold }.count
        guard rank == columns, leading > 0 else {
            throw NumericalError.singular(
                "solveLeastSquares: matrix \(shapeDescription) has numerical rank \(leading > 0 ? rank : 0) < \(columns)")
        }

        var rightHandSide = rhs
        var solution = [Double](repeating: 0, count: columns)
        var residual = [Double](repeating: 0, count: rows)
        let solveStatus = Matrix.withGSLMatrix(&factors, rows: rows, columns: columns) { matrix in
            Matrix.withGSLVector(&householder) { tau in
                Matrix.withGSLVector(&rightHandSide) { rhsVector in
                    Matrix.withGSLVector(&solution) { solutionVector in
                        Matrix.withGSLVector(&residual) { residualVector in
                            gsl_linalg_QRPT_lssolve(matrix, tau, permutation, rhsVector, solutionVector, residualVector)
                        }
                    }
                }
            }
        }
        try GSLRuntime.check(solveStatus, "gsl_linalg_QRPT_lssolve")
        return solution
    }
}
