import Estimation
import Foundation
import PanelData
import Testing
@testable import Spatial

/// From a `Dataset`, a formula and W to a ``SpatialSample``: units matched by value in W's order,
/// periods ascending, an intercept only without fixed effects, and every bad input refused with the
/// row, unit and period named.
@Suite("Spatial data preparation")
struct SpatialSamplePreparationTests {
    /// A ring of four units "a"…"d" (each the neighbour of the next and previous).
    static func ring() throws -> SpatialWeights {
        try SpatialWeights(unitIdentifiers: ["a", "b", "c", "d"],
                           triplets: [(0, 1, 1), (1, 0, 1), (1, 2, 1), (2, 1, 1), (2, 3, 1), (3, 2, 1), (3, 0, 1), (0, 3, 1)])
    }

    /// A 4-unit × 3-period panel in scrambled row order; y = 100·period + 10·unit index, x = row number.
    static func panel(dropping dropped: Int? = nil) throws -> Dataset {
        var units: [String] = [], years: [Int] = [], ys: [Double] = [], xs: [Double] = []
        for (row, (unit, year)) in [("c", 2003), ("a", 2001), ("d", 2002), ("b", 2001), ("a", 2003), ("c", 2001),
                                    ("b", 2003), ("d", 2001), ("a", 2002), ("b", 2002), ("c", 2002), ("d", 2003)].enumerated()
        where row != dropped {
            units.append(unit)
            years.append(year)
            ys.append(Double(100 * (year - 2000) + 10 * ["a", "b", "c", "d"].firstIndex(of: unit)!))
            xs.append(Double(row))
        }
        return try Dataset(columns: [.factor("region", labels: units), .int("year", years), .double("y", ys), .double("x", xs)])
    }

    static let layout = SpatialDataLayout(unitColumn: "region", periodColumn: "year")

    static func prepare(_ data: Dataset, _ formula: String = "y ~ x", layout: SpatialDataLayout = layout,
                        weights: SpatialWeights? = nil, effects: SpatialEffects = .none) throws -> PreparedSpatialData {
        try SpatialSamplePreparation.prepare(data, formula: try FormulaParser.parse(formula), layout: layout,
                                             weights: try weights ?? ring(), effects: effects)
    }

    static func error(_ body: () throws -> Any) -> String? {
        do { _ = try body(); return nil } catch { return "\(error)" }
    }

    @Test("panel operators: a lag drops the first period, a lead the last, for every unit; an interior gap is refused")
    func panelOperators() throws {
        // y = 100·period + 10·unit: f(d(y), 1), the growth to the next period, is 100 in 2001 and 2002 and
        // missing in 2003 (eq. 27's left-hand side).
        let lead = try Self.prepare(Self.panel(), "f(d(y), 1) ~ x")
        #expect(lead.sample.periodCount == 2 && lead.periods == [2001, 2002])
        #expect(lead.sample.response == [Double](repeating: 100, count: 8))
        #expect(lead.dataRows == [1, 3, 5, 7, 8, 9, 10, 2])
        let lag = try Self.prepare(Self.panel(), "y ~ l(x, 1)")
        #expect(lag.periods == [2002, 2003] && lag.sample.periodLabels == ["2002", "2003"])
        #expect(lag.sample.response == [200, 210, 220, 230, 300, 310, 320, 330])
        // l(x, 1) in 2002 is x of 2001 (the row number of each unit's 2001 row: a 1, b 3, c 5, d 7).
        #expect(lag.sample.regressors[1].prefix(4) == [1, 3, 5, 7])
        // Leading and trailing periods go together; nothing is left when lags and leads cover the panel.
        #expect(Self.error { try Self.prepare(Self.panel(), "f(y, 1) ~ l(x, 2)") }?.contains("leave no period") == true)
        // A value missing for one unit only (not a whole period) is still refused, naming the unit and period.
        guard case .double(var values) = try Self.panel().column(named: "x").storage else { Issue.record("x is not double"); return }
        values[8] = .nan   // a, 2002: l(x, 1) of a is missing in 2003, where the other units have it
        let gap = try Dataset(columns: [try Self.panel().column(named: "region"), try Self.panel().column(named: "year"),
                                        try Self.panel().column(named: "y"), .double("x", values, missing: values.map(\.isNaN))])
        #expect(Self.error { try Self.prepare(gap, "y ~ l(x, 1)") }?.contains("2003") == true)
        // A cross-section has no periods to lag.
        #expect(throws: FormulaError.self) { try Self.prepare(Self.panel(dropping: nil), "y ~ l(x, 1)", layout: SpatialDataLayout(unitColumn: "region")) }
    }

    @Test("a scrambled panel is stacked period by period in W's unit order, W row-standardised")
    func stacking() throws {
        let prepared = try Self.prepare(Self.panel())
        let sample = prepared.sample
        #expect(sample.periodCount == 3 && sample.unitCount == 4)
        #expect(sample.response == [100, 110, 120, 130, 200, 210, 220, 230, 300, 310, 320, 330])
        #expect(sample.regressorNames == ["(Intercept)", "x"])
        #expect(prepared.dataRows == [1, 3, 5, 7, 8, 9, 10, 2, 4, 6, 0, 11])
        #expect(sample.regressors[1] == prepared.dataRows.map(Double.init))
        #expect(sample.periodLabels == ["2001", "2002", "2003"])
        #expect(sample.weights.isRowStandardized && prepared.rowStandardized)
        #expect(try Self.prepare(Self.panel(), effects: .twoWays).sample.regressorNames == ["x"])
        #expect(try Self.prepare(Self.panel(), "y ~ 0 + x").sample.regressorNames == ["x"])
        let raw = try SpatialSamplePreparation.prepare(Self.panel(), formula: try FormulaParser.parse("y ~ x"), layout: Self.layout,
                                                       weights: try Self.ring(), effects: .none, rowStandardize: false)
        #expect(raw.sample.weights == (try Self.ring()) && !raw.rowStandardized)
    }

    @Test("units are matched by value: numeric ids in the data, text ids 01…04 in W")
    func matchingByValue() throws {
        let weights = try SpatialWeights(unitIdentifiers: ["01", "02", "03", "04"].map(SpatialUnitKey.canonical),
                                         triplets: [(0, 1, 1), (1, 0, 1), (2, 3, 1), (3, 2, 1)])
        let data = try Dataset(columns: [.int("id", [4, 3, 2, 1]), .double("y", [4, 3, 2, 1]), .double("x", [1, 5, 2, 7])])
        let prepared = try Self.prepare(data, layout: SpatialDataLayout(unitColumn: "id"), weights: weights)
        #expect(prepared.sample.response == [1, 2, 3, 4] && prepared.sample.periodCount == 1 && prepared.periods.isEmpty)
    }

    @Test("every bad input is refused with its row, unit and period")
    func badInput() throws {
        // Unbalanced: the pair (b, 2002) is missing (row 9 dropped).
        #expect(Self.error { try Self.prepare(Self.panel(dropping: 9)) }
            == "the panel is unbalanced: unit b has no row in period 2002 (4 units × 3 periods = 12 rows for a balanced panel, "
                + "the data has 11); spatial panel models need every unit in every period: drop the incomplete units (from the data and W) or periods")
        // Duplicate (unit, period).
        var data = try Self.panel()
        var years = try data.ints("year")
        years[8] = 2001
        data = try Dataset(columns: [try data.column(named: "region"), .int("year", years), try data.column(named: "y"), try data.column(named: "x")])
        #expect(throws: SpatialDataError.duplicateObservation(row: 8, firstRow: 1, unit: "a", period: "2001")) { try Self.prepare(data) }
        // A missing value names the unit and period; log of a non-positive value too.
        let base = try Self.panel()
        var xs = try base.doubles("x")
        var missing = [Bool](repeating: false, count: xs.count)
        missing[4] = true
        xs[4] = .nan
        data = try Dataset(columns: [try base.column(named: "region"), try base.column(named: "year"), try base.column(named: "y"),
                                     .double("x", xs, missing: missing)])
        #expect(throws: SpatialDataError.missingValue(term: "x", column: "x", row: 4, unit: "a", period: "2003")) { try Self.prepare(data) }
        #expect(throws: SpatialDataError.missingValue(term: "log(x)", column: "x", row: 0, unit: "c", period: "2003")) {
            try Self.prepare(Self.panel(), "y ~ log(x)")
        }
        // Units in the data but not in W, and the reverse.
        let five = try SpatialWeights(unitIdentifiers: ["a", "b", "c", "e", "f"], triplets: [(0, 1, 1), (1, 0, 1), (2, 3, 1), (3, 2, 1), (4, 0, 1)])
        #expect(throws: SpatialDataError.unitMismatch(inDataNotWeights: ["d"], firstRow: 2, inWeightsNotData: ["e", "f"], counts: [1, 2])) {
            try Self.prepare(Self.panel(), weights: five)
        }
        // An island.
        let island = try SpatialWeights(unitIdentifiers: ["a", "b", "c", "d"], triplets: [(0, 1, 1), (1, 0, 1), (1, 2, 1), (2, 1, 1)])
        #expect(throws: SpatialError.island("d")) { try Self.prepare(Self.panel(), weights: island) }
        // A missing id, a period that is not a whole number.
        let ids = try Dataset(columns: [.int("id", [1, 2, 3, 4], missing: [false, false, true, false]), .double("y", [1, 2, 3, 4]), .double("x", [1, 5, 2, 7])])
        #expect(throws: SpatialDataError.missingUnit(column: "id", row: 2)) {
            try Self.prepare(ids, layout: SpatialDataLayout(unitColumn: "id"),
                             weights: try SpatialWeights(unitIdentifiers: ["1", "2", "3", "4"], triplets: [(0, 1, 1), (1, 0, 1), (2, 3, 1), (3, 2, 1)]))
        }
        let halfYears = try Dataset(columns: [try base.column(named: "region"), .double("year", try base.doubles("year").map { $0 == 2002 ? 2002.5 : $0 }),
                                              try base.column(named: "y"), try base.column(named: "x")])
        #expect(throws: SpatialDataError.invalidPeriod(column: "year", row: 2, value: "2002.5")) { try Self.prepare(halfYears) }
        // A cross-section with a unit twice.
        #expect(throws: SpatialDataError.duplicateObservation(row: 4, firstRow: 1, unit: "a", period: nil)) {
            try Self.prepare(Self.panel(), layout: SpatialDataLayout(unitColumn: "region"))
        }
    }

    @Test("formulas with a fixed-effect part, an IV part or panel operators are refused at the offending token")
    func formulas() throws {
        func message(_ text: String) -> String? {
            do { _ = try SpatialFormula.parse(text); return nil } catch let error as FormulaError { return error.message } catch { return "\(error)" }
        }
        #expect(message("y ~ x | region")?.contains("give the effects with --effects individual|time|twoways") == true)
        #expect(message("y ~ x | d ~ z")?.contains("no IV part") == true)
        #expect(message("y ~ l(x, 1)")?.contains("need a panel") == true)
        #expect((try? SpatialFormula.parse("y ~ l(x, 1)", panel: true)) != nil)
        #expect(message("y ~ 0")?.contains("at least one regressor") == true)
        #expect(message("log(y) ~ x + I(x^2) + x:x2") == nil)
        #expect(throws: SpatialDataError.noRegressor(formula: "y ~ 1")) { try Self.prepare(Self.panel(), "y ~ 1", effects: .individual) }
    }

    @Test("Columbus prepared from a dataset in scrambled row order gives spatialreg's SAR estimates")
    func columbus() throws {
        let (reference, _) = try ColumbusOracleTests.sample()
        let ids = reference.weights.unitIdentifiers
        let order = Array(ids.indices.reversed())
        let data = try Dataset(columns: [
            .int("POLYID", order.map { Int(ids[$0])! }), .double("CRIME", order.map { reference.response[$0] }),
            .double("INC", order.map { reference.regressors[1][$0] }), .double("HOVAL", order.map { reference.regressors[2][$0] }),
        ])
        // W as read: binary (the GAL file's weights), row-standardised by the preparation.
        var triplets: [(row: Int, column: Int, weight: Double)] = []
        for row in 0..<reference.weights.unitCount {
            for neighbour in reference.weights.neighbours(of: row) { triplets.append((row, neighbour.column, 1)) }
        }
        let binary = try SpatialWeights(unitIdentifiers: ids, triplets: triplets)
        let prepared = try SpatialSamplePreparation.prepare(data, formula: try FormulaParser.parse("CRIME ~ INC + HOVAL"),
                                                            layout: SpatialDataLayout(unitColumn: "POLYID"), weights: binary, effects: .none)
        #expect(prepared.sample.response == reference.response)
        #expect(prepared.sample.regressors == reference.regressors)
        #expect(prepared.sample.weights == reference.weights)
        let ours = try SpatialMaximumLikelihood.fit(prepared.sample, options: SpatialOptions(model: .sar))
        let theirs = try SpatialMaximumLikelihood.fit(reference, options: SpatialOptions(model: .sar))
        #expect(ours.coefficients == theirs.coefficients)
    }
}
