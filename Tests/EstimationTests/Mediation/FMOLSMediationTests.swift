import Estimation
import Foundation
import PanelData
import Testing

/// The stepwise mediation test with FMOLS steps (paper 000's Table 2): each path is the FMOLS
/// estimate of its equation on the common sample, Sobel and Aroian use the FMOLS SEs, and the
/// decision follows the stepwise rule.
@Suite("mediation with FMOLS steps")
struct FMOLSMediationTests {
    /// `units` × `periods`, x a random walk, m = 0.5 + 0.8x + u, y = 1 + 1.5x + 0.7m + 0.5·z + e with a
    /// stationary control z (a fixed LCG); optionally m missing in the first period of unit 0.
    static func panel(units: Int = 12, periods: Int = 24, missingFirstMediator: Bool = false) throws -> Dataset {
        var state: UInt64 = 20_261_208
        func draw() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53) - 0.5
        }
        var ids = [String](), years = [Int](), xs = [Double](), ms = [Double](), ys = [Double](), zs = [Double]()
        var mMissing = [Bool]()
        for unit in 0..<units {
            var x = Double(unit)
            for period in 0..<periods {
                x += draw()
                let z = draw(), m = 0.5 + 0.8 * x + draw()
                ids.append("p\(unit)")
                years.append(2004 + period)
                xs.append(x)
                ms.append(m)
                zs.append(z)
                ys.append(1 + 1.5 * x + 0.7 * m + 0.5 * z + draw())
                mMissing.append(missingFirstMediator && unit == 0 && period == 0)
            }
        }
        return try Dataset(columns: [.factor("province", labels: ids), .int("year", years), .double("inter", xs),
                                     .double("allo", ms, missing: mMissing), .double("met", ys), .double("gov", zs)])
    }

    static let declaration = PanelDeclaration(unit: "province", time: "year")
    static let fmols = FMOLSOptions(bandwidth: .fixed(3))
    static func options() -> MediationOptions {
        var options = MediationOptions()
        options.bootstrapReplications = 0
        return options
    }

    static func direct(_ data: Dataset, _ dependent: String, _ regressors: [String]) throws -> FMOLSPanelEstimate {
        try PanelFMOLS.estimate(data, dependent: .variable(dependent), regressors: regressors.map { .variable($0) },
                                panel: try PanelStructure(data, panel: declaration), options: fmols).reported
    }

    @Test("each path equals the FMOLS estimate of its equation; Sobel and Aroian from the FMOLS SEs; the decision")
    func pathsEqualFMOLS() throws {
        let data = try Self.panel()
        let result = try FMOLSMediation.run(treatment: "inter", mediator: "allo", outcome: "met", controls: ["gov"], data: data,
                                            panel: Self.declaration, fmols: Self.fmols, options: Self.options())
        let total = try Self.direct(data, "met", ["inter", "gov"])
        let mediator = try Self.direct(data, "allo", ["inter", "gov"])
        let outcome = try Self.direct(data, "met", ["inter", "allo", "gov"])
        #expect(result.total.estimate == total.coefficients[0] && result.total.standardError == total.standardErrors[0])
        #expect(result.a.estimate == mediator.coefficients[0] && result.a.standardError == mediator.standardErrors[0])
        #expect(result.direct.estimate == outcome.coefficients[0] && result.b.estimate == outcome.coefficients[1])
        #expect(result.b.standardError == outcome.standardErrors[1])
        let (a, b) = (result.a, result.b)
        #expect(result.indirectEffect == a.estimate * b.estimate)
        let sobel = (b.estimate * b.estimate * a.standardError * a.standardError
            + a.estimate * a.estimate * b.standardError * b.standardError).squareRoot()
        #expect(abs(result.sobel.standardError - sobel) <= 1e-15 * sobel)
        #expect(result.aroian.standardError > result.sobel.standardError)
        #expect(abs(result.decompositionGap - (result.total.estimate - result.direct.estimate - result.indirectEffect)) < 1e-12)
        // p-values are two-sided normal ones of the FMOLS t statistics.
        let t = total.tStatistics[0]
        #expect(abs(result.total.pValue - erfc(abs(t) / 2.0.squareRoot())) <= 1e-12 + 1e-9 * result.total.pValue)
        // The DGP mediates: x → m (0.8) and m → y (0.7) strongly, with a direct effect 1.5.
        #expect(abs(a.estimate - 0.8) < 0.1 && abs(b.estimate - 0.7) < 0.2 && abs(result.direct.estimate - 1.5) < 0.3)
        #expect(result.verdict == .partialMediation(.stepwise))
        #expect(result.observationCount == 12 * 24)
    }

    @Test("a row missing the mediator leaves every equation (the total effect too)")
    func commonSample() throws {
        let data = try Self.panel(missingFirstMediator: true)
        let result = try FMOLSMediation.run(treatment: "inter", mediator: "allo", outcome: "met", data: data,
                                            panel: Self.declaration, fmols: Self.fmols, options: Self.options())
        #expect(result.observationCount == 12 * 24 - 1)
        for equation in [result.totalEffectEquation, result.mediatorEquation, result.outcomeEquation] {
            #expect(equation.observations == 12 * 24 - 1)
        }
        // Y ~ X on all rows differs: unit p0 keeps its first period there.
        let full = try Self.direct(data, "met", ["inter"])
        #expect(full.coefficients[0] != result.total.estimate)
    }

    @Test("a bootstrap, a bootstrap fallback or a repeated variable is refused")
    func invalidOptions() throws {
        let data = try Self.panel(units: 4, periods: 10)
        var withBootstrap = Self.options()
        withBootstrap.bootstrapReplications = 99
        #expect(throws: MediationError.self) {
            try FMOLSMediation.run(treatment: "inter", mediator: "allo", outcome: "met", data: data, panel: Self.declaration,
                                   options: withBootstrap)
        }
        #expect(throws: MediationError.self) {
            try FMOLSMediation.run(treatment: "inter", mediator: "inter", outcome: "met", data: data, panel: Self.declaration,
                                   options: Self.options())
        }
        #expect(throws: PanelDataError.self) {
            try FMOLSMediation.run(treatment: "inter", mediator: "alloc", outcome: "met", data: data, panel: Self.declaration,
                                   options: Self.options())
        }
    }
}
