import Numerical
import Testing

@Suite("Student t")
struct StudentTTests {
    /// Reference values from scipy 1.17.1: 2 * stats.t.sf(2.1, 17), stats.t.ppf(0.975, 17), stats.t.cdf(-1.3, 4.5).
    @Test func againstScipy() throws {
        let t17 = try StudentTDistribution(degreesOfFreedom: 17)
        #expect(abs(t17.twoSidedPValue(2.1) / 0.05095984722913399 - 1) < 1e-12)
        #expect(abs(t17.twoSidedPValue(-2.1) / 0.05095984722913399 - 1) < 1e-12)
        #expect(abs(t17.quantile(0.975) / 2.1098155778333156 - 1) < 1e-12)
        let fractional = try StudentTDistribution(degreesOfFreedom: 4.5)
        #expect(abs(fractional.cumulative(-1.3) / 0.128098043972017 - 1) < 1e-12)
        #expect(throws: NumericalError.self) { try StudentTDistribution(degreesOfFreedom: 0) }
    }
}

@Suite("test distributions")
struct TestDistributionTests {
    /// scipy 1.17.1: stats.chi2.sf(7.3, 3), stats.f.sf(2.9, 2, 57).
    @Test func againstScipy() {
        #expect(abs(TestDistributions.chiSquaredSurvival(7.3, degreesOfFreedom: 3) / 0.06292623645904312 - 1) < 1e-12)
        #expect(abs(TestDistributions.fSurvival(2.9, numeratorDegrees: 2, denominatorDegrees: 57) / 0.06318057006809968 - 1) < 1e-12)
        #expect(TestDistributions.chiSquaredSurvival(.nan, degreesOfFreedom: 3).isNaN)
        #expect(TestDistributions.fSurvival(1, numeratorDegrees: 0, denominatorDegrees: 5).isNaN)
    }
}
