import Foundation

/// The stepwise decision rule of Wen, Chang, Hau and Liu (2004), which extends Baron and Kenny (1986):
///
/// 1. Test c (Y ~ X). Not significant: stop, there is no total effect to mediate.
/// 2. Test a (M ~ X) and b (Y ~ X + M). Both significant: the indirect effect a·b is significant; go to 4.
/// 3. Otherwise test a·b by the fallback (Sobel z by default, or a bootstrap interval excluding 0).
///    Significant: go to 4. Not significant: no mediation.
/// 4. Test c′ (Y ~ X + M). Significant: partial mediation. Not significant: full mediation.
///
/// Every test is two-sided at `MediationOptions.significanceLevel`.
enum MediationDecision {
    static func decide(
        total: PathEstimate, a: PathEstimate, b: PathEstimate, direct: PathEstimate, sobel: IndirectEffectTest,
        bootstrap: MediationBootstrapResult?, options: MediationOptions, mediator: String
    ) -> (verdict: MediationVerdict, explanation: String) {
        let alpha = options.significanceLevel
        func p(_ value: Double) -> String { String(format: "p = %.4g", value) }
        func significant(_ value: Double) -> Bool { value < alpha }
        let level = String(format: "%g", alpha)

        guard significant(total.pValue) else {
            return (.noTotalEffect, "The total effect c = \(format(total.estimate)) is not significant at \(level) "
                + "(\(p(total.pValue))), so by the stepwise rule there is no effect for \(mediator) to mediate.")
        }
        var sentence = "The total effect c = \(format(total.estimate)) is significant (\(p(total.pValue))). "
        let evidence: MediationEvidence
        if significant(a.pValue) && significant(b.pValue) {
            evidence = .stepwise
            sentence += "a = \(format(a.estimate)) (\(p(a.pValue))) and b = \(format(b.estimate)) (\(p(b.pValue))) "
                + "are both significant, so the indirect effect through \(mediator) is significant. "
        } else {
            let weak = significant(a.pValue) ? "b" : "a"
            sentence += "\(weak) is not significant (a: \(p(a.pValue)), b: \(p(b.pValue))), so the indirect effect is tested by "
            let indirectSignificant: Bool
            switch options.fallback {
            case .sobel:
                evidence = .sobel
                indirectSignificant = significant(sobel.pValue)
                sentence += "the Sobel test (z = \(format(sobel.z)), \(p(sobel.pValue))): "
            case .bootstrapPercentile, .bootstrapBiasCorrected:
                let biasCorrected = options.fallback == .bootstrapBiasCorrected
                evidence = biasCorrected ? .bootstrapBiasCorrected : .bootstrapPercentile
                let interval = bootstrap.map { biasCorrected ? $0.biasCorrected : $0.percentile }
                indirectSignificant = interval?.excludesZero ?? false
                let name = biasCorrected ? "bias-corrected" : "percentile"
                let bounds = interval.map { "[\(format($0.lower)), \(format($0.upper))]" } ?? "unavailable"
                sentence += "the bootstrap \(name) interval \(bounds): "
            }
            guard indirectSignificant else {
                return (.noMediation(evidence), sentence + "not significant, so \(mediator) does not mediate the effect.")
            }
            sentence += "significant. "
        }
        if significant(direct.pValue) {
            return (.partialMediation(evidence), sentence + "The direct effect c′ = \(format(direct.estimate)) is also "
                + "significant (\(p(direct.pValue))): partial mediation.")
        }
        return (.fullMediation(evidence), sentence + "The direct effect c′ = \(format(direct.estimate)) is not "
            + "significant (\(p(direct.pValue))): full mediation.")
    }

    static func format(_ value: Double) -> String { String(format: "%.4g", value) }
}
