import CGSL

/// Bridges between `Matrix` / `[Double]` storage and GSL views, plus the shape checks
/// shared by the throwing operations.
extension Matrix {
    /// Calls `body` with a `gsl_matrix` that aliases `storage` (row-major, no copy).
    /// Both sizes must be positive; callers handle empty matrices before getting here.
    static func withGSLMatrix<Result>(
        _ storage: inout [Double], rows: Int, columns: Int,
        _ body: (UnsafeMutablePointer<gsl_matrix>) throws -> Result
    ) rethrows -> Result {
        precondition(rows > 0 && columns > 0 && storage.count == rows * columns)
        return try storage.withUnsafeMutableBufferPointer { buffer in
            var view = gsl_matrix_view_array(buffer.baseAddress, rows, columns)
            return try withUnsafeMutablePointer(to: &view.matrix) { try body($0) }
        }
    }

    /// Calls `body` with a `gsl_vector` that aliases `storage` (no copy); `storage` must be non-empty.
    static func withGSLVector<Result>(
        _ storage: inout [Double], _ body: (UnsafeMutablePointer<gsl_vector>) throws -> Result
    ) rethrows -> Result {
        precondition(!storage.isEmpty)
        return try storage.withUnsafeMutableBufferPointer { buffer in
            var view = gsl_vector_view_array(buffer.baseAddress, buffer.count)
            return try withUnsafeMutablePointer(to: &view.vector) { try body($0) }
        }
    }

    /// A `rows × columns` description used in error messages.
    var shapeDescription: String { "\(rows) × \(columns)" }

    /// Throws unless `elements.count == rows * columns`.
    func requireConsistentShape(_ operation: String) throws(NumericalError) {
        guard elements.count == rows * columns else {
            throw NumericalError.dimensionMismatch(
                "\(operation): matrix declared \(shapeDescription) holds \(elements.count) elements")
        }
    }

    /// Throws unless every entry is finite.
    func requireFinite(_ operation: String) throws(NumericalError) {
        guard elements.allSatisfy(\.isFinite) else {
            throw NumericalError.invalidArgument("\(operation): matrix has a non-finite entry")
        }
    }

    /// Throws unless the matrix is square with a consistent shape and finite entries.
    func requireSquareFinite(_ operation: String) throws(NumericalError) {
        try requireConsistentShape(operation)
        guard isSquare else {
            throw NumericalError.dimensionMismatch("\(operation) needs a square matrix, got \(shapeDescription)")
        }
        try requireFinite(operation)
    }

    /// Relative tolerance of the symmetry check: |aᵢⱼ − aⱼᵢ| ≤ 10⁻⁸ · maxᵢⱼ |aᵢⱼ|.
    static let symmetryTolerance: Double = 1e-8

    /// Throws ``NumericalError/invalidArgument(_:)`` unless the square matrix is symmetric
    /// to ``symmetryTolerance`` relative to its largest entry.
    func requireSymmetric(_ operation: String) throws(NumericalError) {
        let bound = Matrix.symmetryTolerance * maximumAbsoluteElement
        for rowIndex in 0..<rows {
            for columnIndex in 0..<rowIndex {
                let difference = abs(elements[rowIndex * columns + columnIndex] - elements[columnIndex * columns + rowIndex])
                if difference > bound {
                    throw NumericalError.invalidArgument(
                        "\(operation) needs a symmetric matrix; entries (\(rowIndex), \(columnIndex)) and (\(columnIndex), \(rowIndex)) differ by \(difference)")
                }
            }
        }
    }

    /// Throws unless `vector` has `expected` entries, all finite.
    static func requireVector(_ vector: [Double], count expected: Int, _ operation: String) throws(NumericalError) {
        guard vector.count == expected else {
            throw NumericalError.dimensionMismatch("\(operation): vector has \(vector.count) entries, expected \(expected)")
        }
        guard vector.allSatisfy(\.isFinite) else {
            throw NumericalError.invalidArgument("\(operation): vector has a non-finite entry")
        }
    }
}
