import Foundation

/// Degrees of freedom of the t distribution used with a clustered covariance
/// (fixest `ssc(t.df = …)`). Without clusters the df is always n − K.
public enum TDegrees: String, Sendable, Equatable, Codable, CaseIterable {
    /// G_min − 1 (fixest default `"min"`; pyfixest always does this).
    case minimum
    /// n − K (fixest `"conventional"`).
    case conventional
}
