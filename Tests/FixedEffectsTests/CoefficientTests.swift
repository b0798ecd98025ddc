import FixedEffects
import Testing
import TestSupport

@Suite("Fixed-effect coefficients")
struct CoefficientTests {
    static func effects(_ factors: [FactorCodes], generator: inout SplitMix64) -> [Double] {
        let alpha = factors.map { f in (0..<f.levelCount).map { _ in 2 * generator.normal() + 5 } }
        return (0..<factors[0].codes.count).map { i in
            factors.indices.reduce(0) { $0 + alpha[$1][Int(factors[$1].codes[i])] }
        }
    }

    static func fitted(_ alpha: [[Double]], _ factors: [FactorCodes]) -> [Double] {
        (0..<factors[0].codes.count).map { i in
            factors.indices.reduce(0) { $0 + alpha[$1][Int(factors[$1].codes[i])] }
        }
    }

    @Test(arguments: [1, 2, 3])
    func coefficientsReproduceEffects(factorCount: Int) throws {
        var generator = SplitMix64(seed: UInt64(60 + factorCount))
        let levels = [40, 15, 8]
        let factors = (0..<factorCount).map { generator.factor("f\($0)", rows: 500, levels: levels[$0]) }
        let effects = Self.effects(factors, generator: &generator)
        let (alpha, report) = try FixedEffectsSolver(factors: factors).coefficients(ofEffects: effects)
        #expect(report.converged)
        #expect(alpha.map(\.count) == Array(levels.prefix(factorCount)))
        #expect(largestDifference(Self.fitted(alpha, factors), effects) < 1e-8)
        for f in alpha.indices.dropFirst() { #expect(alpha[f][0] == 0) }
    }

    @Test func weightedCoefficientsReproduceEffects() throws {
        var generator = SplitMix64(seed: 65)
        let factors = [generator.factor("a", rows: 400, levels: 30), generator.factor("b", rows: 400, levels: 9),
                       generator.factor("c", rows: 400, levels: 6)]
        let weights = (0..<400).map { _ in 0.1 + generator.uniform() }
        let effects = Self.effects(factors, generator: &generator)
        let (alpha, report) = try FixedEffectsSolver(factors: factors, weights: weights).coefficients(ofEffects: effects)
        #expect(report.converged)
        #expect(largestDifference(Self.fitted(alpha, factors), effects) < 1e-8)
    }

    @Test func oneReferencePerComponent() throws {
        // Two disconnected blocks: factor b gets a zero reference in each.
        let a = FactorCodes.encode(name: "a", integers: [0, 0, 1, 1, 2, 2, 3, 3])
        let b = FactorCodes.encode(name: "b", integers: [0, 1, 0, 1, 2, 3, 2, 3])
        var generator = SplitMix64(seed: 70)
        let effects = Self.effects([a, b], generator: &generator)
        let (alpha, report) = try FixedEffectsSolver(factors: [a, b]).coefficients(ofEffects: effects)
        #expect(report.converged)
        #expect(alpha[1][0] == 0 && alpha[1][2] == 0)
        #expect(largestDifference(Self.fitted(alpha, [a, b]), effects) < 1e-8)
    }
}
