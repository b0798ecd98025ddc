/// One year of the Kalman filter on d_mt of the design note (consistent variant):
/// d_mt = d_m,t−1 + g_mt, g_mt ~ N(drift, v_d), observed through n growth signals
/// y_j = g_mt + e_j, e_j ~ N(0, v_z), summarized by their pooled mean ȳ.
///
/// With the previous belief N(μ, P) about d_m,t−1:
/// - predict: μ⁻ = μ + drift, P⁻ = P + v_d;
/// - update: μ = μ⁻ + δ (ȳ − drift), P = P⁻ − δ v_d = P + v_d v_z / (v_z + n v_d), with δ of eq. (9).
///
/// A growth signal says nothing about d_m,t−1, so the level variance grows by v^post of eq. (10);
/// from a published level (P = 0) one step gives exactly eqs. (8)–(10) with prior mean d_m,t−1 + drift.
public struct KalmanStep: Sendable, Equatable {
    /// Drift of the demand random walk.
    public let drift: Double
    /// v_d, variance of g_mt.
    public let demandVariance: Double
    /// v_z, variance of each signal's noise.
    public let signalNoiseVariance: Double

    public init(drift: Double, demandVariance: Double, signalNoiseVariance: Double) {
        self.drift = drift
        self.demandVariance = demandVariance
        self.signalNoiseVariance = signalNoiseVariance
    }

    /// The belief about d_mt before this year's signals: N(μ + drift, P + v_d).
    public func predict(_ previous: DemandBelief) -> DemandBelief {
        DemandBelief(mean: previous.mean + drift, variance: previous.variance + demandVariance)
    }

    /// The predicted belief updated with `signalCount` growth signals of pooled mean `pooledMean`
    /// (ignored when `signalCount` is 0, which leaves the prediction unchanged).
    public func update(_ predicted: DemandBelief, signalCount: Int, pooledMean: Double) -> DemandBelief {
        guard signalCount > 0 else { return predicted }
        let weight = BayesianSignalUpdate.signalWeight(signalCount: Double(signalCount), demandVariance: demandVariance,
                                                       signalNoiseVariance: signalNoiseVariance)
        return DemandBelief(mean: predicted.mean + weight * (pooledMean - drift),
                            variance: predicted.variance - weight * demandVariance)
    }

    /// `update(predict(previous), …)`.
    public func step(from previous: DemandBelief, signalCount: Int, pooledMean: Double) -> DemandBelief {
        update(predict(previous), signalCount: signalCount, pooledMean: pooledMean)
    }
}
