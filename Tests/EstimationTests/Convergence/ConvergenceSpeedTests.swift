import Covariance
import Estimation
import Foundation
import PanelData
import Testing

/// Speed and half-life of convergence: closed forms, the delta method against finite differences, the growth
/// forms, the conditional slope's variance, and the region where no speed exists.
@Suite("convergence speed and half-life")
struct ConvergenceSpeedTests {
    @Test func closedFormsAndDeltaMethod() {
        let beta = -0.18, se = 0.03, horizon = 5.0
        let speed = ConvergenceSpeed(coefficient: beta, standardError: se, horizon: horizon)
        let lambda = -log(1 + beta) / horizon
        #expect(abs(speed.speed! - lambda) <= 1e-15 * lambda)
        #expect(abs(speed.halfLife! - log(2) / lambda) <= 1e-15 * speed.halfLife!)
        // Delta method = |derivative| · se, the derivative by central differences.
        let step = 1e-6
        func lambdaOf(_ b: Double) -> Double { -log(1 + b) / horizon }
        func halfLifeOf(_ b: Double) -> Double { log(2) / lambdaOf(b) }
        let dLambda = (lambdaOf(beta + step) - lambdaOf(beta - step)) / (2 * step)
        let dHalfLife = (halfLifeOf(beta + step) - halfLifeOf(beta - step)) / (2 * step)
        #expect(abs(speed.speedStandardError! - abs(dLambda) * se) <= 1e-8 * speed.speedStandardError!)
        #expect(abs(speed.halfLifeStandardError! - abs(dHalfLife) * se) <= 1e-7 * speed.halfLifeStandardError!)
        // Growth per period: the slope b is β/T.
        let perPeriod = ConvergenceSpeed(coefficient: beta / horizon, standardError: se / horizon, horizon: horizon, form: .perPeriod)
        #expect(abs(perPeriod.speed! - lambda) <= 1e-15 * lambda)
        #expect(abs(perPeriod.speedStandardError! - speed.speedStandardError!) <= 1e-15 * speed.speedStandardError!)
    }

    @Test func noSpeedOutsideConvergence() {
        for beta in [0.0, 0.1, -1.0, -1.5, .nan] {
            let speed = ConvergenceSpeed(coefficient: beta, standardError: 0.1, horizon: 1)
            #expect(speed.speed == nil && speed.halfLife == nil && speed.speedStandardError == nil)
        }
        #expect(ConvergenceSpeed(coefficient: -0.1, standardError: 0.1, horizon: 0).speed == nil)
    }

    /// Growth on the initial level with an interaction: the slope at z and its variance c′Vc.
    @Test func conditionalSlope() throws {
        var rows: [(Double, Double, Double)] = []
        var state: UInt64 = 42
        func uniform() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) / 9007199254740992
        }
        for _ in 0..<400 {
            let level = uniform() * 3, z = uniform()
            rows.append((level, z, -(0.1 + 0.05 * z) * level + 0.1 * (uniform() - 0.5)))
        }
        let data = try Dataset(columns: [
            .double("lny0", rows.map(\.0)), .double("z", rows.map(\.1)), .double("growth", rows.map(\.2)),
        ])
        let result = try FixedEffectsOLS.fit(FormulaParser.parse("growth ~ lny0 + lny0:z + z"), data: data,
                                             options: EstimationOptions(vcov: .heteroskedastic))
        let specification = ConvergenceSpecification(coefficient: "lny0", at: [.init(coefficient: "lny0:z", value: 0.4)])
        let speed = try specification.evaluate(on: result)
        let b1 = try #require(result.coefficient("lny0")), b2 = try #require(result.coefficient("lny0:z"))
        #expect(abs(speed.beta - (b1 + 0.4 * b2)) <= 1e-14)
        let i = try #require(result.coefficientNames.firstIndex(of: "lny0"))
        let j = try #require(result.coefficientNames.firstIndex(of: "lny0:z"))
        let v = result.covariance.matrix
        let variance = v[i, i] + 0.16 * v[j, j] + 0.8 * v[i, j]
        #expect(abs(speed.betaStandardError - variance.squareRoot()) <= 1e-12 * speed.betaStandardError)
        #expect(abs(speed.speed! - (-log(1 + speed.beta))) <= 1e-15)
        #expect(throws: EstimationError.self) {
            try ConvergenceSpecification(coefficient: "lny").evaluate(on: result)
        }
    }
}
