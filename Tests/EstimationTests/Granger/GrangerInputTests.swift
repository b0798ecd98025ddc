import Estimation
import Numerical
import PanelData
import Testing
import TestSupport

/// Bad input to the Dumitrescu–Hurlin test: typed errors that name what is wrong, never a trap.
@Suite("Granger bad input")
struct GrangerInputTests {
    /// `units` units × `periods` years 2001…, y and x from a fixed generator.
    static func panel(units: Int, periods: Int, seed: UInt64 = 7) throws -> Dataset {
        var random = SplitMix64(seed: seed)
        var ids: [String] = [], years: [Int] = [], y: [Double] = [], x: [Double] = []
        for unit in 0..<units {
            for year in 0..<periods {
                ids.append("u\(unit)")
                years.append(2001 + year)
                y.append(random.normal())
                x.append(random.normal())
            }
        }
        return try Dataset(columns: [.factor("id", labels: ids), .int("year", years), .double("y", y), .double("x", x)])
    }

    static func test(_ data: Dataset, lags: Int = 1, time: String = "year") throws -> DumitrescuHurlinResult {
        try DumitrescuHurlin.test(data, unit: "id", time: time, effect: "y", cause: "x", options: GrangerOptions(lags: lags))
    }

    @Test("A panel with one period per unit is an error saying so")
    func singlePeriod() throws {
        #expect(throws: GrangerError.singlePeriod(timeColumn: "year", units: 5)) { try Self.test(Self.panel(units: 5, periods: 1)) }
    }

    @Test("Units too short for the lags are dropped and counted; with none left the error names them")
    func tooFewPeriods() throws {
        // 3 units of 4 years: n_i = 4 − K; K = 1 leaves 3 rows for 3 coefficients.
        let data = try Self.panel(units: 3, periods: 4)
        do {
            _ = try Self.test(data, lags: 1)
            Issue.record("expected noUsableUnit")
        } catch let error as GrangerError {
            guard case .noUsableUnit(let lags, let units, let count) = error else { Issue.record("\(error)"); return }
            #expect(lags == 1 && count == 3 && units.map(\.unit) == ["u0", "u1", "u2"])
            #expect(units.allSatisfy { $0.reason == .tooFewObservations && $0.observations == 3 && $0.periods == 4 })
            #expect(error.description.contains("'u0' (4 periods, 3 usable, too few observations)"))
            #expect(error.description.contains("at least 4 rows"))
        }
        // One long unit among them: tested, the short ones dropped and counted.
        let extra = try Self.panel(units: 1, periods: 12, seed: 9)
        let long = try Dataset(columns: [
            .factor("id", labels: Array(repeating: "long", count: 12) + (0..<12).map { "u\($0 / 4)" }),
            .int("year", try extra.ints("year") + data.ints("year")),
            .double("y", try extra.doubles("y") + data.doubles("y")),
            .double("x", try extra.doubles("x") + data.doubles("x"))])
        let result = try Self.test(long, lags: 1)
        #expect(result.unitCount == 1 && result.units[0].unit == "long" && result.units[0].observations == 11)
        #expect(result.droppedUnits.map(\.unit) == ["u0", "u1", "u2"])
        #expect(result.zTilde != nil, "n = 11 > 2K + 5 = 7")
    }

    @Test("Time that is text or not a whole number is a typed error naming the row")
    func nonNumericTime() throws {
        let data = try Self.panel(units: 2, periods: 10)
        let textTime = try Dataset(columns: data.columns.map { $0.name == "year" ? .factor("year", labels: (0..<20).map { "y\($0)" }) : $0 })
        #expect(throws: PanelDataError.invalidTime(column: "year", row: 0, value: "y0")) {
            try Self.test(textTime)
        }
        let fractional = try Dataset(columns: data.columns.map {
            $0.name == "year" ? .double("year", (0..<20).map { Double($0 % 10) + ($0 == 13 ? 0.5 : 0) }) : $0
        })
        #expect(throws: PanelDataError.invalidTime(column: "year", row: 13, value: "3.5")) {
            try Self.test(fractional)
        }
    }

    @Test("A repeated (unit, time) names its row; a text cell in y names its row; options are checked")
    func otherInput() throws {
        let data = try Self.panel(units: 2, periods: 10)
        var years = try data.ints("year")
        years[5] = years[4]
        let duplicated = try Dataset(columns: data.columns.map { $0.name == "year" ? .int("year", years) : $0 })
        #expect(throws: PanelDataError.duplicatePanelKey(row: 5, unit: "u0", time: "2005")) { try Self.test(duplicated) }
        var labels = try data.doubles("y").map { "\($0)" }
        labels[7] = "n/a"
        let textY = try Dataset(columns: data.columns.map { $0.name == "y" ? .factor("y", labels: labels) : $0 })
        #expect(throws: EstimationError.notNumeric(variable: "y", row: 7, value: "n/a")) { try Self.test(textY) }
        #expect(throws: GrangerError.invalidLagOrder(0)) { try Self.test(data, lags: 0) }
        #expect(throws: GrangerError.sameVariable("y")) {
            try DumitrescuHurlin.test(data, unit: "id", time: "year", effect: "y", cause: "y", options: GrangerOptions(lags: 1))
        }
        #expect(throws: GrangerError.invalidMaximumLags(0)) {
            try DumitrescuHurlin.test(data, unit: "id", time: "year", effect: "y", cause: "x",
                                      options: GrangerOptions(lags: 1, lagSelection: .informationCriterion(.bic, maximumLags: 0)))
        }
        #expect(throws: PanelDataError.unknownColumn(name: "yeer", suggestion: "year")) { try Self.test(data, time: "yeer") }
        let otherPanel = try PanelStructure(try Self.panel(units: 3, periods: 10), unit: "id", time: "year")
        #expect(throws: PanelDataError.lengthMismatch(column: "id", expected: 20, found: 30)) {
            try DumitrescuHurlin.test(data, panel: otherPanel, effect: "y", cause: "x", options: GrangerOptions(lags: 1))
        }
    }

    @Test("Z-tilde needs n_i > 2K + 5 in every unit, else it is absent with the reason (plm stops)")
    func zTildeCondition() throws {
        // 7 years and K = 1: n_i = 6 ≤ 7; 8 years: n_i = 7, still ≤ 7 (plm: T_i > 5 + 3K = 8); 9 years: n_i = 8.
        let result = try Self.test(Self.panel(units: 6, periods: 7), lags: 1)
        #expect(result.zTilde == nil && result.zTildePValue == nil)
        #expect(result.zTildeUnavailable?.contains("6 units have fewer, e.g. 'u0' with 6") == true)
        #expect(result.zBar.isFinite)
        #expect(try Self.test(Self.panel(units: 6, periods: 8), lags: 1).zTilde == nil)
        let longer = try Self.test(Self.panel(units: 6, periods: 9), lags: 1)
        #expect(longer.zTilde != nil && longer.zTildeUnavailable == nil)
    }

    @Test("The Wald statistic is K times the F statistic of the restricted and unrestricted fits")
    func waldIsKTimesF() throws {
        // Direct check on one unit with hand-built regressions through the normal equations.
        let data = try Self.panel(units: 1, periods: 30, seed: 11)
        let y = try data.doubles("y"), x = try data.doubles("x")
        for lags in 1...3 {
            let result = try Self.test(data, lags: lags)
            let rows = Array(lags..<30)
            func rss(_ columns: [[Double]]) throws -> Double {
                let design = try Matrix(rows.map { row in [1.0] + columns.map { $0[row] } })
                let response = rows.map { y[$0] }
                let beta = try design.solveLeastSquares(response)
                return zip(rows, response).reduce(0) { sum, pair in
                    let fitted = ([1.0] + columns.map { $0[pair.0] }).enumerated().reduce(0) { $0 + $1.element * beta[$1.offset] }
                    return sum + (pair.1 - fitted) * (pair.1 - fitted)
                }
            }
            func lagged(_ values: [Double], _ k: Int) -> [Double] { values.indices.map { $0 >= k ? values[$0 - k] : .nan } }
            let yLags = (1...lags).map { lagged(y, $0) }, xLags = (1...lags).map { lagged(x, $0) }
            let unrestricted = try rss(yLags + xLags), restricted = try rss(yLags)
            let n = Double(rows.count), k = Double(lags)
            let expected = (restricted - unrestricted) / (unrestricted / (n - 2 * k - 1))
            #expect(abs(result.units[0].wald - expected) <= 1e-9 * expected, "K = \(lags)")
        }
    }
}
