import Testing
@testable import Numerical

/// Reference values computed with SciPy 1.17.1 (NumPy 2.4.6) in Python 3, printed with repr:
///   stats.norm(loc=1.5, scale=2.0).pdf / .cdf / .ppf
///   stats.pareto(b=3.5, scale=0.8).pdf / .cdf / .ppf
///   stats.lognorm(s=0.7, scale=np.exp(0.3)).pdf / .cdf / .ppf
///   stats.poisson(mu=3.7).pmf / .cdf
///   stats.nbinom(n=2.5, p=0.35).pmf / .cdf
@Suite("Distribution reference values (SciPy)")
struct DistributionReferenceTests {
    static let tolerance = 1e-12

    static func close(_ actual: Double, _ expected: Double) -> Bool {
        abs(actual - expected) <= tolerance * abs(expected)
    }

    @Test func normal() throws {
        let normal = try NormalDistribution(mean: 1.5, standardDeviation: 2.0)
        let density: [(Double, Double)] = [(-3.0, 0.01586982591783371), (0.7, 0.18413507015166167), (4.0, 0.09132454269451096)]
        let cumulative: [(Double, Double)] = [(-6.0, 8.841728520080377e-05), (0.7, 0.3445782583896758), (4.0, 0.8943502263331446)]
        let quantile: [(Double, Double)] = [(1e-10, -11.222681804808111), (0.3, 0.4511989745839182), (0.975, 5.419927969080108)]
        for (x, expected) in density { #expect(Self.close(normal.density(x), expected), "pdf(\(x))") }
        for (x, expected) in cumulative { #expect(Self.close(normal.cumulative(x), expected), "cdf(\(x))") }
        for (p, expected) in quantile { #expect(Self.close(normal.quantile(p), expected), "ppf(\(p))") }
    }

    @Test func pareto() throws {
        let pareto = try ParetoDistribution(shape: 3.5, scale: 0.8)
        let density: [(Double, Double)] = [(0.8, 4.375), (1.3, 0.4921958113058027), (10.0, 5.068541407545173e-05)]
        let cumulative: [(Double, Double)] = [(0.81, 0.04254716726795216), (1.3, 0.817184412943559), (10.0, 0.999855184531213)]
        let quantile: [(Double, Double)] = [(0.01, 0.8023005210441874), (0.5, 0.9752109233635804), (0.999, 5.757485384009215)]
        for (x, expected) in density { #expect(Self.close(pareto.density(x), expected), "pdf(\(x))") }
        for (x, expected) in cumulative { #expect(Self.close(pareto.cumulative(x), expected), "cdf(\(x))") }
        for (p, expected) in quantile { #expect(Self.close(pareto.quantile(p), expected), "ppf(\(p))") }
        #expect(pareto.density(0.79) == 0)
        #expect(pareto.cumulative(0.8) == 0)
    }

    @Test func lognormal() throws {
        let lognormal = try LognormalDistribution(logMean: 0.3, logStandardDeviation: 0.7)
        let density: [(Double, Double)] = [(0.5, 0.41661733277660273), (1.7, 0.31753515947546507), (6.0, 0.009805766936987169)]
        let cumulative: [(Double, Double)] = [(0.5, 0.07798133671571962), (1.7, 0.629099362796065), (6.0, 0.9834589280735364)]
        let quantile: [(Double, Double)] = [(0.01, 0.26488923756356214), (0.5, 1.3498588075760032), (0.95, 4.269076548510385)]
        for (x, expected) in density { #expect(Self.close(lognormal.density(x), expected), "pdf(\(x))") }
        for (x, expected) in cumulative { #expect(Self.close(lognormal.cumulative(x), expected), "cdf(\(x))") }
        for (p, expected) in quantile { #expect(Self.close(lognormal.quantile(p), expected), "ppf(\(p))") }
    }

    @Test func poisson() throws {
        let poisson = try PoissonDistribution(mean: 3.7)
        let mass: [(Int, Double)] = [(0, 0.024723526470339388), (4, 0.19306612122157396), (15, 6.3042970282817305e-06)]
        let cumulative: [(Int, Double)] = [(0, 0.02472352647033939), (4, 0.6872193653719924), (15, 0.9999981440596224)]
        for (k, expected) in mass { #expect(Self.close(poisson.probability(k), expected), "pmf(\(k))") }
        for (k, expected) in cumulative { #expect(Self.close(poisson.cumulative(k), expected), "cdf(\(k))") }
        #expect(poisson.probability(-1) == 0)
    }

    @Test func negativeBinomial() throws {
        let negativeBinomial = try NegativeBinomialDistribution(successProbability: 0.35, size: 2.5)
        let mass: [(Int, Double)] = [(0, 0.07247197734297028), (3, 0.13061092260439922), (20, 0.0009677525161466035)]
        let cumulative: [(Int, Double)] = [(0, 0.07247197734297028), (3, 0.45480978374959297), (20, 0.9978210407526111)]
        for (k, expected) in mass { #expect(Self.close(negativeBinomial.probability(k), expected), "pmf(\(k))") }
        for (k, expected) in cumulative { #expect(Self.close(negativeBinomial.cumulative(k), expected), "cdf(\(k))") }
        // nbinom(n=2.5, p=0.35).mean(), .var()
        #expect(Self.close(negativeBinomial.mean, 4.642857142857143))
        #expect(Self.close(negativeBinomial.variance, 13.265306122448981))
    }
}
