/// Which panel FMOLS estimator is reported.
public enum FMOLSMethod: String, Sendable, Equatable, CaseIterable, Codable {
    /// Pedroni's (2001) between-dimension estimator: β̂_GM = N⁻¹ Σ β̂_i, t_GM = N^{-1/2} Σ t_i.
    case groupMean = "group-mean"
    /// The within-dimension estimator with unit-specific long-run covariances (Phillips–Moon 1999,
    /// Kao–Chiang 2000): β̂_P = (Σ_i X̃_i'X̃_i)⁻¹ Σ_i (X̃_i'y⁺_i − n_i λ⁺_i').
    case pooled

    /// The names `--method` and `fmols =` accept.
    public static let names = allCases.map(\.rawValue)
}

/// Everything about a panel FMOLS estimation that is not a variable name.
public struct FMOLSOptions: Sendable, Equatable {
    /// Kernel of the long-run covariances, default Bartlett (`arch`'s default).
    public var kernel = LongRunKernel.bartlett
    /// Bandwidth, default automatic (Newey–West 1994 per unit, as `arch` without `bandwidth`).
    public var bandwidth = LongRunBandwidth.automatic
    /// The estimator reported first (both are always computed), default group-mean.
    public var method = FMOLSMethod.groupMean

    public init(kernel: LongRunKernel = .bartlett, bandwidth: LongRunBandwidth = .automatic,
                method: FMOLSMethod = .groupMean) {
        self.kernel = kernel
        self.bandwidth = bandwidth
        self.method = method
    }

    /// The fewest periods a unit needs, with k regressors: T ≥ k + 3, so that after dropping the
    /// first observation the second stage (k slopes and an intercept on T − 1 rows) keeps at least
    /// one residual degree of freedom.
    public static func minimumPeriods(regressors k: Int) -> Int { k + 3 }
}
