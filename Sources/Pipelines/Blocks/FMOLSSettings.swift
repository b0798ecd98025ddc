import Estimation

/// The `[[estimate]] method = "fmols"` keys: `fmols = "group-mean" | "pooled"`,
/// `kernel = "bartlett" | "parzen" | "quadratic-spectral"` and `bandwidth = 4 | "auto"`
/// (defaults: group-mean, Bartlett, auto, as `hetfirm fmols`). Decoded once with the scenario.
public struct FMOLSSettings: Sendable, Equatable {
    public var variant: FMOLSMethod
    public var kernel: LongRunKernel
    public var bandwidth: LongRunBandwidth

    public init(variant: FMOLSMethod = .groupMean, kernel: LongRunKernel = .bartlett, bandwidth: LongRunBandwidth = .automatic) {
        self.variant = variant
        self.kernel = kernel
        self.bandwidth = bandwidth
    }

    /// The estimator's options.
    public var options: FMOLSOptions { FMOLSOptions(kernel: kernel, bandwidth: bandwidth, method: variant) }
}
