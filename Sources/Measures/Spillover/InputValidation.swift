/// Shared checks for the plain-array inputs of the spillover measures.
enum InputValidation {
    static func requireLength(_ count: Int, _ expected: Int, input: String, column: String) throws {
        guard count == expected else {
            throw MeasuresError.lengthMismatch(input: input, column: column, expected: expected, found: count)
        }
    }

    /// Every value in `0..<bound` (or `>= 0` when `bound` is nil).
    static func requireIndices(_ values: [Int32], below bound: Int?, input: String, column: String) throws {
        for (row, value) in values.enumerated() where value < 0 || (bound.map { Int(value) >= $0 } ?? false) {
            let allowed = bound.map { "0..<\($0)" } ?? "0..."
            throw MeasuresError.valueOutOfRange(
                input: input, column: column, row: row, value: "\(value)", allowed: allowed)
        }
    }

    /// Every value finite and strictly positive.
    static func requirePositive(_ values: [Double], input: String, column: String) throws {
        for (row, value) in values.enumerated() where !(value.isFinite && value > 0) {
            throw MeasuresError.valueOutOfRange(
                input: input, column: column, row: row, value: "\(value)", allowed: "finite values > 0")
        }
    }
}
