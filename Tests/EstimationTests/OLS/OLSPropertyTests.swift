import Covariance
import Estimation
import Foundation
import Numerical
import PanelData
import Testing
import TestSupport

/// Properties any correct fixed-effects OLS must have, independent of an oracle.
@Suite("OLS properties")
struct OLSPropertyTests {
    func fit(_ formula: String, _ data: Dataset, vcov: VcovType? = nil) throws -> RegressionResult {
        try FixedEffectsOLS.fit(FormulaParser.parse(formula), data: data, options: EstimationOptions(vcov: vcov))
    }

    func close(_ a: [Double], _ b: [Double], _ tolerance: Double) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { abs($0 - $1) <= tolerance * max(abs($0), abs($1), 1e-300) }
    }

    @Test("HC1 equals CRV1 when every cluster is one observation")
    func heteroskedasticEqualsSingletonClusters() throws {
        var data = try PanelFixture.make()
        try data.add(.int("row", Array(0..<data.rowCount)))
        let hc1 = try fit("y ~ x1 + x2 | unit + year", data, vcov: .heteroskedastic)
        let crv1 = try fit("y ~ x1 + x2 | unit + year", data, vcov: .cluster(["row"]))
        #expect(close(hc1.coefficients, crv1.coefficients, 1e-12))
        // HC1 scales by n/(n−K) (pyfixest and fixest defaults); CRV1 by G/(G−1)·(n−1)/(n−K), and G = n.
        #expect(close(hc1.standardErrors, crv1.standardErrors, 1e-9))
    }

    @Test("estimates do not depend on row order or on how fixed-effect levels are labelled")
    func invariance() throws {
        let data = try PanelFixture.make()
        let base = try fit("y ~ x1 + x2 | unit + year", data, vcov: .cluster(["region"]))
        let shuffled = try fit("y ~ x1 + x2 | unit + year", PanelFixture.permuted(data, seed: 9), vcov: .cluster(["region"]))
        #expect(close(base.coefficients, shuffled.coefficients, 1e-10))
        #expect(close(base.standardErrors, shuffled.standardErrors, 1e-9))
        var relabelled = data
        let units = try data.ints("unit").map { 1000 - 7 * $0 }
        relabelled = try Dataset(columns: relabelled.columns.map { $0.name == "unit" ? .int("unit", units) : $0 })
        let renamed = try fit("y ~ x1 + x2 | unit + year", relabelled, vcov: .cluster(["region"]))
        #expect(close(base.coefficients, renamed.coefficients, 1e-10))
        #expect(close(base.standardErrors, renamed.standardErrors, 1e-9))
    }

    @Test("absorbing fixed effects equals OLS on explicit dummies")
    func dummiesEqualDemeaning() throws {
        let data = try PanelFixture.make(units: 25, years: 6)
        let absorbed = try fit("y ~ x1 + x2 | unit + year", data, vcov: .iid)
        // Build the dummy regression by hand: x1, x2, unit dummies, year dummies but the first.
        let units = try data.ints("unit"), years = try data.ints("year")
        let unitLevels = Array(Set(units)).sorted(), yearLevels = Array(Set(years)).sorted()
        let x1 = try data.doubles("x1"), x2 = try data.doubles("x2"), y = try data.doubles("y")
        let k = 2 + unitLevels.count + yearLevels.count - 1
        var design = Matrix(rows: data.rowCount, columns: k)
        for row in 0..<data.rowCount {
            design[row, 0] = x1[row]
            design[row, 1] = x2[row]
            design[row, 2 + (unitLevels.firstIndex(of: units[row]) ?? 0)] = 1
            if let level = yearLevels.firstIndex(of: years[row]), level > 0 { design[row, 1 + unitLevels.count + level] = 1 }
        }
        let beta = try design.solveLeastSquares(y)
        #expect(close(absorbed.coefficients, Array(beta.prefix(2)), 1e-9))
        // iid SEs: σ̂² (XᵀX)⁻¹ with σ̂² = RSS/(n − k) on the dummy regression.
        let fitted = try design * beta
        let rss = zip(y, fitted).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
        let inverse = try design.gram().inverseCholesky()
        let sigma2 = rss / Double(data.rowCount - k)
        let expected = [inverse[0, 0], inverse[1, 1]].map { (sigma2 * $0).squareRoot() }
        #expect(close(absorbed.standardErrors, expected, 1e-8))
        #expect(abs(absorbed.residualSumOfSquares / rss - 1) < 1e-9)
    }

    @Test("scaling y by c scales β and the standard errors by c")
    func scaling() throws {
        let data = try PanelFixture.make()
        let scaledY = try data.doubles("y").map { $0 * -3.5 }
        let scaled = try Dataset(columns: data.columns.map { $0.name == "y" ? .double("y", scaledY) : $0 })
        let base = try fit("y ~ x1 + x2 | unit + year", data)
        let times = try fit("y ~ x1 + x2 | unit + year", scaled)
        #expect(close(base.coefficients.map { $0 * -3.5 }, times.coefficients, 1e-10))
        #expect(close(base.standardErrors.map { $0 * 3.5 }, times.standardErrors, 1e-9))
    }

    @Test("collinear regressors are dropped with a reason that names what they are collinear with")
    func collinearity() throws {
        var data = try PanelFixture.make()
        let x1 = try data.doubles("x1"), x2 = try data.doubles("x2"), units = try data.ints("unit")
        try data.add(.double("x3", zip(x1, x2).map { 2 * $0 - $1 }))
        try data.add(.double("unit_trait", units.map { Double($0 % 5) }))
        let result = try fit("y ~ x1 + x2 + x3 + unit_trait | unit + year", data)
        #expect(result.coefficientNames == ["x1", "x2"])
        #expect(result.droppedRegressors.map(\.name) == ["x3", "unit_trait"])
        #expect(result.droppedRegressors[0].reason == "collinear with x1, x2")
        #expect(result.droppedRegressors[1].reason.contains("fixed effects unit + year"))
    }

    @Test("bad input gets typed errors, not crashes")
    func badInput() throws {
        let data = try PanelFixture.make()
        #expect(throws: PanelDataError.self) { try fit("y ~ x9 | unit", data) }
        #expect(throws: PanelDataError.self) { try fit("y ~ x1 | unit", data, vcov: .cluster(["one"])) }
        var single = data
        try single.add(.int("one", [Int](repeating: 1, count: data.rowCount)))
        #expect(throws: EstimationError.self) { try fit("y ~ x1 | unit", single, vcov: .cluster(["one"])) }
        var allSingletons = data
        try allSingletons.add(.int("row", Array(0..<data.rowCount)))
        #expect(throws: EstimationError.self) { try fit("y ~ x1 | row", allSingletons) }
        let missing = try Dataset(columns: data.columns.map {
            $0.name == "y" ? .double("y", [Double](repeating: .nan, count: data.rowCount)) : $0
        })
        #expect(throws: EstimationError.self) { try fit("y ~ x1 | unit", missing) }
    }

    @Test("reghdfe's exact count of K differs from fixest's exactly by the extra connected components")
    func connectedComponentsRule() throws {
        let data = try CSVReader.read(path: Repository.fixtureData("pyfixest", "poorly_connected.csv"))
        let formula = try FormulaParser.parse("y ~ x1 + x2 | worker + firm")
        var options = EstimationOptions(vcov: .iid)
        let fixest = try FixedEffectsOLS.fit(formula, data: data, options: options)
        options.absorbedParameterRule = .connectedComponents
        let exact = try FixedEffectsOLS.fit(formula, data: data, options: options)
        let components = try #require(fixest.connectedComponents)
        #expect(components == 3)
        #expect(fixest.absorbedParameters - exact.absorbedParameters == components - 1)
        // iid: σ̂² = RSS/(n − K), so the SEs scale by √((n − K_fixest)/(n − K_exact)).
        let n = Double(fixest.observationCount), k = Double(fixest.coefficients.count)
        let ratio = ((n - k - Double(fixest.absorbedParameters)) / (n - k - Double(exact.absorbedParameters))).squareRoot()
        #expect(close(fixest.standardErrors.map { $0 * ratio }, exact.standardErrors, 1e-10))
        #expect(close(fixest.coefficients, exact.coefficients, 1e-12))
    }

    @Test("non-convergence of the demeaning is a warning in the result")
    func nonConvergence() throws {
        let data = try CSVReader.read(path: Repository.fixtureData("pyfixest", "three_fe.csv"))
        var options = EstimationOptions(vcov: .iid)
        options.demeaning.maximumIterations = 2
        let result = try FixedEffectsOLS.fit(FormulaParser.parse("y ~ x1 + x2 | plant^year + dest^year + city^dest"), data: data, options: options)
        #expect(result.demeaning?.converged == false)
        #expect(result.warnings.contains { $0.contains("did not converge") })
    }
}
