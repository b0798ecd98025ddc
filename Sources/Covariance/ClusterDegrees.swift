import Foundation

/// How G enters the G/(G − 1) factor of a multi-way clustered covariance
/// (fixest `ssc(cluster.df = …)`, pyfixest `ssc(G_df = …)`).
public enum ClusterDegrees: String, Sendable, Equatable, Codable, CaseIterable {
    /// One common factor G_min/(G_min − 1), G_min the smallest G over the clustering
    /// dimensions (the default of fixest and pyfixest).
    case minimum
    /// Each inclusion–exclusion term uses its own G_S/(G_S − 1), G_S the number of
    /// non-empty intersection cells of the dimensions in S.
    case conventional
}
