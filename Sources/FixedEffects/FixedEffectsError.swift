/// Errors thrown by the `FixedEffects` target. Each case names what was wrong and where.
public enum FixedEffectsError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No factor was given; there is nothing to absorb.
    case noFactors
    /// A factor (or the weights, named `"weights"`), or a column to demean, has `actual` rows where `expected` were required.
    case lengthMismatch(name: String, expected: Int, actual: Int)
    /// A factor has a missing code (−1) at `row`; restrict the factor to the estimation sample first.
    case missingCode(factor: String, row: Int)
    /// A factor's code at `row` is outside `0..<levelCount`.
    case codeOutOfRange(factor: String, row: Int, code: Int32, levelCount: Int)
    /// A weight is negative, NaN or infinite.
    case invalidWeight(row: Int, value: Double)
    /// The total number of levels over all factors does not fit the 32-bit index used by the solver.
    case tooManyLevels(Int)

    /// A one-line human-readable description of the failure.
    public var description: String {
        switch self {
        case .noFactors:
            return "no fixed-effect factor given"
        case let .lengthMismatch(name, expected, actual):
            return "\(name) has \(actual) rows, expected \(expected)"
        case let .missingCode(factor, row):
            return "factor \(factor) is missing at row \(row)"
        case let .codeOutOfRange(factor, row, code, levelCount):
            return "factor \(factor) has code \(code) at row \(row), outside 0..<\(levelCount)"
        case let .invalidWeight(row, value):
            return "weight \(value) at row \(row) is not a finite non-negative number"
        case let .tooManyLevels(count):
            return "\(count) fixed-effect levels in total exceed the solver's 32-bit index"
        }
    }
}
