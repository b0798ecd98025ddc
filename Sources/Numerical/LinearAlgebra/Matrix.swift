import CGSL

/// A dense matrix of `Double` stored row-major (element (i, j) at `elements[i * columns + j]`),
/// the layout GSL uses, so matrices pass to GSL without copying or transposing.
///
/// `elements` is mutable so that callers can fill a matrix in place; they must keep
/// `elements.count == rows * columns`. The throwing operations check this and throw
/// ``NumericalError/dimensionMismatch(_:)``; the non-throwing ones (subscript, ``row(_:)``,
/// ``transposed``, …) treat a broken shape, or an index out of range, as a programming
/// error and trap like an out-of-range array index.
public struct Matrix: Sendable, Equatable {
    /// The number of rows.
    public let rows: Int
    /// The number of columns.
    public let columns: Int
    /// The entries in row-major order.
    public var elements: [Double]

    /// A `rows × columns` matrix with every entry equal to `value`. Negative sizes trap.
    public init(rows: Int, columns: Int, repeating value: Double = 0) {
        precondition(rows >= 0 && columns >= 0, "Matrix sizes must be non-negative")
        self.rows = rows
        self.columns = columns
        self.elements = Array(repeating: value, count: rows * columns)
    }

    /// A matrix over existing row-major `elements`; throws ``NumericalError/dimensionMismatch(_:)``
    /// unless `elements.count == rows * columns` (and ``NumericalError/invalidArgument(_:)`` for negative sizes).
    public init(rows: Int, columns: Int, elements: [Double]) throws {
        guard rows >= 0, columns >= 0 else {
            throw NumericalError.invalidArgument("matrix sizes must be non-negative, got \(rows) × \(columns)")
        }
        let (expected, overflow) = rows.multipliedReportingOverflow(by: columns)
        guard !overflow, elements.count == expected else {
            throw NumericalError.dimensionMismatch(
                "\(elements.count) elements given for a \(rows) × \(columns) matrix")
        }
        self.rows = rows
        self.columns = columns
        self.elements = elements
    }

    /// A matrix from an array of rows; throws ``NumericalError/dimensionMismatch(_:)`` when the rows
    /// differ in length. An empty array gives the 0 × 0 matrix.
    public init(_ rowArrays: [[Double]]) throws {
        let columnCount = rowArrays.first?.count ?? 0
        for (index, row) in rowArrays.enumerated() where row.count != columnCount {
            throw NumericalError.dimensionMismatch(
                "row \(index) has \(row.count) entries, row 0 has \(columnCount)")
        }
        try self.init(rows: rowArrays.count, columns: columnCount, elements: rowArrays.flatMap { $0 })
    }

    /// The `size × size` identity matrix.
    public static func identity(_ size: Int) -> Matrix {
        var result = Matrix(rows: size, columns: size)
        for index in 0..<size {
            result.elements[index * size + index] = 1
        }
        return result
    }

    /// A square matrix with `values` on the diagonal and zeros elsewhere.
    public static func diagonal(_ values: [Double]) -> Matrix {
        var result = Matrix(rows: values.count, columns: values.count)
        for (index, value) in values.enumerated() {
            result.elements[index * values.count + index] = value
        }
        return result
    }

    /// The entry in row `row` and column `column` (both zero-based).
    public subscript(row: Int, column: Int) -> Double {
        get {
            precondition(row >= 0 && row < rows && column >= 0 && column < columns, "Matrix index out of range")
            return elements[row * columns + column]
        }
        set {
            precondition(row >= 0 && row < rows && column >= 0 && column < columns, "Matrix index out of range")
            elements[row * columns + column] = newValue
        }
    }

    /// A copy of row `index`.
    public func row(_ index: Int) -> [Double] {
        precondition(index >= 0 && index < rows, "Matrix row index out of range")
        return Array(elements[(index * columns)..<((index + 1) * columns)])
    }

    /// A copy of column `index`.
    public func column(_ index: Int) -> [Double] {
        precondition(index >= 0 && index < columns, "Matrix column index out of range")
        return (0..<rows).map { elements[$0 * columns + index] }
    }

    /// The diagonal entries (min(rows, columns) of them).
    public var diagonalElements: [Double] {
        (0..<min(rows, columns)).map { elements[$0 * columns + $0] }
    }

    /// The transpose.
    public var transposed: Matrix {
        var result = Matrix(rows: columns, columns: rows)
        for rowIndex in 0..<rows {
            for columnIndex in 0..<columns {
                result.elements[columnIndex * rows + rowIndex] = elements[rowIndex * columns + columnIndex]
            }
        }
        return result
    }

    /// True when `rows == columns`.
    public var isSquare: Bool { rows == columns }

    /// The largest absolute entry (0 for an empty matrix).
    public var maximumAbsoluteElement: Double {
        elements.reduce(0) { Swift.max($0, abs($1)) }
    }

    /// The cross-product matrix AᵀA (`columns × columns`, exactly symmetric), from `gsl_blas_dsyrk`.
    public func gram() -> Matrix {
        var result = Matrix(rows: columns, columns: columns)
        guard rows > 0, columns > 0 else { return result }
        var source = elements
        GSLRuntime.prepare()
        Matrix.withGSLMatrix(&source, rows: rows, columns: columns) { sourceMatrix in
            Matrix.withGSLMatrix(&result.elements, rows: columns, columns: columns) { resultMatrix in
                _ = gsl_blas_dsyrk(CblasUpper, CblasTrans, 1, sourceMatrix, 0, resultMatrix)
            }
        }
        result.mirrorUpperTriangle()
        return result
    }

    /// Copies the strict upper triangle onto the strict lower triangle of a square matrix.
    mutating func mirrorUpperTriangle() {
        for rowIndex in 0..<rows {
            for columnIndex in 0..<rowIndex {
                elements[rowIndex * columns + columnIndex] = elements[columnIndex * columns + rowIndex]
            }
        }
    }
}
