/// The normal–normal learning formulas of paper 003, eqs. (8)–(10), with their analytic
/// derivatives (§2.5 of the notes). Pure functions of the signal count n, the prior variance
/// v_d and the signal noise variance v_z; counts are real so that derivatives in n exist.
public enum BayesianSignalUpdate {
    /// δ = n v_d / (v_z + n v_d), the weight on the signals, eq. (9); 0 when n = 0.
    public static func signalWeight(signalCount: Double, demandVariance: Double, signalNoiseVariance: Double) -> Double {
        guard signalCount > 0 else { return 0 }
        let informative = signalCount * demandVariance
        return informative / (signalNoiseVariance + informative)
    }

    /// v^post = v_z v_d / (v_z + n v_d), the posterior variance of d_m, eq. (10); v_d when n = 0.
    public static func posteriorVariance(signalCount: Double, demandVariance: Double, signalNoiseVariance: Double) -> Double {
        signalNoiseVariance * demandVariance / (signalNoiseVariance + max(signalCount, 0) * demandVariance)
    }

    /// d^post = δ (d^nb + d^oth) + (1 − δ) d̄, eq. (8), in the count-weighted reading of §2.4 of the
    /// notes: d^nb = (n^nb/n) s̄^nb and d^oth = (n^oth/n) s̄^oth, so that d^post is the normal–normal
    /// posterior mean given all n = n^nb + n^oth level signals s_j = d_m + z_j.
    ///
    /// - Parameters:
    ///   - priorMean: d̄_m, eq. (3).
    ///   - localSignalMean: s̄^nb, the mean of the n^nb local signals (ignored when `localCount` is 0).
    ///   - otherSignalMean: s̄^oth, the mean of the n^oth sister-city signals (ignored when `otherCount` is 0).
    public static func posteriorMean(priorMean: Double, localSignalMean: Double, localCount: Double,
                                     otherSignalMean: Double, otherCount: Double,
                                     demandVariance: Double, signalNoiseVariance: Double) -> Double {
        let count = localCount + otherCount
        guard count > 0 else { return priorMean }
        let weight = signalWeight(signalCount: count, demandVariance: demandVariance, signalNoiseVariance: signalNoiseVariance)
        let local = localCount > 0 ? localCount / count * localSignalMean : 0
        let other = otherCount > 0 ? otherCount / count * otherSignalMean : 0
        return weight * (local + other) + (1 - weight) * priorMean
    }

    /// Eq. (8) as printed, with group means: δ (s̄^nb + s̄^oth) + (1 − δ) d̄, δ from n = n^nb + n^oth;
    /// a group without signals contributes its prior mean d̄. Not a posterior when both groups
    /// have signals (it double-counts), but ∂/∂s̄^oth = δ exactly as in eq. (12).
    public static func asPrintedPosteriorMean(priorMean: Double, localSignalMean: Double, localCount: Double,
                                              otherSignalMean: Double, otherCount: Double,
                                              demandVariance: Double, signalNoiseVariance: Double) -> Double {
        let count = localCount + otherCount
        guard count > 0 else { return priorMean }
        let weight = signalWeight(signalCount: count, demandVariance: demandVariance, signalNoiseVariance: signalNoiseVariance)
        let local = localCount > 0 ? localSignalMean : priorMean
        let other = otherCount > 0 ? otherSignalMean : priorMean
        return weight * (local + other) + (1 - weight) * priorMean
    }

    /// ∂δ/∂n = v_z v_d / (v_z + n v_d)² > 0 (§2.5 of the notes).
    public static func signalWeightCountDerivative(signalCount: Double, demandVariance: Double, signalNoiseVariance: Double) -> Double {
        let denominator = signalNoiseVariance + signalCount * demandVariance
        return signalNoiseVariance * demandVariance / (denominator * denominator)
    }

    /// ∂δ/∂v_z = −n v_d / (v_z + n v_d)² < 0 (§2.5 of the notes).
    public static func signalWeightNoiseDerivative(signalCount: Double, demandVariance: Double, signalNoiseVariance: Double) -> Double {
        let denominator = signalNoiseVariance + signalCount * demandVariance
        return -signalCount * demandVariance / (denominator * denominator)
    }

    /// ∂δ/∂v_d = n v_z / (v_z + n v_d)² > 0 (§2.5 of the notes).
    public static func signalWeightDemandVarianceDerivative(signalCount: Double, demandVariance: Double, signalNoiseVariance: Double) -> Double {
        let denominator = signalNoiseVariance + signalCount * demandVariance
        return signalCount * signalNoiseVariance / (denominator * denominator)
    }

    /// ∂v^post/∂n = −v_z v_d² / (v_z + n v_d)² < 0 (§2.5 of the notes).
    public static func posteriorVarianceCountDerivative(signalCount: Double, demandVariance: Double, signalNoiseVariance: Double) -> Double {
        let denominator = signalNoiseVariance + signalCount * demandVariance
        return -signalNoiseVariance * demandVariance * demandVariance / (denominator * denominator)
    }
}
