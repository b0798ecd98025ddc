import Foundation
@testable import Models
import Numerical
import Testing

/// The province model's pieces checked against their definitions: geography and weights, the latent
/// paths (the diffusion solve and its analytic Internet derivative against finite differences),
/// expected exports against quadrature and against the mean of drawn firms, and reproducibility.
@Suite("allocation-regional model")
struct AllocationRegionalTests {
    static func parameters(_ overrides: [String: ParameterValue] = [:]) throws -> AllocationRegionalParameters {
        var values = AllocationRegional.descriptor.defaults
        for (key, value) in overrides { values[key] = value }
        return try AllocationRegionalParameters(values)
    }

    @Test("geography: one draw per seed, ⌈R/2⌉ easternmost provinces coastal, W row-standardised with a zero diagonal")
    func geography() throws {
        let p = try Self.parameters(["regions": .integer(9)])
        let geography = RegionalGeography(parameters: p, seed: 11)
        #expect(geography == RegionalGeography(parameters: p, seed: 11))
        #expect(geography != RegionalGeography(parameters: p, seed: 12))
        #expect(geography.coastal.filter { $0 }.count == 5)
        let westernmostCoastal = zip(geography.x, geography.coastal).filter { $0.1 }.map(\.0).min() ?? 0
        let easternmostInland = zip(geography.x, geography.coastal).filter { !$0.1 }.map(\.0).max() ?? 1
        #expect(westernmostCoastal > easternmostInland)
        for matrix in [geography.inverseDistance, geography.personnelFlows, geography.fundFlows] {
            for i in 0..<9 {
                #expect(matrix[i * 9 + i] == 0)
                #expect(abs((0..<9).reduce(0) { $0 + matrix[i * 9 + $1] } - 1) < 1e-14)
            }
        }
        // W_FP ∝ P_i P_j / d_ij² within a row: the ratio of two entries of row 0.
        let (x, y, personnel) = (geography.x, geography.y, geography.researchPersonnel)
        func squaredDistance(_ i: Int, _ j: Int) -> Double { pow(x[i] - x[j], 2) + pow(y[i] - y[j], 2) }
        let expected = (personnel[1] / squaredDistance(0, 1)) / (personnel[2] / squaredDistance(0, 2))
        #expect(abs(geography.personnelFlows[1] / geography.personnelFlows[2] / expected - 1) < 1e-12)
    }

    @Test("noise-free paths: the first year's Internet by its formula, T solving T = (ρ + ρ′ diag(I)) W_FP T + Z")
    func pathsSolveTheirEquations() throws {
        let p = try Self.parameters(["regions": .integer(8), "years": .integer(6)])
        let geography = RegionalGeography(parameters: p, seed: 5)
        let paths = try RegionalPaths(parameters: p, geography: geography,
                                      normals: [Double](repeating: 0, count: RegionalPaths.drawCount(p)))
        let base = (0..<8).map { p.baseInternet + geography.internetEffect[$0] + (geography.coastal[$0] ? p.coastalInternet : 0) }
        let neighbours = RegionalGeography.product(geography.inverseDistance, base)
        for r in 0..<8 {
            let expected = (1 - p.internetDiffusion) * base[r] + p.internetDiffusion * neighbours[r]
            #expect(abs(paths.internet[r] - expected) < 1e-15)
            #expect(paths.logTheta[r] == p.thetaInternet * paths.internet[r])
        }
        for t in 0..<6 {
            let levels = Array(paths.technology[(t * 8)..<((t + 1) * 8)])
            let spill = RegionalGeography.product(geography.personnelFlows, levels)
            for r in 0..<8 {
                let strength = p.technologyDiffusion + p.technologyDiffusionInternet * paths.internet[t * 8 + r]
                #expect(abs(levels[r] - strength * spill[r] - paths.localTechnology[t * 8 + r]) < 1e-13)
            }
        }
    }

    @Test("∂T_r/∂I_r = [A⁻¹]_rr ρ′ (W T)_r agrees with central finite differences of the diffusion solve")
    func technologySlopeAgainstFiniteDifferences() throws {
        let p = try Self.parameters(["regions": .integer(7), "rho": .real(0.5), "rho_internet": .real(0.3)])
        let geography = RegionalGeography(parameters: p, seed: 3)
        let local = (0..<7).map { 0.05 * Double($0) - 0.1 }
        let internet = (0..<7).map { 0.2 + 0.03 * Double($0) }
        let (_, slopes) = try RegionalPaths.diffuse(local, internet: internet, parameters: p, weights: geography.personnelFlows)
        let step = 1e-6
        for r in 0..<7 {
            var up = internet, down = internet
            up[r] += step
            down[r] -= step
            let levelsUp = try RegionalPaths.diffuse(local, internet: up, parameters: p, weights: geography.personnelFlows).levels
            let levelsDown = try RegionalPaths.diffuse(local, internet: down, parameters: p, weights: geography.personnelFlows).levels
            let difference = (levelsUp[r] - levelsDown[r]) / (2 * step)
            #expect(abs(difference - slopes[r]) <= 1e-7 * max(abs(slopes[r]), 1e-3), "province \(r): \(difference) vs \(slopes[r])")
        }
    }

    @Test("|ρ + ρ′ I| ≥ 1 is refused, naming rho and rho_internet")
    func unstableDiffusionIsRefused() throws {
        let p = try Self.parameters(["regions": .integer(6), "rho": .real(0.9), "rho_internet": .real(1.0)])
        #expect {
            _ = try AllocationRegionalModel(parameters: p).theory(seed: 1)
        } throws: { error in
            guard case .simulationOutOfRange(_, let keys)? = error as? ModelError else { return false }
            return keys.contains("rho") && keys.contains("rho_internet")
        }
    }

    @Test("expected exports by class: the closed form equals GSL quadrature of the Pareto integral")
    func expectedExportsAgainstQuadrature() throws {
        let p = try Self.parameters(["regions": .integer(5), "years": .integer(4)])
        let theory = try AllocationRegionalModel(parameters: p).theory(seed: 9)
        for cell in [0, 7, 19] {
            let equilibrium = theory.economies.equilibria[cell]
            let economy = ComplexityEconomy(parameters: equilibrium.parameters, internetLevel: equilibrium.internetLevel)
            let sigma = p.economy.elasticityOfSubstitution
            for m in 1...p.complexityCount {
                let psi = economy.productivityMultiplier(m)
                let integral = try economy.paretoProfitIntegralByQuadrature(
                    shifter: sigma * economy.exportShifter * pow(psi, sigma - 1), fixedCost: 0,
                    lowerLimit: equilibrium.effectiveExportCutoff / psi)
                let expected = Double(p.entrantsPerRegion) * p.economy.complexityProbabilities[m - 1] * integral
                let closedForm = theory.economies.classExports[cell * p.complexityCount + m - 1]
                #expect(abs(closedForm / expected - 1) < 1e-8, "cell \(cell), m = \(m)")
            }
        }
    }

    @Test("drawn firms' exports average to the expected exports class by class (k = 9: sales with finite variance)")
    func drawnExportsAverageToExpectations() throws {
        let p = try Self.parameters(["regions": .integer(4), "years": .integer(3), "k": .real(9), "firms_per_region": .integer(200_000),
                                     "products_per_complexity": .integer(2)])
        let model = AllocationRegionalModel(parameters: p)
        let theory = try model.theory(seed: 21)
        let classes = p.complexityCount, cells = p.regionCount * p.yearCount
        // By complexity class, summed over province-years: the composition MET is computed from.
        let expected = (0..<classes).map { m in (0..<cells).reduce(0) { $0 + theory.economies.classExports[$1 * classes + m] } }
        #expect(expected.allSatisfy { $0 > 0 })
        var totals: [[Double]] = []
        for replication in 0..<8 {
            var stream = PhiloxStream(masterSeed: 21, replication: replication, purpose: "test/firms")
            let exports = RegionalFirmExports.draw(parameters: p, economies: theory.economies, stream: &stream)
            totals.append((0..<classes).map { m in
                (0..<cells).reduce(0) { sum, cell in
                    sum + (0..<p.productsPerComplexity).reduce(0) { $0 + exports[cell * p.productCount + m * p.productsPerComplexity + $1] }
                }
            })
        }
        for m in 0..<classes {
            let values = totals.map { $0[m] }
            let mean = values.reduce(0, +) / Double(values.count)
            let sd = (values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(values.count - 1)).squareRoot()
            let standardError = sd / Double(values.count).squareRoot()
            #expect(abs(mean - expected[m]) < 4 * standardError + 1e-3 * expected[m],
                    "class \(m + 1): mean \(mean), expected \(expected[m]), SE \(standardError)")
            #expect(standardError < 0.2 * expected[m], "class \(m + 1): SE \(standardError) of \(expected[m])")
        }
    }

    @Test("a replication depends on (seed, replication) only")
    func replicationsAreReproducible() throws {
        let p = try Self.parameters(["regions": .integer(5), "years": .integer(4), "firms_per_region": .integer(2000)])
        let model = AllocationRegionalModel(parameters: p)
        let theory = try model.theory(seed: 4)
        let first = try model.simulate(theory, replication: 3), again = try model.simulate(theory, replication: 3)
        let other = try model.simulate(theory, replication: 4)
        #expect(first.productExports == again.productExports && first.indicators == again.indicators && first.paths == again.paths)
        #expect(first.productExports != other.productExports && first.paths != other.paths)
    }

    @Test("without θ's response (λ = 0) and without ρ′, Internet has no contemporaneous channel: every slope is 0")
    func noChannelNoSlope() throws {
        let p = try Self.parameters(["regions": .integer(6), "years": .integer(4), "theta_internet": .real(0), "rho_internet": .real(0)])
        let model = AllocationRegionalModel(parameters: p)
        let replication = try model.simulate(try model.theory(seed: 2), replication: 0)
        #expect(replication.paths.technologyInternetSlope.allSatisfy { $0 == 0 })
        #expect(replication.paths.logTheta.allSatisfy { abs($0) < 1 })
    }
}
