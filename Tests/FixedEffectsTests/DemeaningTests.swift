import FixedEffects
import Testing
import TestSupport

@Suite("Demeaning")
struct DemeaningTests {
    /// y with FE structure plus noise, so the projection is non-trivial.
    static func column(_ factors: [FactorCodes], generator: inout SplitMix64) -> [Double] {
        let effects = factors.map { f in (0..<f.levelCount).map { _ in 3 * generator.normal() } }
        return (0..<factors[0].codes.count).map { i in
            factors.indices.reduce(generator.normal()) { $0 + effects[$1][Int(factors[$1].codes[i])] }
        }
    }

    @Test func oneFactorIsGroupMeanSubtraction() throws {
        var generator = SplitMix64(seed: 11)
        let f = generator.factor("f", rows: 300, levels: 17)
        let y = Self.column([f], generator: &generator)
        let (demeaned, report) = try FixedEffectsSolver(factors: [f]).demean([y])
        var sums = [Double](repeating: 0, count: 17), counts = sums
        for i in y.indices { sums[Int(f.codes[i])] += y[i]; counts[Int(f.codes[i])] += 1 }
        let expected = y.indices.map { y[$0] - sums[Int(f.codes[$0])] * (1 / counts[Int(f.codes[$0])]) }
        #expect(largestDifference(demeaned[0], expected) < 1e-13)
        #expect(report.iterations == [1] && report.converged)
    }

    @Test(arguments: [2, 3])
    func severalFactorsMatchDummyRegression(factorCount: Int) throws {
        var generator = SplitMix64(seed: UInt64(20 + factorCount))
        let levels = [8, 6, 5]
        let factors = (0..<factorCount).map { generator.factor("f\($0)", rows: 120, levels: levels[$0]) }
        let y = Self.column(factors, generator: &generator)
        let x = (0..<120).map { _ in generator.normal() }
        let solver = try FixedEffectsSolver(factors: factors)
        // The default criterion (fixest's, on coefficients) leaves errors of ~tolerance × |α|;
        // the exactness checks below need a tighter one.
        let (demeaned, report) = try solver.demean([y, x], options: DemeaningOptions(tolerance: 1e-12))
        #expect(report.converged)
        let (loose, _) = try solver.demean([y, x])
        #expect(largestDifference(loose[0], demeaned[0]) < 1e-7)
        for (column, original) in zip(demeaned, [y, x]) {
            let scale = original.map(abs).reduce(0, +)
            #expect(largestGroupSum(column, factors: factors) < 1e-10 * scale)
            let reference = try dummyRegressionResidual(original, factors: factors)
            #expect(largestDifference(column, reference) < 1e-9)
        }
    }

    @Test func weightedDemeaningMatchesWeightedDummyRegression() throws {
        var generator = SplitMix64(seed: 31)
        let factors = [generator.factor("a", rows: 150, levels: 9), generator.factor("b", rows: 150, levels: 7)]
        let weights = (0..<150).map { _ in 0.2 + 2 * generator.uniform() }
        let y = Self.column(factors, generator: &generator)
        let (demeaned, report) = try FixedEffectsSolver(factors: factors, weights: weights)
            .demean([y], options: DemeaningOptions(tolerance: 1e-12))
        #expect(report.converged)
        #expect(largestGroupSum(demeaned[0], factors: factors, weights: weights) < 1e-10 * y.map(abs).reduce(0, +))
        let reference = try dummyRegressionResidual(y, factors: factors, weights: weights)
        #expect(largestDifference(demeaned[0], reference) < 1e-9)
    }

    /// A path graph a0–b0–a1–b1–…: alternating projections converge at rate 1 − O(1/m²).
    static func chain(length m: Int) -> [FactorCodes] {
        var a = [Int](), b = [Int]()
        for k in 0..<m {
            for _ in 0..<2 { a.append(k); b.append(k) }
            if k + 1 < m { for _ in 0..<2 { a.append(k + 1); b.append(k) } }
        }
        return [FactorCodes.encode(name: "a", integers: a), FactorCodes.encode(name: "b", integers: b)]
    }

    @Test func poorlyConnectedGraphConverges() throws {
        let factors = Self.chain(length: 150)
        var generator = SplitMix64(seed: 41)
        let y = (0..<factors[0].codes.count).map { _ in generator.normal() }
        let solver = try FixedEffectsSolver(factors: factors)
        let (demeaned, report) = try solver.demean([y], options: DemeaningOptions(tolerance: 1e-13))
        #expect(report.converged)
        #expect(largestGroupSum(demeaned[0], factors: factors) < 1e-10)
        let reference = try dummyRegressionResidual(y, factors: factors)
        #expect(largestDifference(demeaned[0], reference) < 1e-8)
    }

    @Test func nonConvergenceIsReported() throws {
        let factors = Self.chain(length: 150)
        var generator = SplitMix64(seed: 42)
        let y = (0..<factors[0].codes.count).map { _ in generator.normal() }
        var options = DemeaningOptions()
        options.maximumIterations = 2
        let (_, report) = try FixedEffectsSolver(factors: factors).demean([y, y], options: options)
        #expect(!report.converged)
        #expect(report.nonConvergedColumns == [0, 1])
        #expect(report.iterations == [2, 2])
    }

    @Test func invariantToRowOrderAndBatching() throws {
        var generator = SplitMix64(seed: 51)
        let rows = 400
        let factors = [generator.factor("a", rows: rows, levels: 30),
                       generator.factor("b", rows: rows, levels: 12),
                       generator.factor("c", rows: rows, levels: 9)]
        let y = Self.column(factors, generator: &generator)
        let x = (0..<rows).map { _ in generator.normal() }
        let solver = try FixedEffectsSolver(factors: factors)
        let (together, _) = try solver.demean([y, x])
        // Same arithmetic per column whatever the batching or thread count: bitwise equal.
        #expect(try solver.demean([x]).columns[0] == together[1])

        var permutation = Array(0..<rows)
        for i in stride(from: rows - 1, to: 0, by: -1) { permutation.swapAt(i, generator.integer(below: i + 1)) }
        let permutedFactors = factors.map { f in
            FactorCodes(name: f.name, codes: permutation.map { f.codes[$0] }, levelCount: f.levelCount)
        }
        let permuted = try FixedEffectsSolver(factors: permutedFactors)
            .demean([permutation.map { y[$0] }, permutation.map { x[$0] }]).columns
        for (column, original) in zip(permuted, together) {
            #expect(largestDifference(column, permutation.map { original[$0] }) < 1e-10)
        }
    }

    @Test func wrongColumnLengthThrows() throws {
        let f = FactorCodes(name: "f", codes: [0, 1, 1], levelCount: 2)
        #expect(throws: FixedEffectsError.lengthMismatch(name: "column 0", expected: 3, actual: 2)) {
            try FixedEffectsSolver(factors: [f]).demean([[1, 2]])
        }
    }
}
