import Covariance
import Estimation
import Foundation
import Numerical
import PanelData
import Testing

@Suite("Mediation analysis")
struct MediationAnalysisTests {
    func options(bootstrap: Int = 0, vcov: VcovType? = nil) -> MediationOptions {
        var options = MediationOptions(estimation: EstimationOptions(vcov: vcov))
        options.bootstrapReplications = bootstrap
        return options
    }

    @Test("paths, Sobel and Aroian equal their closed forms from the three regressions fitted directly")
    func closedForms() throws {
        let data = try MediationFixture.make(n: 600, a: 0.4, b: 0.3, direct: 0.2, firms: 40)
        let result = try MediationAnalysis.run(treatment: "x", mediator: "m", outcome: "y", controls: ["z"],
                                               fixedEffects: ["firm", "year"], data: data, options: options())
        let fit = { (text: String) in try FixedEffectsOLS.fit(FormulaParser.parse(text), data: data) }
        let total = try fit("y ~ x + z | firm + year"), mediator = try fit("m ~ x + z | firm + year")
        let outcome = try fit("y ~ x + m + z | firm + year")
        let a = try #require(mediator.coefficient("x")), sa = try #require(mediator.standardError("x"))
        let b = try #require(outcome.coefficient("m")), sb = try #require(outcome.standardError("m"))
        let c = try #require(total.coefficient("x")), cPrime = try #require(outcome.coefficient("x"))
        #expect(result.a.estimate == a && result.a.standardError == sa && result.b.estimate == b)
        #expect(result.total.estimate == c && result.direct.estimate == cPrime && result.observationCount == 600)
        #expect(result.a.pValue == mediator.pValues[0])
        // Same vcov as `hetfirm estimate`: CRV1 by the first fixed effect.
        #expect(result.outcomeRegression.covariance == outcome.covariance)
        let sobel = (b * b * sa * sa + a * a * sb * sb).squareRoot()
        let aroian = (b * b * sa * sa + a * a * sb * sb + sa * sa * sb * sb).squareRoot()
        #expect(abs(result.sobel.standardError - sobel) <= 1e-14 * sobel)
        #expect(abs(result.aroian.standardError - aroian) <= 1e-14 * aroian)
        #expect(abs(result.sobel.z - a * b / sobel) <= 1e-12 * abs(a * b / sobel))
        let normal = try NormalDistribution(mean: 0, standardDeviation: 1)
        #expect(abs(result.aroian.pValue - 2 * (1 - normal.cumulative(abs(a * b / aroian)))) <= 1e-12)
        // On one OLS sample, c = c′ + a·b exactly.
        #expect(abs(c - cPrime - a * b) <= 1e-10)
        #expect(abs(try #require(result.shareMediated) - a * b / c) <= 1e-14)
        #expect(!result.oppositeSigns)
    }

    @Test("the stepwise rule: full, partial, none and no total effect")
    func decisionRule() throws {
        func verdict(a: Double, b: Double, direct: Double) throws -> MediationResult {
            let data = try MediationFixture.make(n: 800, a: a, b: b, direct: direct, seed: 11)
            return try MediationAnalysis.run(treatment: "x", mediator: "m", outcome: "y", data: data, options: options())
        }
        let full = try verdict(a: 0.5, b: 0.5, direct: 0)
        #expect(full.verdict == .fullMediation(.stepwise), "\(full.explanation)")
        #expect(full.explanation.contains("full mediation"))
        #expect(try verdict(a: 0.5, b: 0.5, direct: 0.5).verdict == .partialMediation(.stepwise))
        let none = try verdict(a: 0, b: 0.5, direct: 0.5)
        #expect(none.verdict == .noMediation(.sobel), "\(none.explanation)")
        #expect(none.explanation.contains("Sobel"))
        #expect(try verdict(a: 0, b: 0, direct: 0).verdict == .noTotalEffect)
        // Suppression: a·b and c′ of opposite signs.
        let suppression = try verdict(a: 0.5, b: 0.5, direct: -0.6)
        #expect(suppression.oppositeSigns && suppression.notes.contains { $0.contains("opposite signs") })
    }

    @Test("one common sample when the mediator has missing values")
    func commonSample() throws {
        let data = try MediationFixture.make(n: 300, a: 0.4, b: 0.3, direct: 0.2)
        var m = try data.doubles("m")
        for row in stride(from: 0, to: 300, by: 10) { m[row] = .nan }
        let holed = try Dataset(columns: data.columns.map { $0.name == "m" ? .double("m", m) : $0 })
        let result = try MediationAnalysis.run(treatment: "x", mediator: "m", outcome: "y", data: holed, options: options())
        #expect(result.observationCount == 270)
        #expect(result.totalEffectRegression.observationCount == 270 && result.mediatorRegression.observationCount == 270)
        #expect(abs(result.total.estimate - result.direct.estimate - result.indirectEffect) <= 1e-10)
    }

    @Test("several mediators: one at a time, and jointly with Σ aₖbₖ = c − c′")
    func severalMediators() throws {
        var data = try MediationFixture.make(n: 400, a: 0.4, b: 0.3, direct: 0.2)
        try data.add(.double("m2", zip(try data.doubles("x"), try data.doubles("z")).map { 0.2 * $0 + $1 }))
        let separate = try MediationAnalysis.run(treatment: "x", mediators: ["m", "m2"], outcome: "y", data: data, options: options())
        #expect(separate.map(\.mediator) == ["m", "m2"])
        let joint = try MediationAnalysis.runJoint(treatment: "x", mediators: ["m", "m2"], outcome: "y", data: data,
                                                   options: options(bootstrap: 49))
        #expect(joint[0].outcomeRegression.coefficientNames == ["(Intercept)", "x", "m", "m2"])
        let sum = joint.reduce(0) { $0 + $1.indirectEffect }
        #expect(abs(joint[0].total.estimate - joint[0].direct.estimate - sum) <= 1e-10)
        #expect(joint.allSatisfy { $0.bootstrap?.successfulReplications == 49 })
    }

    @Test("typed errors for contradictory or missing input")
    func errors() throws {
        let data = try MediationFixture.make(n: 200, a: 0.4, b: 0.3, direct: 0.2, firms: 5)
        #expect(throws: MediationError.sameVariable(name: "x", roles: "mediator and the treatment")) {
            try MediationAnalysis.run(treatment: "x", mediator: "x", outcome: "y", data: data)
        }
        #expect(throws: MediationError.sameVariable(name: "y", roles: "mediator and the outcome")) {
            try MediationAnalysis.run(treatment: "x", mediator: "y", outcome: "y", data: data)
        }
        #expect(throws: MediationError.noMediator) {
            try MediationAnalysis.run(treatment: "x", mediators: [], outcome: "y", data: data)
        }
        #expect(throws: MediationError.controlRepeatsVariable("m")) {
            try MediationAnalysis.run(treatment: "x", mediator: "m", outcome: "y", controls: ["m"], data: data)
        }
        #expect(throws: PanelDataError.self) {
            try MediationAnalysis.run(treatment: "x", mediator: "mm", outcome: "y", data: data)
        }
        var few = options(bootstrap: 99)
        few.minimumBootstrapClusters = 10
        #expect(throws: MediationError.tooFewClusters(variable: "clusters of firm", clusters: 5, needed: 10)) {
            try MediationAnalysis.run(treatment: "x", mediator: "m", outcome: "y", fixedEffects: ["firm"], data: data, options: few)
        }
        var fallback = options()
        fallback.fallback = .bootstrapPercentile
        #expect(throws: MediationError.self) {
            try MediationAnalysis.run(treatment: "x", mediator: "m", outcome: "y", fixedEffects: ["firm"], data: data,
                                               options: fallback)
        }
    }

    @Test("bootstrap fallback: says which test decided, resamples the vcov's cluster variable")
    func bootstrapFallback() throws {
        let data = try MediationFixture.make(n: 600, a: 0, b: 0.5, direct: 0.5, firms: 30, seed: 11)
        var fallback = options(bootstrap: 199, vcov: .cluster(["firm"]))
        fallback.fallback = .bootstrapBiasCorrected
        let result = try MediationAnalysis.run(treatment: "x", mediator: "m", outcome: "y", fixedEffects: ["firm"], data: data,
                                               options: fallback)
        #expect(result.verdict == .noMediation(.bootstrapBiasCorrected), "\(result.explanation)")
        #expect(result.explanation.contains("bias-corrected"))
        #expect(result.bootstrap?.clusterVariable == "firm" && result.bootstrap?.clusterCount == 30)
        let hc1 = try MediationAnalysis.run(treatment: "x", mediator: "m", outcome: "y", fixedEffects: ["firm"], data: data,
                                            options: options(bootstrap: 49, vcov: .heteroskedastic))
        #expect(hc1.bootstrap?.clusterVariable == nil && hc1.bootstrap?.clusterCount == 600)
    }
}
