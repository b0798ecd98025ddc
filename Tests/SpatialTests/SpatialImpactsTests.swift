import Foundation
import Testing
import TestSupport
@testable import Spatial

@Suite("Spatial impacts (LeSage–Pace) against spatialreg on Columbus")
struct SpatialImpactsTests {
    @Test("direct, indirect and total effects match spatialreg's exact impacts", arguments: [SpatialModelKind.sar, .sac, .sdm])
    func pointEstimates(model: SpatialModelKind) throws {
        let (sample, fixture) = try ColumbusOracleTests.sample()
        let models: [String: Any] = try fixture.value("models")
        let reference = try #require((models[model.rawValue] as? [String: Any])?["impacts"] as? [String: Any])
        let fit = try SpatialMaximumLikelihood.fit(sample, options: SpatialOptions(model: model))
        let impacts = try SpatialImpacts.estimate(fit, weights: sample.weights, inference: .deltaMethod)
        #expect(impacts.effects.map(\.variable) == ["INC", "HOVAL"])
        for effect in impacts.effects {
            for (key, ours) in [("direct", effect.direct), ("indirect", effect.indirect), ("total", effect.total)] {
                let value = try #require((reference[key] as? [String: Double])?[effect.variable])
                #expect(ColumbusOracleTests.relative(ours, value) < 1e-6, "\(model) \(effect.variable) \(key): \(ours) vs \(value)")
            }
        }
    }

    @Test("delta-method standard errors equal the quadratic form of a finite-difference gradient")
    func deltaMethodGradient() throws {
        let (sample, _) = try ColumbusOracleTests.sample()
        for model in [SpatialModelKind.sar, .sdm] {
            let fit = try SpatialMaximumLikelihood.fit(sample, options: SpatialOptions(model: model))
            let delta = try SpatialImpacts.estimate(fit, weights: sample.weights, inference: .deltaMethod)
            let calculator = try SpatialImpactCalculator(fit: fit, weights: sample.weights)
            let size = fit.coefficients.count
            // gradients[parameter][variable][part]
            let gradients: [[[Double]]] = (0..<size).map { parameter in
                let step = 1e-6 * Swift.max(abs(fit.coefficients[parameter]), 1)
                var up = fit.coefficients, down = fit.coefficients
                up[parameter] += step
                down[parameter] -= step
                let high = calculator.effects(at: up), low = calculator.effects(at: down)
                return zip(high, low).map { pair in zip(pair.0, pair.1).map { ($0 - $1) / (2 * step) } }
            }
            for (index, effect) in delta.effects.enumerated() {
                let ours = [effect.directStandardError, effect.indirectStandardError, effect.totalStandardError]
                for part in 0..<3 {
                    var variance = 0.0
                    for row in 0..<size {
                        for column in 0..<size {
                            variance += gradients[row][index][part] * fit.covariance[row, column] * gradients[column][index][part]
                        }
                    }
                    #expect(abs(ours[part] - variance.squareRoot()) / ours[part] < 1e-6, "\(model) \(effect.variable) part \(part)")
                }
            }
        }
    }

    @Test("simulated standard errors repeat bit for bit at a fixed seed and agree with the delta method where the effect is near-linear")
    func simulation() throws {
        let (sample, _) = try ColumbusOracleTests.sample()
        let fit = try SpatialMaximumLikelihood.fit(sample, options: SpatialOptions(model: .sdm))
        let delta = try SpatialImpacts.estimate(fit, weights: sample.weights, inference: .deltaMethod)
        let simulated = try SpatialImpacts.estimate(fit, weights: sample.weights, draws: 20_000, seed: 7)
        let again = try SpatialImpacts.estimate(fit, weights: sample.weights, draws: 20_000, seed: 7)
        let other = try SpatialImpacts.estimate(fit, weights: sample.weights, draws: 20_000, seed: 8)
        #expect(simulated.effects == again.effects)
        #expect(simulated.effects != other.effects)
        for (first, second) in zip(delta.effects, simulated.effects) {
            #expect(first.direct == second.direct && first.total == second.total)
            // Direct effects are nearly linear in (β, θ, ρ): 20,000 draws agree with the delta method to a few per cent.
            #expect(abs(first.directStandardError - second.directStandardError) / first.directStandardError < 0.05)
            // Total effects scale with 1/(1 − ρ), convex in ρ: the simulated spread exceeds the linearisation's.
            #expect(second.totalStandardError > first.totalStandardError)
        }
    }

    @Test("SEM impacts are β with no spill-over; SDEM's indirect effect is θ")
    func errorModels() throws {
        let (sample, _) = try ColumbusOracleTests.sample()
        let sem = try SpatialMaximumLikelihood.fit(sample, options: SpatialOptions(model: .sem))
        let semImpacts = try SpatialImpacts.estimate(sem, weights: sample.weights, inference: .deltaMethod)
        #expect(semImpacts.effects[0].direct == sem.coefficient(named: "INC")?.estimate)
        #expect(semImpacts.effects[0].indirect == 0)
        let sdem = try SpatialMaximumLikelihood.fit(sample, options: SpatialOptions(model: .sdem))
        let sdemImpacts = try SpatialImpacts.estimate(sdem, weights: sample.weights, inference: .deltaMethod)
        #expect(sdemImpacts.effects[1].indirect == sdem.coefficient(named: "W*HOVAL")?.estimate)
        #expect(sdemImpacts.effects[1].indirectStandardError == sdem.coefficient(named: "W*HOVAL")?.standardError)
    }

    @Test("impacts from the sparse LU log-determinant (interpolated tr G) equal the exact eigenvalue ones")
    func sparseTraces() throws {
        let (sample, _) = try ColumbusOracleTests.sample()
        let fit = try SpatialMaximumLikelihood.fit(sample, options: SpatialOptions(model: .sdm))
        let exact = try SpatialImpacts.estimate(fit, weights: sample.weights, inference: .deltaMethod)
        let sparse = try SpatialImpacts.estimate(
            fit, weights: sample.weights, inference: .deltaMethod,
            jacobian: try SpatialJacobians.make(weights: sample.weights, method: .sparseLU))
        for (first, second) in zip(exact.effects, sparse.effects) {
            #expect(ColumbusOracleTests.relative(second.direct, first.direct) < 1e-8)
            #expect(ColumbusOracleTests.relative(second.indirect, first.indirect) < 1e-8)
            #expect(ColumbusOracleTests.relative(second.directStandardError, first.directStandardError) < 1e-6)
            #expect(ColumbusOracleTests.relative(second.totalStandardError, first.totalStandardError) < 1e-6)
        }
        // Simulation draws use the interpolant: the same draws give SEs within 1% of the exact ones.
        let lu = try SpatialJacobians.make(weights: sample.weights, method: .sparseLU)
        let exactDraws = try SpatialImpacts.estimate(fit, weights: sample.weights, draws: 2_000, seed: 3)
        let sparseDraws = try SpatialImpacts.estimate(
            fit, weights: sample.weights, inference: .simulation(draws: 2_000, seed: 3), jacobian: lu)
        for (first, second) in zip(exactDraws.effects, sparseDraws.effects) {
            #expect(abs(second.directStandardError / first.directStandardError - 1) < 0.01)
        }
    }
}
