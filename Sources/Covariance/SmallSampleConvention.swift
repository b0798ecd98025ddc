import Foundation

/// Which family of small-sample conventions a covariance follows.
///
/// - ``finiteSample`` (the default): fixest / pyfixest corrections, steered by the other fields of
///   ``SmallSampleOptions``, with Student-t inference (t df n − K, or G_min − 1 with clusters). For 2SLS this is
///   fixest's and pyfixest's convention, and linearmodels' `debiased=True` without fixed effects.
/// - ``asymptotic``: no small-sample factors at all, as Stata's `ivreg2` without `small` and linearmodels'
///   `debiased=False`: iid V = RSS/n · B, robust HC0 V = B M B, clustered V = B M_G B (no G/(G − 1), no
///   (n − 1)/(n − K), one- and multi-way), and normal (z) inference for the coefficients. The other switches of
///   ``SmallSampleOptions`` (except the eigenvalue fix) are then ignored. IV diagnostics computed from these
///   covariances (first-stage F, Kleibergen–Paap) use them as they are; their F forms keep their F reference
///   distributions.
public enum SmallSampleConvention: String, Sendable, Equatable, Codable, CaseIterable {
    /// fixest / pyfixest small-sample corrections with t inference.
    case finiteSample = "finite-sample"
    /// No corrections and normal inference (ivreg2 without `small`, linearmodels `debiased=False`).
    case asymptotic

    /// A short description for summaries and tables.
    public var label: String {
        switch self {
        case .finiteSample: return "finite-sample (fixest ssc, t inference)"
        case .asymptotic: return "asymptotic (no small-sample factors, z inference)"
        }
    }
}
