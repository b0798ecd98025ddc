/// Errors of the log-determinant methods (``SpatialJacobian`` implementations other than the dense one).
public enum LogDeterminantError: Error, Equatable, Sendable {
    /// ρ lies outside the interval on which the method is defined (the admissible interval, or
    /// the narrower interval of an approximation).
    case outsideInterval(rho: Double, lower: Double, upper: Double, method: String)
    /// LU without pivoting met a pivot that is zero, not finite or too small relative to the
    /// matrix (possible only outside the range where I − ρW is diagonally dominant or similar
    /// to a positive definite matrix); the position is in elimination order.
    case unstablePivot(rho: Double, position: Int, pivot: Double)
    /// A setting out of its range (order, number of draws, …), named with the offending value.
    case invalidSetting(String)
    /// W is empty, not square in its units, or has a unit without neighbours where the method
    /// needs a row-standardised W.
    case unsupportedWeights(String)
}

extension LogDeterminantError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .outsideInterval(let rho, let lower, let upper, let method):
            "ρ = \(rho) lies outside (\(lower), \(upper)), where \(method) is defined"
        case .unstablePivot(let rho, let position, let pivot):
            "sparse LU of I − ρW at ρ = \(rho) met the pivot \(pivot) at elimination step \(position); "
                + "I − ρW is singular or too close to it for LU without pivoting (use the eigenvalue method)"
        case .invalidSetting(let detail): "invalid log-determinant setting: \(detail)"
        case .unsupportedWeights(let detail): "weights not supported by this log-determinant method: \(detail)"
        }
    }
}
