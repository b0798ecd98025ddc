import Testing
@testable import Numerical

/// Sample moments of `draws` against the population mean and variance, each within
/// 5 standard errors (the variance's standard error estimated from the sample fourth moment).
private func expectMoments(_ draws: [Double], mean: Double, variance: Double, _ label: String) {
    let count = Double(draws.count)
    let sampleMean = draws.reduce(0, +) / count
    let centered = draws.map { $0 - sampleMean }
    let sampleVariance = centered.reduce(0) { $0 + $1 * $1 } / (count - 1)
    let fourthMoment = centered.reduce(0) { $0 + $1 * $1 * $1 * $1 } / count
    let meanError = (variance / count).squareRoot()
    let varianceError = ((fourthMoment - sampleVariance * sampleVariance) / count).squareRoot()
    #expect(abs(sampleMean - mean) <= 5 * meanError, "\(label) mean \(sampleMean) vs \(mean)")
    #expect(abs(sampleVariance - variance) <= 5 * varianceError, "\(label) variance \(sampleVariance) vs \(variance)")
}

@Suite("Distribution properties")
struct DistributionPropertyTests {
    static let drawCount = 200_000

    @Test func continuousSampleMoments() throws {
        let stream = RandomStream(masterSeed: 2026, replication: 0, purpose: "continuous-moments")
        let uniform = try UniformDistribution(lower: -1, upper: 3)
        expectMoments(uniform.samples(Self.drawCount, from: stream), mean: uniform.mean, variance: uniform.variance, "uniform")
        let normal = try NormalDistribution(mean: 1.5, standardDeviation: 2)
        expectMoments(normal.samples(Self.drawCount, from: stream), mean: normal.mean, variance: normal.variance, "normal")
        let lognormal = try LognormalDistribution(logMean: 0.3, logStandardDeviation: 0.5)
        expectMoments(lognormal.samples(Self.drawCount, from: stream), mean: lognormal.mean, variance: lognormal.variance, "lognormal")
        let pareto = try ParetoDistribution(shape: 10, scale: 0.8)
        expectMoments(pareto.samples(Self.drawCount, from: stream), mean: pareto.mean, variance: pareto.variance, "pareto")
    }

    @Test func discreteSampleMoments() throws {
        let stream = RandomStream(masterSeed: 2026, replication: 0, purpose: "discrete-moments")
        let poisson = try PoissonDistribution(mean: 3.7)
        expectMoments(poisson.samples(Self.drawCount, from: stream).map(Double.init), mean: 3.7, variance: 3.7, "poisson")
        let negativeBinomial = try NegativeBinomialDistribution(mean: 4, dispersion: 1.5)
        #expect(abs(negativeBinomial.variance - (4 + 16 / 1.5)) < 1e-12)
        expectMoments(negativeBinomial.samples(Self.drawCount, from: stream).map(Double.init),
                      mean: 4, variance: 4 + 16 / 1.5, "negative binomial")
    }

    @Test func categoricalFrequencies() throws {
        let probabilities = [0.1, 0.0, 0.25, 0.4, 0.25]
        let categorical = try CategoricalDistribution(probabilities: probabilities)
        let stream = RandomStream(masterSeed: 2026, replication: 0, purpose: "categorical")
        var counts = [Int](repeating: 0, count: probabilities.count)
        for draw in categorical.samples(Self.drawCount, from: stream) { counts[draw] += 1 }
        for (index, probability) in probabilities.enumerated() {
            let expected = probability * Double(Self.drawCount)
            let standardError = (Double(Self.drawCount) * probability * (1 - probability)).squareRoot()
            #expect(abs(Double(counts[index]) - expected) <= 5 * standardError, "category \(index)")
        }
        #expect(counts[1] == 0)
        #expect(categorical.probability(3) == 0.4)
        #expect(categorical.probability(5) == 0)
        #expect(categorical.probability(-1) == 0)
    }

    @Test func densitiesIntegrateToOne() throws {
        let uniform = try UniformDistribution(lower: -1, upper: 3)
        let normal = try NormalDistribution(mean: 1.5, standardDeviation: 2)
        let lognormal = try LognormalDistribution(logMean: 0.3, logStandardDeviation: 0.7)
        let pareto = try ParetoDistribution(shape: 3.5, scale: 0.8)
        let integrals = [
            try Quadrature.integrate(from: -1, to: 3) { uniform.density($0) }.value,
            try Quadrature.integrateOverRealLine { normal.density($0) }.value,
            try Quadrature.integrateToInfinity(from: 0) { lognormal.density($0) }.value,
            try Quadrature.integrateToInfinity(from: 0.8) { pareto.density($0) }.value,
        ]
        for integral in integrals { #expect(abs(integral - 1) < 1e-10, "∫ density = \(integral)") }
        // The mean by quadrature agrees with the closed form.
        let paretoMean = try Quadrature.integrateToInfinity(from: 0.8) { $0 * pareto.density($0) }.value
        #expect(abs(paretoMean - pareto.mean) < 1e-10 * pareto.mean)
    }

    @Test func discreteMassesSumToCumulative() throws {
        let poisson = try PoissonDistribution(mean: 3.7)
        let negativeBinomial = try NegativeBinomialDistribution(successProbability: 0.35, size: 2.5)
        var poissonSum = 0.0
        var negativeBinomialSum = 0.0
        for value in 0...30 {
            poissonSum += poisson.probability(value)
            negativeBinomialSum += negativeBinomial.probability(value)
            #expect(abs(poissonSum - poisson.cumulative(value)) < 1e-13)
            #expect(abs(negativeBinomialSum - negativeBinomial.cumulative(value)) < 1e-13)
        }
        #expect(abs(negativeBinomial.probability(5_000_000_000)) < 1e-300)
    }

    @Test("cumulative(quantile(p)) == p to 1e-12 relative")
    func cumulativeInvertsQuantile() throws {
        let distributions: [any ContinuousDistribution] = [
            try UniformDistribution(lower: -1, upper: 3),
            try NormalDistribution(mean: 1.5, standardDeviation: 2),
            try LognormalDistribution(logMean: 0.3, logStandardDeviation: 0.7),
            try ParetoDistribution(shape: 3.5, scale: 0.8),
        ]
        let probabilities = [1e-10, 1e-4, 0.01, 0.2, 0.5, 0.77, 0.99, 0.999_999]
        for distribution in distributions {
            for probability in probabilities {
                let quantile = distribution.quantile(probability)
                let roundTrip = distribution.cumulative(quantile)
                // 1e-12 relative, plus what rounding the quantile to a double costs
                // unavoidably: density × one ulp (matters only where p ≪ ulp(x) · density).
                let roundingOfQuantile = 2 * distribution.density(quantile) * quantile.ulp
                #expect(abs(roundTrip - probability) <= 1e-12 * probability + roundingOfQuantile,
                        "\(distribution) at p = \(probability)")
            }
            #expect(distribution.quantile(-0.1).isNaN)
            #expect(distribution.quantile(1.5).isNaN)
        }
    }

    @Test func meansThatDoNotExist() throws {
        #expect(try ParetoDistribution(shape: 1, scale: 1).mean == .infinity)
        #expect(try ParetoDistribution(shape: 2, scale: 1).variance == .infinity)
        #expect(try ParetoDistribution(shape: 3, scale: 2).mean == 3)
    }

    @Test func invalidParametersThrow() {
        let attempts: [(String, () throws -> Void)] = [
            ("uniform reversed", { _ = try UniformDistribution(lower: 2, upper: 1) }),
            ("uniform infinite", { _ = try UniformDistribution(lower: 0, upper: .infinity) }),
            ("normal sd 0", { _ = try NormalDistribution(mean: 0, standardDeviation: 0) }),
            ("normal nan mean", { _ = try NormalDistribution(mean: .nan, standardDeviation: 1) }),
            ("lognormal sd < 0", { _ = try LognormalDistribution(logMean: 0, logStandardDeviation: -1) }),
            ("pareto shape 0", { _ = try ParetoDistribution(shape: 0, scale: 1) }),
            ("pareto scale < 0", { _ = try ParetoDistribution(shape: 2, scale: -1) }),
            ("poisson mean < 0", { _ = try PoissonDistribution(mean: -0.5) }),
            ("poisson mean nan", { _ = try PoissonDistribution(mean: .nan) }),
            ("negbin p = 1", { _ = try NegativeBinomialDistribution(successProbability: 1, size: 2) }),
            ("negbin p = 0", { _ = try NegativeBinomialDistribution(successProbability: 0, size: 2) }),
            ("negbin size 0", { _ = try NegativeBinomialDistribution(successProbability: 0.5, size: 0) }),
            ("negbin mean 0", { _ = try NegativeBinomialDistribution(mean: 0, dispersion: 2) }),
            ("categorical empty", { _ = try CategoricalDistribution(probabilities: []) }),
            ("categorical negative", { _ = try CategoricalDistribution(probabilities: [1.2, -0.2]) }),
            ("categorical sum", { _ = try CategoricalDistribution(probabilities: [0.5, 0.4]) }),
            ("categorical nan", { _ = try CategoricalDistribution(probabilities: [.nan, 1]) }),
        ]
        for (label, attempt) in attempts {
            #expect(throws: NumericalError.self, "\(label)") { try attempt() }
        }
        #expect(throws: NumericalError.invalidArgument("pareto shape must be finite and positive, got 0.0")) {
            _ = try ParetoDistribution(shape: 0, scale: 1)
        }
        // Within 1e-9 of one is accepted.
        #expect(throws: Never.self) { _ = try CategoricalDistribution(probabilities: [0.5, 0.5 + 5e-10]) }
    }
}
