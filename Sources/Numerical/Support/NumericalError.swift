import CGSL

/// Errors thrown by the `Numerical` target.
///
/// Every GSL status code that is not `GSL_SUCCESS` becomes one of these cases, so that
/// callers never see a raw integer status and never have GSL abort the process.
public enum NumericalError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A GSL routine returned a failure status.
    ///
    /// - Parameters:
    ///   - function: the GSL routine that failed, e.g. `"gsl_integration_qags"`.
    ///   - status: the GSL status code (`GSL_EROUND`, `GSL_EMAXITER`, …).
    ///   - reason: GSL's description of the status, from `gsl_strerror`.
    case gsl(function: String, status: Int32, reason: String)
    /// A bracketing root finder was given an interval on which the function does not change sign.
    case noSignChange(lower: Double, upper: Double, valueAtLower: Double, valueAtUpper: Double)
    /// An iterative method stopped at its iteration limit without meeting its tolerance.
    case notConverged(method: String, iterations: Int)
    /// A parameter or input value is outside the domain of the routine; the text says which.
    case invalidArgument(String)
    /// A Cholesky factorization found that the matrix is not (numerically) positive definite.
    case notPositiveDefinite
    /// A matrix is singular or rank deficient; the text names the operation.
    case singular(String)
    /// The shapes of matrices or vectors do not fit together; the text gives both shapes.
    case dimensionMismatch(String)

    /// A one-line human-readable description of the failure.
    public var description: String {
        switch self {
        case let .gsl(function, status, reason):
            return "\(function) failed with GSL status \(status): \(reason)"
        case let .noSignChange(lower, upper, valueAtLower, valueAtUpper):
            return "no sign change on [\(lower), \(upper)]: f(\(lower)) = \(valueAtLower), f(\(upper)) = \(valueAtUpper)"
        case let .notConverged(method, iterations):
            return "\(method) did not converge in \(iterations) iterations"
        case let .invalidArgument(text):
            return "invalid argument: \(text)"
        case .notPositiveDefinite:
            return "matrix is not positive definite"
        case let .singular(text):
            return "singular matrix: \(text)"
        case let .dimensionMismatch(text):
            return "dimension mismatch: \(text)"
        }
    }

    /// Builds the `.gsl` case for `status`, taking the reason from `gsl_strerror`.
    static func fromGSL(function: String, status: Int32) -> NumericalError {
        let reason = gsl_strerror(status).map { String(cString: $0) } ?? "unknown GSL status"
        return .gsl(function: function, status: status, reason: reason)
    }
}
