import Foundation

/// Which package's rule sets the HC1 scalar when the small-sample switches are not
/// both on. With the defaults (both on) the two agree: c = n/(n − K).
///
/// - pyfixest (`get_ssc` in `pyfixest/utils/utils.py`):
///   c = n/(n − K) if `adjustForParameters`, else 1; `clusterAdjustment` is ignored.
/// - fixest (`vcov_hetero_internal` and `vcov.fixest` in `R/VCOV.R`):
///   c = [n/(n − 1) if `clusterAdjustment`] · [(n − 1)/(n − K) if `adjustForParameters`].
public enum HeteroskedasticConvention: String, Sendable, Equatable, Codable, CaseIterable {
    /// pyfixest's rule (default: the test fixtures come from pyfixest).
    case pyfixest
    /// fixest's rule.
    case fixest
}
