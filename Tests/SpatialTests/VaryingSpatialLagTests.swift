import Foundation
import Numerical
import Testing
@testable import Spatial

/// Paper 000's eq. (25): the spatial lag whose coefficient is ρ + ρ′·z_it. No package offers it, so
/// it is checked by its reduction to SAR and by recovery of (ρ, ρ′, β) on simulated panels.
@Suite("Varying-ρ spatial lag model (paper 000, eq. 25)")
struct VaryingSpatialLagTests {
    /// Row-standardised 4-nearest-neighbour W on `units` points of the unit square (seeded).
    static func weights(units: Int, seed: UInt64) throws -> SpatialWeights {
        let stream = RandomStream(masterSeed: seed, replication: 0, purpose: "varying-lag-points")
        let points = (0..<units).map { _ in (stream.nextUniform(), stream.nextUniform()) }
        var triplets: [(row: Int, column: Int, weight: Double)] = []
        for (index, point) in points.enumerated() {
            let distances = points.enumerated().filter { $0.offset != index }.map { other in
                (other.offset, (point.0 - other.element.0) * (point.0 - other.element.0)
                    + (point.1 - other.element.1) * (point.1 - other.element.1))
            }.sorted { ($0.1, $0.0) < ($1.1, $1.0) }
            for neighbour in distances.prefix(4) { triplets.append((index, neighbour.0, 1)) }
        }
        return try SpatialWeights(unitIdentifiers: (0..<units).map { "r\($0)" }, triplets: triplets).rowStandardized()
    }

    struct Truth {
        var rho = 0.4, rhoPrime = 0.25, beta = [1.0, -0.5], sigma = 1.0
    }

    /// y_t = (I − ρW − ρ′D_tW)⁻¹(X_tβ + μ + ε_t) with z ~ U(0.2, 1.6), unit effects μ ~ N(0, 1).
    static func simulate(weights: SpatialWeights, periods: Int, truth: Truth, replication: Int) throws
        -> (sample: SpatialSample, modifier: [Double]) {
        let n = weights.unitCount
        let stream = RandomStream(masterSeed: 2025, replication: replication, purpose: "varying-lag-panel")
        let normal = try NormalDistribution(mean: 0, standardDeviation: 1)
        let effects = (0..<n).map { _ in normal.sample(stream) }
        var y: [Double] = [], x1: [Double] = [], x2: [Double] = [], z: [Double] = []
        let dense = weights.denseElements()
        for _ in 0..<periods {
            let modifier = (0..<n).map { _ in 0.2 + 1.4 * stream.nextUniform() }
            let first = (0..<n).map { _ in normal.sample(stream) }
            let second = (0..<n).map { index in 0.5 * effects[index] + normal.sample(stream) }
            let right = (0..<n).map { index in
                truth.beta[0] * first[index] + truth.beta[1] * second[index] + effects[index] + truth.sigma * normal.sample(stream)
            }
            var system = [Double](repeating: 0, count: n * n)
            for row in 0..<n {
                for column in 0..<n {
                    system[row * n + column] = (row == column ? 1 : 0)
                        - (truth.rho + truth.rhoPrime * modifier[row]) * dense[row * n + column]
                }
            }
            y += try Matrix(rows: n, columns: n, elements: system).solve(right)
            x1 += first
            x2 += second
            z += modifier
        }
        let sample = try SpatialSample(
            responseName: "y", response: y, regressorNames: ["x1", "x2"], regressors: [x1, x2],
            weights: weights, periodCount: periods)
        return (sample, z)
    }

    @Test("with ρ′ = 0 the per-period log-determinants are SAR's T·ln|I − ρW|")
    func reducesToSAR() throws {
        let weights = try Self.weights(units: 25, seed: 3)
        let periods = try VaryingLagPeriods(weights: weights, modifier: (0..<(25 * 4)).map { Double($0 % 7) / 7 })
        let exact = try DenseEigenJacobian(weights: weights)
        for rho in [-0.8, -0.2, 0.3, 0.9] {
            let varying = try #require(try periods.logDeterminant(rho: rho, rhoPrime: 0))
            #expect(abs(varying - 4 * (try exact.logDeterminant(at: rho))) < 1e-10)
            #expect(try periods.largestRealEigenvalue(rho: rho, rhoPrime: 0) < 1)
        }
        #expect(try periods.largestRealEigenvalue(rho: 0.9, rhoPrime: 0.5) > 1)
    }

    @Test("on data without the interaction, ρ̂′ is near zero and ρ̂, β̂ are close to the SAR estimates")
    func nestsSAR() throws {
        let weights = try Self.weights(units: 40, seed: 5)
        var truth = Truth()
        truth.rhoPrime = 0
        let (sample, modifier) = try Self.simulate(weights: weights, periods: 10, truth: truth, replication: 1)
        let varying = try VaryingSpatialLag.fit(sample, modifierName: "z", modifier: modifier, effects: .individual)
        let sar = try SpatialMaximumLikelihood.fit(sample, options: SpatialOptions(model: .sar, effects: .individual))
        let rhoPrime = try #require(varying.coefficient(named: "rho_prime"))
        #expect(abs(rhoPrime.estimate) < 3 * rhoPrime.standardError)
        #expect(varying.logLikelihood >= sar.logLikelihood - 1e-9)
        #expect(varying.logLikelihood - sar.logLikelihood < 3.0)
        #expect(abs(varying.rho + varying.rhoPrime * modifier.reduce(0, +) / Double(modifier.count) - sar.rho) < 0.05)
        #expect(varying.converged, "\(varying.warnings)")
        // The search's gradient vanishes at the optimum.
        #expect(varying.gradient.allSatisfy { abs($0) < 1e-3 }, "\(varying.gradient)")
    }

    @Test("recovers ρ, ρ′ and β on simulated panels within Monte Carlo error, with honest standard errors")
    func recovery() throws {
        let weights = try Self.weights(units: 30, seed: 11)
        let truth = Truth()
        let replications = 100
        var estimates: [[Double]] = [], errors: [[Double]] = []
        for replication in 0..<replications {
            let (sample, modifier) = try Self.simulate(weights: weights, periods: 12, truth: truth, replication: replication)
            let fit = try VaryingSpatialLag.fit(sample, modifierName: "z", modifier: modifier, effects: .individual)
            estimates.append(fit.coefficients)
            errors.append(fit.standardErrors)
        }
        let targets = truth.beta + [truth.rho, truth.rhoPrime]
        for (index, target) in targets.enumerated() {
            let values = estimates.map { $0[index] }
            let mean = values.reduce(0, +) / Double(replications)
            let sd = (values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(replications - 1)).squareRoot()
            let meanError = errors.map { $0[index] }.reduce(0, +) / Double(replications)
            #expect(abs(mean - target) < 3 * sd / Double(replications).squareRoot(), "parameter \(index): mean \(mean) vs \(target), sd \(sd)")
            #expect(abs(meanError / sd - 1) < 0.35, "parameter \(index): mean SE \(meanError) vs SD \(sd)")
        }
    }

    @Test("impacts at a common level q equal SAR impacts at ρ + ρ′q, and grow with q when ρ′ > 0")
    func impacts() throws {
        let weights = try Self.weights(units: 30, seed: 11)
        let (sample, modifier) = try Self.simulate(weights: weights, periods: 12, truth: Truth(), replication: 3)
        let fit = try VaryingSpatialLag.fit(sample, modifierName: "z", modifier: modifier, effects: .individual)
        let levels = try VaryingLagImpacts.atLevels(fit, weights: weights, levels: [0.2, 1.0, 1.6])
        for row in levels.rows where row.variable == "x1" {
            let level = Double(row.label.split(separator: "=")[1].trimmingCharacters(in: .whitespaces))!
            let scale = fit.rho + fit.rhoPrime * level
            var system = weights.denseElements().map { -scale * $0 }
            for index in 0..<30 { system[index * 30 + index] += 1 }
            let trace = try Matrix(rows: 30, columns: 30, elements: system).inverse().diagonalElements.reduce(0, +) / 30
            let beta = fit.coefficients[0]
            #expect(abs(row.direct - beta * trace) < 1e-10)
            #expect(abs(row.total - beta / (1 - scale)) < 1e-10)
        }
        let totals = levels.rows.filter { $0.variable == "x1" }.map(\.total)
        #expect(fit.rhoPrime > 0 && totals == totals.sorted())
        let periods = try VaryingLagImpacts.byPeriod(fit, sample: sample, modifier: modifier)
        #expect(periods.rows.count == 12 * 2)
        #expect(periods.rows.allSatisfy { $0.directStandardError > 0 && $0.totalStandardError > 0 })
    }
}
