import Foundation

/// Why a covariance matrix could not be computed.
public enum CovarianceError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A clustering dimension (0-based) has fewer than two non-empty clusters.
    case tooFewClusters(dimension: Int, count: Int)
    /// Array or matrix sizes do not fit together; the text says which.
    case dimensionMismatch(String)
    /// n − K ≤ 0: no residual degrees of freedom.
    case nonPositiveResidualDegrees(n: Int, k: Int)
    /// An input value is out of its domain (negative cluster code, negative or
    /// non-finite weight, negative parameter count); the text says which.
    case invalidInput(String)
    /// A cluster type was requested without cluster codes, or the number of names
    /// differs from the number of code arrays.
    case clusterSpecificationMismatch(names: Int, codeArrays: Int)
    /// A linear-algebra step failed; the text carries the underlying error.
    case numerical(String)

    /// A one-line human-readable description.
    public var description: String {
        switch self {
        case let .tooFewClusters(dimension, count):
            return "clustering dimension \(dimension) has \(count) cluster(s); at least 2 are needed"
        case let .dimensionMismatch(text):
            return "dimension mismatch: \(text)"
        case let .nonPositiveResidualDegrees(n, k):
            return "no residual degrees of freedom: n = \(n) observations, K = \(k) parameters"
        case let .invalidInput(text):
            return "invalid input: \(text)"
        case let .clusterSpecificationMismatch(names, codeArrays):
            return "\(names) clustering variable name(s) but \(codeArrays) cluster code array(s)"
        case let .numerical(text):
            return "numerical failure: \(text)"
        }
    }
}
