import Testing
@testable import MonteCarlo

@Suite struct NormalQuantileTests {
    /// Reference values from scipy.stats.norm.ppf (scipy 1.17.1).
    @Test(arguments: [
        (0.975, 1.959963984540054),
        (0.995, 2.5758293035489004),
        (0.9, 1.2815515655446004),
        (1e-10, -6.361340902404056),
        (0.5 + 1e-9, 2.5066282037387115e-09),
        (0.001, -3.090232306167813),
        (0.02425, -1.972961051311885),
        (0.024, -1.977368428181947),
        (0.3, -0.5244005127080409),
        (0.7, 0.5244005127080407),
        (0.999999, 4.753424308817087),
        (1e-300, -37.0470962993612),
    ])
    func quantileMatchesReference(probability: Double, expected: Double) {
        let value = NormalQuantile.standard(probability)
        #expect(abs(value - expected) <= 1e-15 * max(1, abs(expected)), "p = \(probability): \(value) vs \(expected)")
    }

    @Test func twoSidedCriticalValueAt95Percent() {
        #expect(abs(NormalQuantile.twoSidedCriticalValue(level: 0.95) - 1.959963984540054) <= 1e-15)
    }

    @Test func quantileInvertsTheDistributionFunction() {
        for probability in stride(from: 0.001, to: 0.999, by: 0.0137) {
            let x = NormalQuantile.standard(probability)
            #expect(abs(NormalQuantile.cumulativeProbability(x) - probability) <= 4 * probability.ulp)
        }
    }

    @Test func edgeCases() {
        #expect(NormalQuantile.standard(0) == -.infinity)
        #expect(NormalQuantile.standard(1) == .infinity)
        #expect(NormalQuantile.standard(0.5) == 0)
        #expect(NormalQuantile.standard(-0.1).isNaN)
        #expect(NormalQuantile.standard(.nan).isNaN)
        #expect(NormalQuantile.twoSidedCriticalValue(level: 1).isNaN)
    }
}
