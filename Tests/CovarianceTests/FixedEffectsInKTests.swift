import Numerical
import Testing
@testable import Covariance

/// K with an absorbed fixed effect. Oracle: statsmodels 0.15.0 LSDV
/// `sm.OLS(y, np.column_stack([x1, x2, np.eye(4)[a]]))`, slope block `cov_params()[:2, :2]`;
/// by Frisch–Waugh–Lovell the slope block equals the within sandwich with K = 2 + 4 = 6
/// (fixest / pyfixest `fixef.K = "full"`). With `"nested"` (the default) and clusters a, the
/// FE a is nested in the cluster: K = 2 + 4 − (4 − 1) = 3 (fixest: `K − (sum(fixef_sizes[is_nested])
/// − sum(is_nested))`, all FE nested → +1 for the intercept; pyfixest `get_ssc`:
/// `k + k_fe_adj − k_fe_nested + n_fe_fully_nested` = 2 + 4 − 4 + 1), so the LSDV matrix is
/// rescaled by (n − 6)/(n − 3).
@Suite("fixed effects in K")
struct FixedEffectsInKTests {
    @Test("iid with an absorbed FE uses K = k + absorbed, as LSDV")
    func iid() throws {
        let input = try CovarianceFixture.fixedEffectInput(clusters: [], nested: 0)
        let result = try SandwichEstimator.covariance(input, type: .iid)
        // lsdv.fit().cov_params()[:2, :2]
        expectClose(result.matrix, [0.46171029890258214, 0.04165226947500623,
                                    0.04165226947500623, 0.3117194989773222])
        #expect(result.parameterCount == 6)
        #expect(result.tDegreesOfFreedom == 6)
    }

    @Test("HC1 with an absorbed FE: n/(n − K), K = 6")
    func heteroskedastic() throws {
        let input = try CovarianceFixture.fixedEffectInput(clusters: [], nested: 0)
        let result = try SandwichEstimator.covariance(input, type: .heteroskedastic)
        // lsdv.fit(cov_type="HC1").cov_params()[:2, :2]
        expectClose(result.matrix, [0.14641556358283184, -0.060722433062971704,
                                    -0.06072243306297172, 0.20985638003486112])
    }

    @Test("cluster by b (FE a not nested): K = 6, equals LSDV cluster")
    func notNested() throws {
        let input = try CovarianceFixture.fixedEffectInput(clusters: [CovarianceFixture.b], nested: 0)
        let result = try SandwichEstimator.covariance(input, type: .cluster(["b"]))
        // lsdv.fit(cov_type="cluster", cov_kwds={"groups": b}).cov_params()[:2, :2]
        expectClose(result.matrix, [0.06844650187775442, 0.10277963411502757,
                                    0.10277963411502757, 0.20359522512636474])
        #expect(result.parameterCount == 6)
    }

    /// lsdv.fit(cov_type="cluster", cov_kwds={"groups": a}).cov_params()[:2, :2]
    static let lsdvClusterA: [Double] = [0.22841925212713765, -0.10808529589699366,
                                         -0.10808529589699363, 0.29811821030768126]

    @Test("cluster by a with fixedEffectsInK = .full equals LSDV cluster (K = 6)")
    func full() throws {
        let input = try CovarianceFixture.fixedEffectInput(clusters: [CovarianceFixture.a], nested: 3)
        var options = SmallSampleOptions()
        options.fixedEffectsInK = .full
        let result = try SandwichEstimator.covariance(input, type: .cluster(["a"]), options: options)
        expectClose(result.matrix, Self.lsdvClusterA)
        #expect(result.parameterCount == 6)
    }

    @Test("cluster by a, default .nested: K = 3, LSDV × (n − 6)/(n − 3)")
    func nested() throws {
        let input = try CovarianceFixture.fixedEffectInput(clusters: [CovarianceFixture.a], nested: 3)
        let result = try SandwichEstimator.covariance(input, type: .cluster(["a"]))
        expectClose(result.matrix, Self.lsdvClusterA.map { $0 * 6.0 / 9.0 })
        #expect(result.parameterCount == 3)
        #expect(result.tDegreesOfFreedom == 3)
        #expect(abs(result.smallSampleFactor - 4.0 / 3.0 * 11.0 / 9.0) < 1e-15)
    }

    @Test("fixedEffectsInK = .none: K = k")
    func none() throws {
        let input = try CovarianceFixture.fixedEffectInput(clusters: [CovarianceFixture.a], nested: 3)
        var options = SmallSampleOptions()
        options.fixedEffectsInK = .none
        let result = try SandwichEstimator.covariance(input, type: .cluster(["a"]), options: options)
        expectClose(result.matrix, Self.lsdvClusterA.map { $0 * 6.0 / 10.0 })
        #expect(result.parameterCount == 2)
    }

    @Test("the nested part is ignored without clusters (iid and HC1 use the full K)")
    func nestedIgnoredWithoutClusters() throws {
        let input = try CovarianceFixture.fixedEffectInput(clusters: [CovarianceFixture.a], nested: 3)
        #expect(try SandwichEstimator.covariance(input, type: .iid).parameterCount == 6)
        #expect(try SandwichEstimator.covariance(input, type: .heteroskedastic).parameterCount == 6)
    }
}
