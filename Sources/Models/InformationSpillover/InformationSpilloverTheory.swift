import Foundation

/// The static results of paper 003 at the scenario's parameters: the Bayesian weight δ(n) and posterior
/// variance, eqs. (9)–(10), their comparative statics analytic beside central finite differences
/// (§2.5 of the notes), and which claims hold in the chosen variant.
public struct InformationSpilloverTheory: Sendable {
    public let parameters: InformationSpilloverParameters

    public init(parameters: InformationSpilloverParameters) {
        self.parameters = parameters
    }

    /// Numbers of signals at which the statics are shown.
    public static let signalCounts: [Double] = [1, 5, 20, 100, 500]

    public var demandVariance: Double { parameters.demandVariance }
    public var noiseVariance: Double { parameters.signalNoiseVariance }

    public func weight(_ n: Double) -> Double {
        BayesianSignalUpdate.signalWeight(signalCount: n, demandVariance: demandVariance, signalNoiseVariance: noiseVariance)
    }

    public func posteriorVariance(_ n: Double) -> Double {
        BayesianSignalUpdate.posteriorVariance(signalCount: n, demandVariance: demandVariance, signalNoiseVariance: noiseVariance)
    }

    /// One derivative: its name, the analytic value and a central difference with relative step 1e-5.
    public struct Derivative: Sendable {
        public let name: String
        public let signalCount: Double
        public let analytic: Double
        public let finiteDifference: Double
        /// The sign §2.5 of the notes states.
        public let expectedPositive: Bool
        public var relativeDifference: Double { abs(analytic - finiteDifference) / max(abs(analytic), 1e-300) }
    }

    public var derivatives: [Derivative] {
        let (vd, vz) = (demandVariance, noiseVariance)
        func central(_ x: Double, _ f: (Double) -> Double) -> Double {
            let h = 1e-5 * max(abs(x), 1)
            return (f(x + h) - f(x - h)) / (2 * h)
        }
        return Self.signalCounts.flatMap { n -> [Derivative] in [
            Derivative(name: "∂δ/∂n", signalCount: n,
                       analytic: BayesianSignalUpdate.signalWeightCountDerivative(signalCount: n, demandVariance: vd, signalNoiseVariance: vz),
                       finiteDifference: central(n) { weight($0) }, expectedPositive: true),
            Derivative(name: "∂δ/∂v_z", signalCount: n,
                       analytic: BayesianSignalUpdate.signalWeightNoiseDerivative(signalCount: n, demandVariance: vd, signalNoiseVariance: vz),
                       finiteDifference: central(vz) { BayesianSignalUpdate.signalWeight(signalCount: n, demandVariance: vd, signalNoiseVariance: $0) },
                       expectedPositive: false),
            Derivative(name: "∂δ/∂v_d", signalCount: n,
                       analytic: BayesianSignalUpdate.signalWeightDemandVarianceDerivative(signalCount: n, demandVariance: vd, signalNoiseVariance: vz),
                       finiteDifference: central(vd) { BayesianSignalUpdate.signalWeight(signalCount: n, demandVariance: $0, signalNoiseVariance: vz) },
                       expectedPositive: true),
            Derivative(name: "∂v^post/∂n", signalCount: n,
                       analytic: BayesianSignalUpdate.posteriorVarianceCountDerivative(signalCount: n, demandVariance: vd, signalNoiseVariance: vz),
                       finiteDifference: central(n) { posteriorVariance($0) }, expectedPositive: false),
        ] }
    }

    /// The paper's claims and whether they hold here, with the reason.
    public var claims: [(claim: String, holds: String, why: String)] {
        let asPrinted = parameters.variant == .asPrinted
        return [
            ("(12) ∂ln r/∂d^oth = δ > 0", "yes",
             asPrinted ? "as printed: d^oth is the sister-city group mean and gets weight δ"
                 : "with d^oth = (n^oth/n)·ȳ^oth, the count-weighted contribution (§2.4); per unit of the group mean ȳ^oth the slope is δ·n^oth/n"),
            ("(8) is a posterior mean", asPrinted ? "no" : "yes",
             asPrinted ? "δ(d^nb + d^oth) double-counts when both groups have signals: the belief is biased toward the signals"
                 : "the count-weighted reading is the normal–normal posterior of all n signals"),
            ("β2 > 0: the signal matters more where n is larger", "yes", "∂δ/∂n = v_z v_d/(v_z + n v_d)² > 0 for v_d, v_z > 0"),
            ("more prior uncertainty raises the weight on others", "yes", "∂δ/∂v_d > 0 and ∂δ/∂v_z < 0"),
            ("more signals lower expected sales through exp(v/2)", "yes", "∂v^post/∂n < 0 (the paper does not discuss it)"),
        ]
    }
}

extension InformationSpilloverModel: HeterogeneousFirmModel {
    public static var descriptor: ModelDescriptor { InformationSpillover.descriptor }

    public func theory() throws -> InformationSpilloverTheory { InformationSpilloverTheory(parameters: parameters) }
}
