import Foundation
import Models
import Testing

/// Eqs. (8)–(10) of paper 003, their derivatives and the Kalman step of the design note.
@Suite("InformationSpillover formulas")
struct InformationSpilloverFormulaTests {
    /// (n, v_d, v_z) points used throughout.
    static let points: [(n: Double, vd: Double, vz: Double)] = [
        (1, 0.05, 1.0), (7, 0.05, 1.0), (40, 0.2, 3.0), (3, 1.5, 0.25), (250, 0.01, 5.0), (0.5, 0.3, 0.3),
    ]

    @Test("δ and v^post equal the closed forms (9) and (10)")
    func closedForms() {
        for (n, vd, vz) in Self.points {
            let delta = BayesianSignalUpdate.signalWeight(signalCount: n, demandVariance: vd, signalNoiseVariance: vz)
            let variance = BayesianSignalUpdate.posteriorVariance(signalCount: n, demandVariance: vd, signalNoiseVariance: vz)
            #expect(abs(delta - 1 / (1 + vz / (n * vd))) < 1e-14)
            #expect(abs(variance - vz * vd / (vz + n * vd)) < 1e-14)
            // v^post = (1 − δ) v_d: the weight left on the prior times its variance.
            #expect(abs(variance - (1 - delta) * vd) < 1e-14)
        }
        #expect(BayesianSignalUpdate.signalWeight(signalCount: 0, demandVariance: 0.1, signalNoiseVariance: 1) == 0)
        #expect(BayesianSignalUpdate.posteriorVariance(signalCount: 0, demandVariance: 0.1, signalNoiseVariance: 1) == 0.1)
    }

    @Test("count-weighted eq. (8) is the precision-weighted normal–normal posterior of all signals")
    func posteriorMeanIsPooledPosterior() {
        let cases: [(prior: Double, local: [Double], other: [Double], vd: Double, vz: Double)] = [
            (0.3, [1.2, -0.4, 0.9], [2.0, 0.1], 0.05, 1.0),
            (-1.0, [0.5], [0.7, 0.8, -2.0, 1.1, 0.0], 0.4, 0.8),
            (2.0, [], [1.0, 3.0], 1.0, 2.0),
            (0.0, [1.5, 2.5], [], 0.2, 0.1),
        ]
        for (prior, local, other, vd, vz) in cases {
            let signals = local + other
            // Independent: precision-weighted average of the prior and every single signal.
            let precision = 1 / vd + Double(signals.count) / vz
            let pooled = (prior / vd + signals.reduce(0, +) / vz) / precision
            let localMean = local.isEmpty ? 0 : local.reduce(0, +) / Double(local.count)
            let otherMean = other.isEmpty ? 0 : other.reduce(0, +) / Double(other.count)
            let mean = BayesianSignalUpdate.posteriorMean(
                priorMean: prior, localSignalMean: localMean, localCount: Double(local.count),
                otherSignalMean: otherMean, otherCount: Double(other.count), demandVariance: vd, signalNoiseVariance: vz)
            #expect(abs(mean - pooled) < 1e-12)
            let variance = BayesianSignalUpdate.posteriorVariance(signalCount: Double(signals.count), demandVariance: vd,
                                                                  signalNoiseVariance: vz)
            #expect(abs(variance - 1 / precision) < 1e-12)
        }
    }

    @Test("as-printed eq. (8) moves one for δ with the other-region group mean, and equals the posterior with one group")
    func asPrintedPosteriorMean() {
        let vd = 0.3, vz = 1.2, prior = 0.4
        let base = BayesianSignalUpdate.asPrintedPosteriorMean(priorMean: prior, localSignalMean: 1.0, localCount: 4,
                                                               otherSignalMean: 0.2, otherCount: 3, demandVariance: vd, signalNoiseVariance: vz)
        let moved = BayesianSignalUpdate.asPrintedPosteriorMean(priorMean: prior, localSignalMean: 1.0, localCount: 4,
                                                                otherSignalMean: 0.7, otherCount: 3, demandVariance: vd, signalNoiseVariance: vz)
        let delta = BayesianSignalUpdate.signalWeight(signalCount: 7, demandVariance: vd, signalNoiseVariance: vz)
        #expect(abs((moved - base) / 0.5 - delta) < 1e-12)
        let printed = BayesianSignalUpdate.asPrintedPosteriorMean(priorMean: prior, localSignalMean: 0, localCount: 0,
                                                                  otherSignalMean: 0.9, otherCount: 5, demandVariance: vd, signalNoiseVariance: vz)
        let consistent = BayesianSignalUpdate.posteriorMean(priorMean: prior, localSignalMean: 0, localCount: 0,
                                                            otherSignalMean: 0.9, otherCount: 5, demandVariance: vd, signalNoiseVariance: vz)
        #expect(abs(printed - (consistent + BayesianSignalUpdate.signalWeight(signalCount: 5, demandVariance: vd,
                                                                              signalNoiseVariance: vz) * prior)) < 1e-12)
    }

    @Test("analytic derivatives of δ and v^post match central finite differences")
    func derivatives() {
        typealias Formula = (Double, Double, Double) -> Double
        let delta: Formula = { BayesianSignalUpdate.signalWeight(signalCount: $0, demandVariance: $1, signalNoiseVariance: $2) }
        let variance: Formula = { BayesianSignalUpdate.posteriorVariance(signalCount: $0, demandVariance: $1, signalNoiseVariance: $2) }
        func central(_ formula: Formula, _ point: [Double], _ index: Int) -> Double {
            let step = 1e-5 * max(abs(point[index]), 1e-3)
            var up = point, down = point
            up[index] += step
            down[index] -= step
            return (formula(up[0], up[1], up[2]) - formula(down[0], down[1], down[2])) / (2 * step)
        }
        func close(_ analytic: Double, _ numeric: Double) -> Bool { abs(analytic - numeric) <= 1e-6 * max(abs(analytic), 1e-12) }
        for (n, vd, vz) in Self.points {
            let point = [n, vd, vz]
            let dn = BayesianSignalUpdate.signalWeightCountDerivative(signalCount: n, demandVariance: vd, signalNoiseVariance: vz)
            let dvd = BayesianSignalUpdate.signalWeightDemandVarianceDerivative(signalCount: n, demandVariance: vd, signalNoiseVariance: vz)
            let dvz = BayesianSignalUpdate.signalWeightNoiseDerivative(signalCount: n, demandVariance: vd, signalNoiseVariance: vz)
            let dv = BayesianSignalUpdate.posteriorVarianceCountDerivative(signalCount: n, demandVariance: vd, signalNoiseVariance: vz)
            #expect(close(dn, central(delta, point, 0)), "∂δ/∂n at \(point)")
            #expect(close(dvd, central(delta, point, 1)), "∂δ/∂v_d at \(point)")
            #expect(close(dvz, central(delta, point, 2)), "∂δ/∂v_z at \(point)")
            #expect(close(dv, central(variance, point, 0)), "∂v^post/∂n at \(point)")
            #expect(dn > 0 && dvd > 0 && dvz < 0 && dv < 0)
        }
    }

    @Test("one Kalman step from a published level reproduces eqs. (8)–(10) exactly")
    func kalmanFromPublishedLevel() {
        let cases: [(level: Double, nb: Int, oth: Int, ynb: Double, yoth: Double, drift: Double, vd: Double, vz: Double)] = [
            (0.5, 4, 3, 0.12, -0.3, 0.02, 0.05, 1.0),
            (-2.0, 0, 6, 0, 0.4, 0.1, 0.5, 0.5),
            (1.0, 9, 0, -0.2, 0, -0.05, 0.02, 3.0),
            (0.0, 0, 0, 0, 0, 0.03, 0.1, 1.0),
        ]
        for c in cases {
            let step = KalmanStep(drift: c.drift, demandVariance: c.vd, signalNoiseVariance: c.vz)
            let n = c.nb + c.oth
            let pooled = n > 0 ? (Double(c.nb) * c.ynb + Double(c.oth) * c.yoth) / Double(n) : 0
            let belief = step.step(from: .published(c.level), signalCount: n, pooledMean: pooled)
            // Static problem: prior d̄ = level + drift with variance v_d; level signals s = level + y.
            let mean = BayesianSignalUpdate.posteriorMean(
                priorMean: c.level + c.drift, localSignalMean: c.level + c.ynb, localCount: Double(c.nb),
                otherSignalMean: c.level + c.yoth, otherCount: Double(c.oth), demandVariance: c.vd, signalNoiseVariance: c.vz)
            let variance = BayesianSignalUpdate.posteriorVariance(signalCount: Double(n), demandVariance: c.vd, signalNoiseVariance: c.vz)
            #expect(abs(belief.mean - mean) < 1e-12)
            #expect(abs(belief.variance - variance) < 1e-12)
            #expect(step.predict(.published(c.level)) == DemandBelief(mean: c.level + c.drift, variance: c.vd))
        }
    }

    @Test("without revelation the level variance accumulates v^post every year")
    func kalmanAccumulates() {
        let step = KalmanStep(drift: 0.04, demandVariance: 0.2, signalNoiseVariance: 1.5)
        let counts = [3, 0, 12, 1, 0, 7]
        let means = [0.1, 0.0, -0.2, 0.5, 0.0, 0.05]
        var belief = DemandBelief.published(1.0)
        var expectedVariance = 0.0, expectedMean = 1.0
        for (n, y) in zip(counts, means) {
            belief = step.step(from: belief, signalCount: n, pooledMean: y)
            expectedVariance += BayesianSignalUpdate.posteriorVariance(signalCount: Double(n), demandVariance: 0.2, signalNoiseVariance: 1.5)
            let delta = BayesianSignalUpdate.signalWeight(signalCount: Double(n), demandVariance: 0.2, signalNoiseVariance: 1.5)
            expectedMean += 0.04 + delta * (y - 0.04)
            #expect(abs(belief.variance - expectedVariance) < 1e-12)
            #expect(abs(belief.mean - expectedMean) < 1e-12)
        }
        // No signals at all: the belief drifts and the variance grows by v_d a year.
        var silent = DemandBelief.published(0)
        for _ in 0..<5 { silent = step.step(from: silent, signalCount: 0, pooledMean: 99) }
        #expect(abs(silent.mean - 0.2) < 1e-12)
        #expect(abs(silent.variance - 1.0) < 1e-12)
    }
}
