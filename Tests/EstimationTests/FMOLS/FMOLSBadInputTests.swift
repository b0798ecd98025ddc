import Estimation
import Foundation
import PanelData
import Testing

/// Bad panels: one period, units too short (dropped and counted, an error when none is left), gaps,
/// missing values, a regressor constant within a unit, a bad bandwidth. Nothing traps.
@Suite("FMOLS bad input")
struct FMOLSBadInputTests {
    /// Units `lengths[i]` long starting in 2000, y = 1 + 2x + noise with x a random walk (a fixed LCG).
    static func panel(_ lengths: [Int], times: ((Int, Int) -> Int)? = nil) throws -> Dataset {
        var state: UInt64 = 12_345
        func draw() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53) - 0.5
        }
        var ids = [String](), years = [Int](), xs = [Double](), ys = [Double]()
        for (unit, length) in lengths.enumerated() {
            var x = 0.0
            for period in 0..<length {
                x += draw()
                ids.append("f\(unit)")
                years.append(times?(unit, period) ?? 2000 + period)
                xs.append(x)
                ys.append(1 + 2 * x + draw())
            }
        }
        return try Dataset(columns: [.factor("id", labels: ids), .int("year", years), .double("x", xs), .double("y", ys)])
    }

    static func run(_ data: Dataset) throws -> PanelFMOLSResult {
        try PanelFMOLS.estimate(data, dependent: .variable("y"), regressors: [.variable("x")],
                                panel: try PanelStructure(data, unit: "id", time: "year"),
                                options: FMOLSOptions(bandwidth: .fixed(2)))
    }

    @Test("a panel with one period is refused")
    func onePeriod() throws {
        let data = try Self.panel([1, 1, 1])
        #expect(throws: FMOLSError.onePeriod(timeColumn: "year", units: 3)) { try Self.run(data) }
    }

    @Test("short units are dropped and counted; none left is an error")
    func shortUnits() throws {
        let result = try Self.run(try Self.panel([20, 3, 25, 2]))
        #expect(result.units.map(\.unit) == ["f0", "f2"])
        #expect(result.droppedUnits == [DroppedFMOLSUnit(unit: "f1", periods: 3, reason: .tooFewPeriods),
                                        DroppedFMOLSUnit(unit: "f3", periods: 2, reason: .tooFewPeriods)])
        #expect(abs(result.groupMean.coefficients[0] - 2) < 0.2)
        #expect(throws: FMOLSError.noUsableUnit(units: 2, minimumPeriods: 4, longest: 3, degenerate: 0)) {
            try Self.run(try Self.panel([3, 2]))
        }
    }

    @Test("a gap in a unit's times names the unit, the times and the row")
    func gap() throws {
        let data = try Self.panel([10, 10]) { unit, period in unit == 1 && period >= 5 ? 2001 + period : 2000 + period }
        #expect(throws: FMOLSError.gap(unit: "f1", row: 15, previousTime: 2004, time: 2006)) { try Self.run(data) }
    }

    @Test("a missing value names the variable, unit, time and row")
    func missing() throws {
        var data = try Self.panel([10, 10])
        var x = try data.doubles("x")
        x[13] = .nan
        data = try Dataset(columns: [try data.column(named: "id"), try data.column(named: "year"),
                                     .double("x", x, missing: x.map(\.isNaN)), try data.column(named: "y")])
        #expect(throws: FMOLSError.missingValue(variable: "x", row: 13, unit: "f1", time: 2003)) { try Self.run(data) }
    }

    @Test("a unit whose regressor is constant is dropped as degenerate")
    func constantRegressor() throws {
        let data = try Self.panel([12, 12])
        var x = try data.doubles("x")
        for row in 12..<24 { x[row] = 3 }
        let changed = try Dataset(columns: [try data.column(named: "id"), try data.column(named: "year"),
                                            .double("x", x), try data.column(named: "y")])
        let result = try Self.run(changed)
        #expect(result.units.map(\.unit) == ["f0"])
        #expect(result.droppedUnits.count == 1)
        if case .degenerate = result.droppedUnits.first?.reason {} else { Issue.record("expected a degenerate unit") }
    }

    @Test("text time and a negative bandwidth are refused")
    func badTimeAndBandwidth() throws {
        let data = try Self.panel([10])
        let textTime = try Dataset(columns: [try data.column(named: "id"),
                                             .factor("year", labels: (0..<10).map { "y\($0)" }),
                                             try data.column(named: "x"), try data.column(named: "y")])
        #expect(throws: PanelDataError.self) { try PanelStructure(textTime, unit: "id", time: "year") }
        #expect(throws: FMOLSError.invalidBandwidth(-1)) {
            try PanelFMOLS.estimate(data, dependent: .variable("y"), regressors: [.variable("x")],
                                    panel: try PanelStructure(data, unit: "id", time: "year"),
                                    options: FMOLSOptions(bandwidth: .fixed(-1)))
        }
    }

    @Test("a bandwidth beyond the sample uses every lag and does not trap")
    func hugeBandwidth() throws {
        let data = try Self.panel([12, 15])
        let result = try? PanelFMOLS.estimate(data, dependent: .variable("y"), regressors: [.variable("x")],
                                              panel: try PanelStructure(data, unit: "id", time: "year"),
                                              options: FMOLSOptions(bandwidth: .fixed(1e300)))
        #expect(result.map { $0.units.allSatisfy { $0.bandwidth == 1e300 } } ?? true)
        #expect(LongRunKernel.bartlett.weights(bandwidth: 1e300, observations: 11).count == 11)
        #expect(LongRunBandwidth.fixed(1e300).description == "1e+300")
    }

    @Test("a fixed-effect part in the formula is refused with a caret at '|'")
    func formulaWithFixedEffects() throws {
        let formula = try FormulaParser.parse("y ~ x | id")
        #expect(throws: FormulaError(source: "y ~ x | id", offset: 6, length: 1,
                                     message: "FMOLS takes no fixed-effect or IV part: each unit has its own intercept "
                                         + "(write y ~ x1 + x2 and give the units with --panel / panel =)")) {
            try FMOLSFormula.check(formula)
        }
    }
}
