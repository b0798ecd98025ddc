import Foundation
import Estimation
import Models
import Reporting

/// The static results of paper 003 at the scenario's parameters: the Bayesian weight δ(n) and posterior
/// variance, eqs. (9)–(10), their comparative statics analytic beside central finite differences
/// (§2.5 of the notes), and which claims hold in the chosen variant.
package struct SpilloverTheory: Sendable {
    let parameters: InformationSpilloverParameters

    /// Numbers of signals at which the statics are shown.
    static let signalCounts: [Double] = [1, 5, 20, 100, 500]

    var demandVariance: Double { parameters.demandVariance }
    var noiseVariance: Double { parameters.signalNoiseVariance }

    func weight(_ n: Double) -> Double {
        BayesianSignalUpdate.signalWeight(signalCount: n, demandVariance: demandVariance, signalNoiseVariance: noiseVariance)
    }

    func posteriorVariance(_ n: Double) -> Double {
        BayesianSignalUpdate.posteriorVariance(signalCount: n, demandVariance: demandVariance, signalNoiseVariance: noiseVariance)
    }

    /// One derivative: its name, the analytic value and a central difference with relative step 1e-5.
    struct Derivative {
        let name: String
        let signalCount: Double
        let analytic: Double
        let finiteDifference: Double
        /// The sign §2.5 of the notes states.
        let expectedPositive: Bool
        var relativeDifference: Double { abs(analytic - finiteDifference) / max(abs(analytic), 1e-300) }
    }

    var derivatives: [Derivative] {
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
    var claims: [(claim: String, holds: String, why: String)] {
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

    /// The true δ(n) on a log grid of n, the fitted n/(ρ̂ + n), and the binned slope estimates.
    func weightPlot(bins: [SignalWeightFit.Bin], fittedRatio: Double?, format: PlotFormat) throws
        -> (series: [DataSeries], script: GnuplotScript) {
        let largest = max(bins.map(\.meanSignals).max() ?? 100, 10) * 2
        let grid = (0...120).map { pow(10, log10(0.5) + (log10(largest) - log10(0.5)) * Double($0) / 120) }
        let truth = grid.map(weight)
        var columns = [SeriesColumn(name: "n", unit: "signals", values: grid),
                       SeriesColumn(name: "delta_true", unit: "weight", values: truth)]
        if let fittedRatio { columns.append(SeriesColumn(name: "delta_fitted", unit: "weight", values: grid.map { $0 / (fittedRatio + $0) })) }
        let curves = try DataSeries(stem: "delta-of-n", title: "δ(n): true and fitted", columns: columns)
        let points = try DataSeries(stem: "delta-of-n-bins", title: "slopes by bins of n (mean over replications)", columns: [
            SeriesColumn(name: "harmonic_mean_n", unit: "signals", values: bins.map(\.meanSignals)),
            SeriesColumn(name: "slope", unit: "weight", values: bins.map(\.slope)),
            SeriesColumn(name: "standard_error", unit: "weight", values: bins.map(\.standardError)),
            SeriesColumn(name: "fitted", unit: "weight", values: bins.map(\.fitted)),
        ])
        let script = try GnuplotPlots.curvesWithEstimates(
            curves: curves, curveColumns: fittedRatio == nil ? ["delta_true"] : ["delta_true", "delta_fitted"],
            curveTitles: fittedRatio == nil ? ["true δ(n) = n v_d/(v_z + n v_d)"]
                : ["true δ(n) = n v_d/(v_z + n v_d)", "fitted n/(ρ̂ + n), mean ρ̂"],
            estimates: points, estimateColumns: ("harmonic_mean_n", "slope", "standard_error"),
            estimateTitle: "slope within bins of n, at the bin's harmonic-mean n (±1.96 mean SE)",
            title: "Bayesian weight on the signals, eq. (9)", xLabel: "number of signals n (log scale)",
            yLabel: "δ", format: format, yRange: -0.1...1.1, logarithmicX: true)
        return ([curves, points], script)
    }

}
