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
