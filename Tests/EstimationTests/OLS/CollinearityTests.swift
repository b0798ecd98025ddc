import Covariance
import Estimation
import Foundation
import Numerical
import PanelData
import Testing

/// The collinearity rule of issue 10 (docs/estimators/ols-fixed-effects.md): judged on the demeaned (or centred),
/// scaled design, so that neither the units nor the level of a column decide whether it is estimable.
@Suite("OLS collinearity rule")
struct CollinearityTests {
    func fit(_ formula: String, _ data: Dataset, vcov: VcovType = .iid) throws -> RegressionResult {
        try FixedEffectsOLS.fit(FormulaParser.parse(formula), data: data, options: EstimationOptions(vcov: vcov))
    }

    func relative(_ a: Double, _ b: Double) -> Double { abs(a - b) / max(abs(b), 1e-300) }

    @Test("a regressor far from zero (x1 + 1e6) is kept, with and without fixed effects, and gives x1's slope and SE")
    func largeLevelKept() throws {
        var data = try PanelFixture.make()
        try data.add(.double("x1_level", try data.doubles("x1").map { $0 + 1e6 }))
        for (formula, shifted) in [("y ~ x1 + x2", "y ~ x1_level + x2"), ("y ~ x1 + x2 | unit", "y ~ x1_level + x2 | unit")] {
            let base = try fit(formula, data), level = try fit(shifted, data)
            #expect(level.droppedRegressors.isEmpty, "\(shifted)")
            let slope = try #require(base.coefficient("x1")), shiftedSlope = try #require(level.coefficient("x1_level"))
            // x1_level holds x1 + 1e6 rounded to doubles (≈ 1e-10 absolute): the slope moves by about that much.
            #expect(relative(shiftedSlope, slope) < 1e-8, "\(shifted): \(shiftedSlope) vs \(slope)")
            #expect(relative(try #require(level.standardError("x1_level")), try #require(base.standardError("x1"))) < 1e-8)
        }
        let intercept = try #require(try fit("y ~ x1 + x2", data).coefficient("(Intercept)"))
        let shifted = try fit("y ~ x1_level + x2", data)
        let expected = intercept - 1e6 * (try #require(shifted.coefficient("x1_level")))
        #expect(abs(try #require(shifted.coefficient("(Intercept)")) - expected) < 1e-6 * 1e6)
    }

    @Test("a column the two fixed effects absorb is dropped even when its level is large and the demeaning iterates")
    func absorbedAtLargeLevel() throws {
        var data = try PanelFixture.make(units: 80, years: 9, seed: 4, dropShare: 0.3)
        let units = try data.ints("unit"), years = try data.ints("year")
        try data.add(.double("absorbed", zip(units, years).map { 1e6 + 1000 * Double($1 - 2000) + 0.37 * Double($0 % 11) }))
        let result = try fit("y ~ x1 + absorbed | unit + year", data)
        #expect(result.coefficientNames == ["x1"])
        #expect(result.droppedRegressors.map(\.name) == ["absorbed"])
        #expect(result.droppedRegressors.first?.reason == "collinear with the fixed effects unit + year")
    }

    @Test("a constant column beside an intercept is dropped as constant; an all-zero column without intercept as such")
    func constantColumns() throws {
        var data = try PanelFixture.make()
        try data.add(.double("c", [Double](repeating: 0.1, count: data.rowCount)))
        try data.add(.double("zero", [Double](repeating: 0, count: data.rowCount)))
        let withIntercept = try fit("y ~ x1 + c", data)
        #expect(withIntercept.coefficientNames == ["(Intercept)", "x1"])
        #expect(withIntercept.droppedRegressors.first?.reason == "is constant (collinear with the intercept)")
        let without = try fit("y ~ 0 + x1 + zero", data)
        #expect(without.droppedRegressors.first?.reason == "has no variation (all zero)")
    }

    @Test("exactly collinear columns are dropped, nearly collinear ones (correlation 1 − 5e-9) kept, whatever the units")
    func bothDirections() throws {
        var data = try PanelFixture.make()
        let x1 = try data.doubles("x1"), x2 = try data.doubles("x2")
        let stream = RandomStream(seed: 77)
        let normal = try NormalDistribution(mean: 0, standardDeviation: 1)
        try data.add(.double("exact", zip(x1, x2).map { 3 * $0 - $1 }))
        try data.add(.double("near", x1.map { $0 + 1e-4 * normal.sample(stream) }))
        for scale in [1e-9, 1.0, 1e9] {
            var scaled = data
            try scaled.add(.double("exact_s", try data.doubles("exact").map { $0 * scale }))
            try scaled.add(.double("near_s", try data.doubles("near").map { $0 * scale }))
            let dropped = try fit("y ~ x1 + x2 + exact_s | unit", scaled)
            #expect(dropped.droppedRegressors.map(\.name) == ["exact_s"], "scale \(scale)")
            #expect(dropped.droppedRegressors.first?.reason == "collinear with x1, x2")
            let kept = try fit("y ~ x1 + near_s | unit", scaled)
            #expect(kept.droppedRegressors.isEmpty && kept.coefficientNames == ["x1", "near_s"], "scale \(scale)")
        }
    }

    @Test("y ~ 0 without fixed effects says that the formula removes the intercept, not that fixed effects absorb it")
    func noRegressorMessage() throws {
        let data = try PanelFixture.make()
        #expect {
            _ = try fit("y ~ 0", data)
        } throws: { error in
            let text = "\(error)"
            return text.contains("removes the intercept") && !text.contains("fixed effects")
        }
        #expect {
            _ = try fit("y ~ 1 | unit", data)
        } throws: { error in "\(error)".contains("the fixed effects absorb the intercept") }
    }
}
