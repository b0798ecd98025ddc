import Numerical
import Testing
@testable import Covariance

/// Two-way inclusion–exclusion with the default common factor G_min/(G_min − 1) and fixest's
/// eigenvalue fix. Expected values by hand in numpy 2.4.6 (same data as ``CovarianceFixture``):
/// M = M_a + M_b − M_{a^b} with M_g = Σ_g S_gᵀS_g over OLS scores ûᵢxᵢ, G_a = 4, G_b = 3,
/// G_{a^b} = 11, V = 3/2 · 11/9 · B M B. This V has a negative diagonal entry
/// (eigenvalues −0.0556, 0.1607, 0.1771); fixed: `U @ diag(maximum(λ, 1e-10)) @ U.T`
/// with `λ, U = np.linalg.eigh(V)`, as fixest's `mat_posdef_fix`.
@Suite("multi-way clustering")
struct MultiwayTests {
    static let unfixed: [Double] = [0.16224934681638561, 0.020872834917408968, 0.009500134465895779,
                                    0.02087283491740902, -0.05015075919409075, -0.02709594567462829,
                                    0.009500134465895826, -0.027095945674628297, 0.17011060535543535]
    static let fixed: [Double] = [0.1628050252560479, 0.01538296056438393, 0.008817795965994992,
                                  0.015382960564383933, 0.004086940635192972, -0.02035472204003057,
                                  0.008817795965994977, -0.02035472204003057, 0.17094847451719358]

    func input() throws -> CovarianceInput {
        try CovarianceFixture.pooledInput(clusters: [CovarianceFixture.a, CovarianceFixture.b])
    }

    @Test("two-way with G_min, no fix: hand inclusion–exclusion, negative variance gives NaN SE")
    func twoWayMinimum() throws {
        var options = SmallSampleOptions()
        options.fixNonPositiveDefinite = false
        let result = try SandwichEstimator.covariance(try input(), type: .cluster(["a", "b"]), options: options)
        expectClose(result.matrix, Self.unfixed)
        #expect(abs(result.smallSampleFactor - 1.5 * 11.0 / 9.0) < 1e-15)
        #expect(result.tDegreesOfFreedom == 2)
        #expect(result.standardErrors[1].isNaN)
        #expect(result.warnings.isEmpty)
    }

    @Test("the eigenvalue fix is applied by default and recorded as a warning")
    func eigenvalueFix() throws {
        let result = try SandwichEstimator.covariance(try input(), type: .cluster(["a", "b"]))
        expectClose(result.matrix, Self.fixed, tolerance: 1e-9)
        #expect(result.warnings.count == 1)
        #expect(result.warnings.first?.contains("1 eigenvalue(s)") == true)
        #expect(result.standardErrors.allSatisfy { $0 > 0 })
    }

    @Test("the order of the clustering dimensions does not matter")
    func symmetricInDimensionOrder() throws {
        let forward = try SandwichEstimator.covariance(try input(), type: .cluster(["a", "b"]))
        let reversed = try SandwichEstimator.covariance(
            try CovarianceFixture.pooledInput(clusters: [CovarianceFixture.b, CovarianceFixture.a]),
            type: .cluster(["b", "a"]))
        expectClose(reversed.matrix, forward.matrix.elements, tolerance: 1e-12)
    }

    @Test("three-way equals the explicit seven-term inclusion–exclusion")
    func threeWay() throws {
        let c: [Int32] = [0, 0, 1, 1, 2, 2, 0, 0, 1, 1, 2, 2]
        let base = try CovarianceFixture.pooledInput(clusters: [CovarianceFixture.a, CovarianceFixture.b, c])
        var options = SmallSampleOptions()
        options.fixNonPositiveDefinite = false
        options.clusterAdjustment = false
        options.adjustForParameters = false
        let result = try SandwichEstimator.covariance(base, type: .cluster(["a", "b", "c"]), options: options)
        func cell(_ parts: [[Int32]]) -> [Int32] {
            var map: [[Int32]: Int32] = [:]
            return (0..<CovarianceFixture.n).map { i in
                let key = parts.map { $0[i] }
                if let code = map[key] { return code }
                let code = Int32(map.count)
                map[key] = code
                return code
            }
        }
        let a = CovarianceFixture.a, b = CovarianceFixture.b
        let terms: [([[Int32]], Double)] = [([a], 1), ([b], 1), ([c], 1), ([a, b], -1), ([a, c], -1),
                                           ([b, c], -1), ([a, b, c], 1)]
        var expected = [Double](repeating: 0, count: 9)
        for (parts, sign) in terms {
            let one = try CovarianceFixture.pooledInput(clusters: [cell(parts)])
            let term = try SandwichEstimator.covariance(one, type: .cluster(["t"]), options: options)
            for index in 0..<9 { expected[index] += sign * term.matrix.elements[index] }
        }
        expectClose(result.matrix, expected, tolerance: 1e-12)
        #expect(result.clusterCounts == [4, 3, 3])
        #expect(result.type.description == "CRV1 three-way clustered by a, b and c")
    }
}

/// Issue 10: the eigenvalue fix's floor is relative to the matrix, so it does not depend on the units.
@Suite("eigenvalue fix in any units")
struct RelativeFloorTests {
    @Test("residuals times 1e-6: the repaired covariance is exactly 1e-12 times the repaired one")
    func unitFree() throws {
        let base = try CovarianceFixture.pooledInput(clusters: [CovarianceFixture.a, CovarianceFixture.b])
        let small = try CovarianceInput(
            regressors: base.regressors, residuals: base.residuals.map { $0 * 1e-6 }, bread: base.bread,
            observationCount: base.observationCount, absorbedParameters: 0, absorbedParametersNestedInClusters: 0,
            clusters: base.clusters)
        let big = try SandwichEstimator.covariance(base, type: .cluster(["a", "b"]))
        let tiny = try SandwichEstimator.covariance(small, type: .cluster(["a", "b"]))
        expectClose(tiny.matrix, big.matrix.elements.map { $0 * 1e-12 }, tolerance: 1e-9)
        // An absolute floor of 1e-10 would have given the repaired direction a standard error near 1e-5.
        #expect(tiny.standardErrors.allSatisfy { $0 < 1e-6 && $0 > 0 })
        #expect(tiny.warnings.first?.contains("1 eigenvalue(s) raised") == true)
    }
}
