import Foundation
import Numerical
import Testing
@testable import Covariance

@Suite("properties and errors")
struct PropertyAndErrorTests {
    /// With one observation per cluster, CRV1's G/(G − 1) · (n − 1)/(n − K) = n/(n − K), the HC1
    /// factor of both fixest (n/(n − 1) from `cluster.adj` times (n − 1)/(n − K)) and pyfixest
    /// (n/(n − K)); the meats coincide, so the matrices are equal.
    @Test("HC1 = CRV1 with singleton clusters, under both conventions", arguments: HeteroskedasticConvention.allCases)
    func singletonClusters(convention: HeteroskedasticConvention) throws {
        let singletons = (0..<Int32(CovarianceFixture.n)).map { $0 }
        let input = try CovarianceFixture.pooledInput(clusters: [singletons])
        var options = SmallSampleOptions()
        options.heteroskedasticConvention = convention
        let hc1 = try SandwichEstimator.covariance(input, type: .heteroskedastic, options: options)
        let crv1 = try SandwichEstimator.covariance(input, type: .cluster(["id"]), options: options)
        expectClose(crv1.matrix, hc1.matrix.elements, tolerance: 1e-13)
        #expect(abs(crv1.smallSampleFactor - hc1.smallSampleFactor) < 1e-14)
    }

    @Test("HC1 factors when a switch is off: pyfixest vs fixest")
    func heteroskedasticConventions() throws {
        let input = try CovarianceFixture.pooledInput()
        var options = SmallSampleOptions()
        options.adjustForParameters = false
        #expect(try SandwichEstimator.covariance(input, type: .heteroskedastic, options: options)
            .smallSampleFactor == 1)
        options.heteroskedasticConvention = .fixest
        #expect(abs(try SandwichEstimator.covariance(input, type: .heteroskedastic, options: options)
            .smallSampleFactor - 12.0 / 11.0) < 1e-15)
        options.adjustForParameters = true
        options.clusterAdjustment = false
        #expect(abs(try SandwichEstimator.covariance(input, type: .heteroskedastic, options: options)
            .smallSampleFactor - 11.0 / 9.0) < 1e-15)
    }

    @Test("row order and cluster relabelling do not change the clustered covariance")
    func invariance() throws {
        let input = try CovarianceFixture.pooledInput(clusters: [CovarianceFixture.a, CovarianceFixture.b])
        let reference = try SandwichEstimator.covariance(input, type: .cluster(["a", "b"]))
        let order = Array((0..<CovarianceFixture.n).reversed())
        let k = input.coefficientCount
        let permuted = try CovarianceInput(
            regressors: Matrix(rows: CovarianceFixture.n, columns: k,
                               elements: order.flatMap { input.regressors.row($0) }),
            residuals: order.map { input.residuals[$0] }, bread: input.bread,
            observationCount: CovarianceFixture.n, absorbedParameters: 0, absorbedParametersNestedInClusters: 0,
            clusters: [order.map { 10 - 2 * CovarianceFixture.a[$0] }, order.map { CovarianceFixture.b[$0] + 5 }])
        let result = try SandwichEstimator.covariance(permuted, type: .cluster(["a", "b"]))
        expectClose(result.matrix, reference.matrix.elements, tolerance: 1e-12)
        #expect(result.clusterCounts == [4, 3])
    }

    @Test("one cluster is an error")
    func oneCluster() throws {
        let input = try CovarianceFixture.pooledInput(
            clusters: [CovarianceFixture.a, [Int32](repeating: 0, count: CovarianceFixture.n)])
        #expect(throws: CovarianceError.tooFewClusters(dimension: 1, count: 1)) {
            try SandwichEstimator.covariance(input, type: .cluster(["a", "one"]))
        }
    }

    @Test("n ≤ K is an error")
    func noResidualDegrees() throws {
        let input = try CovarianceFixture.fixedEffectInput(clusters: [], nested: 0)
        let saturated = try CovarianceInput(
            regressors: input.regressors, residuals: input.residuals, bread: input.bread, observationCount: 12,
            absorbedParameters: 10, absorbedParametersNestedInClusters: 0, clusters: [])
        #expect(throws: CovarianceError.nonPositiveResidualDegrees(n: 12, k: 12)) {
            try SandwichEstimator.covariance(saturated, type: .iid)
        }
    }

    @Test("malformed inputs throw typed errors")
    func malformed() throws {
        let good = try CovarianceFixture.pooledInput()
        #expect(throws: CovarianceError.self) {
            try CovarianceInput(regressors: good.regressors, residuals: Array(good.residuals.dropLast()),
                                bread: good.bread, observationCount: 12, absorbedParameters: 0,
                                absorbedParametersNestedInClusters: 0, clusters: [])
        }
        #expect(throws: CovarianceError.self) {
            try CovarianceInput(regressors: good.regressors, residuals: good.residuals, bread: good.bread,
                                observationCount: 12, absorbedParameters: 0, absorbedParametersNestedInClusters: 0,
                                clusters: [[Int32](repeating: -1, count: 12)])
        }
        #expect(throws: CovarianceError.clusterSpecificationMismatch(names: 2, codeArrays: 0)) {
            try SandwichEstimator.covariance(good, type: .cluster(["a", "b"]))
        }
    }

    @Test("descriptions and Codable round trip")
    func descriptionsAndCoding() throws {
        #expect(VcovType.iid.description == "iid")
        #expect(VcovType.heteroskedastic.description == "HC1")
        #expect(VcovType.cluster(["city^dest"]).description == "CRV1 clustered by city^dest")
        #expect(VcovType.cluster(["firm", "year"]).description == "CRV1 two-way clustered by firm and year")
        let input = try CovarianceFixture.pooledInput(clusters: [CovarianceFixture.a, CovarianceFixture.b])
        let result = try SandwichEstimator.covariance(input, type: .cluster(["a", "b"]))
        let decoded = try JSONDecoder().decode(CovarianceMatrix.self, from: JSONEncoder().encode(result))
        #expect(decoded == result)
        let partial = try JSONDecoder().decode(SmallSampleOptions.self, from: Data(#"{"clusterDegrees":"conventional"}"#.utf8))
        var expected = SmallSampleOptions()
        expected.clusterDegrees = .conventional
        #expect(partial == expected)
    }
}
