import Numerical
import Testing
@testable import Covariance

/// OLS without fixed effects against statsmodels 0.15.0 (numpy 2.4.6):
/// `m = sm.OLS(y, sm.add_constant(np.column_stack([x1, x2])))`, coefficient order (const, x1, x2),
/// `m.fit(...).cov_params()` flattened row-major. statsmodels' cluster default
/// (`use_correction=True`) is G/(G − 1) · (n − 1)/(n − k), the CRV1 factor of fixest and pyfixest;
/// its two-way cluster applies that factor to each of the three terms with its own G
/// (= `ClusterDegrees.conventional`).
@Suite("statsmodels oracle")
struct StatsmodelsOracleTests {
    @Test("iid equals statsmodels nonrobust: RSS/(n − k) (XᵀX)⁻¹")
    func iid() throws {
        let result = try SandwichEstimator.covariance(try CovarianceFixture.pooledInput(), type: .iid)
        // m.fit().cov_params()
        expectClose(result.matrix, [0.3267535309597196, 0.12488455005757063, 0.2053882897472286,
                                    0.12488455005757063, 0.4795982917578855, 0.11463267423986595,
                                    0.2053882897472286, 0.11463267423986595, 0.28366004560200675])
        #expect(result.parameterCount == 3)
        #expect(result.tDegreesOfFreedom == 9)
        #expect(result.warnings.isEmpty)
    }

    @Test("HC1 equals statsmodels cov_type=\"HC1\": n/(n − k)")
    func heteroskedastic() throws {
        let result = try SandwichEstimator.covariance(try CovarianceFixture.pooledInput(), type: .heteroskedastic)
        // m.fit(cov_type="HC1").cov_params()
        expectClose(result.matrix, [0.2687879386066632, 0.07210157190787747, 0.11164525923642557,
                                    0.07210157190787747, 0.234874284526457, -0.01147754626816997,
                                    0.11164525923642557, -0.011477546268169974, 0.152211248550256])
        #expect(abs(result.smallSampleFactor - 12.0 / 9.0) < 1e-15)
        #expect(result.tDegreesOfFreedom == 9)
    }

    @Test("CRV1 one-way equals statsmodels cov_type=\"cluster\"")
    func oneWayCluster() throws {
        let input = try CovarianceFixture.pooledInput(clusters: [CovarianceFixture.a])
        let result = try SandwichEstimator.covariance(input, type: .cluster(["a"]))
        // m.fit(cov_type="cluster", cov_kwds={"groups": a}).cov_params()
        expectClose(result.matrix, [0.29891870169662893, 0.09058033956887543, 0.05335645397270347,
                                    0.09058033956887541, 0.27362937016087463, -0.04060981173214066,
                                    0.05335645397270349, -0.04060981173214063, 0.18145499523659672])
        #expect(result.clusterCounts == [4])
        #expect(result.tDegreesOfFreedom == 3)
        #expect(abs(result.smallSampleFactor - 4.0 / 3.0 * 11.0 / 9.0) < 1e-15)
    }

    @Test("two-way conventional equals statsmodels two-way cluster")
    func twoWayConventional() throws {
        let input = try CovarianceFixture.pooledInput(clusters: [CovarianceFixture.a, CovarianceFixture.b])
        var options = SmallSampleOptions()
        options.clusterDegrees = .conventional
        let result = try SandwichEstimator.covariance(input, type: .cluster(["a", "b"]), options: options)
        // m.fit(cov_type="cluster", cov_kwds={"groups": np.column_stack([a, b])}).cov_params()
        expectClose(result.matrix, [0.2357443332138146, 0.0510913371007885, 0.04364576214107188,
                                    0.05109133710078853, 0.01771952212593436, -0.022052234600748444,
                                    0.043645762141071964, -0.022052234600748424, 0.19601011510563512])
        #expect(result.clusterCounts == [4, 3])
        #expect(result.tDegreesOfFreedom == 2)
        #expect(result.warnings.isEmpty)
    }

    @Test("weighted (WLS) iid, HC1 and CRV1 equal statsmodels WLS")
    func weighted() throws {
        let input = try CovarianceFixture.pooledInput(clusters: [CovarianceFixture.a], weighted: true)
        // sm.WLS(y, X, weights=w).fit().cov_params()
        expectClose(try SandwichEstimator.covariance(input, type: .iid).matrix,
                    [0.35996462693807424, 0.07781247621190931, 0.22794682930449742,
                     0.07781247621190931, 0.37952938270289077, 0.06976442680295508,
                     0.22794682930449742, 0.06976442680295508, 0.24760733191735174])
        // sm.WLS(y, X, weights=w).fit(cov_type="HC1").cov_params()
        expectClose(try SandwichEstimator.covariance(input, type: .heteroskedastic).matrix,
                    [0.20759661935927418, 0.05408857494044797, 0.08815263561264362,
                     0.05408857494044797, 0.21527841852941704, -0.01815742558292969,
                     0.08815263561264364, -0.01815742558292969, 0.11828299883073555])
        // sm.WLS(y, X, weights=w).fit(cov_type="cluster", cov_kwds={"groups": a}).cov_params()
        expectClose(try SandwichEstimator.covariance(input, type: .cluster(["a"])).matrix,
                    [0.27127088713762026, 0.07954828006855581, 0.08412021379837986,
                     0.07954828006855588, 0.23692764729717508, -0.034087254461381444,
                     0.08412021379838004, -0.034087254461381465, 0.1790941879059317])
    }
}
