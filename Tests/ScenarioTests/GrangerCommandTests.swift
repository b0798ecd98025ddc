import Estimation
import Foundation
import Scenario
import Testing
import TestSupport

/// `hetfirm granger` on users' files: the summary, the JSON, and messages that name the file's line and column.
@Suite("hetfirm granger: data input")
struct GrangerCommandTests {
    static func file(_ text: String) throws -> String {
        let directory = try TemporaryDirectory.create("granger")
        let path = directory + "/panel.csv"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    static func failure(_ path: String, panel: String = "id,year", lags: Int? = 1, selection: String? = nil,
                        maximum: Int? = nil) -> String? {
        var request = DataGranger.Request(dataPath: path, panel: panel, effect: "y", cause: "x")
        request.lags = lags
        request.lagSelection = selection
        request.maximumLags = maximum
        do {
            _ = try DataGranger.run(request)
            return nil
        } catch let error as InvalidInput {
            return error.description
        } catch {
            return "unexpected: \(error)"
        }
    }

    @Test("The text summary and the JSON of the plm fixture's irregular panel")
    func summaryAndJSON() throws {
        var request = DataGranger.Request(dataPath: Repository.path("Tests/Fixtures/plm/data/granger_irregular.csv"),
                                          panel: "firm, year", effect: "y_null", cause: "x")
        request.lags = 3
        let text = try DataGranger.run(request)
        #expect(text.text.contains("N = 18 units, T = 12–20 periods per unit (unbalanced)"))
        #expect(text.text.contains("Units dropped: 2 ('R04': 1 usable row, at least 8 needed; 'R15': collinear regressors)"))
        #expect(text.text.contains("Z-tilde not computed"))
        #expect(text.warnings == ["2 of 20 units were left out of the Granger test: 'R04': 1 usable row, at least 8 needed; "
            + "'R15': collinear regressors"])
        request.json = true
        let json = try DataGranger.run(request)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.text.utf8)) as? [String: Any])
        #expect(object["lags"] as? Int == 3 && object["units"] as? Int == 18 && object["unitsDropped"] as? Int == 2)
        #expect(object["zTilde"] is NSNull && object["zTildeUnavailable"] is String)
        let units = try #require(object["unitResults"] as? [[String: Any]])
        #expect(units.count == 18)
        // Foundation's JSON text and parser agree with the doubles to the last digit or two.
        for (unit, expected) in zip(units, json.result.units) {
            let wald = try #require(unit["wald"] as? Double)
            #expect(abs(wald - expected.wald) <= 1e-14 * expected.wald && unit["unit"] as? String == expected.unit)
        }
        let zBar = try #require((object["zBar"] as? [String: Any])?["statistic"] as? Double)
        #expect(abs(zBar - json.result.zBar) <= 1e-14 * abs(json.result.zBar))
    }

    @Test("Bad input: located messages for the time column, repeated keys, text in x; --panel and lag options")
    func badInput() throws {
        let text = try Self.file("id,year,y,x\na,2001,1,2\na,2002,2,3\na,2x03,3,1\n")
        #expect(Self.failure(text) == "\(text):4:2 (column 'year'): error: the time column 'year' holds '2x03'; panel times must be "
            + "whole numbers (years, periods)")
        let fractional = try Self.file("id,year,y,x\na,2001,1,2\na,2002,2,3\na,2002.5,3,1\n")
        #expect(Self.failure(fractional)?.hasPrefix("\(fractional):4:2 (column 'year'): error: the time column 'year' holds '2002.5'") == true)
        let duplicate = try Self.file("id,year,y,x\na,2001,1,2\na,2002,2,3\na,2002,3,1\n")
        #expect(Self.failure(duplicate)?.hasPrefix("\(duplicate):4: error: unit 'a' has more than one row at time 2002") == true)
        let textX = try Self.file("id,year,y,x\na,2001,1,2\na,2002,2,3\nb,2001,1,2\nb,2002,2,\"1,5\"\n")
        #expect(Self.failure(textX) == "\(textX):5:4 (column 'x'): error: '1,5' is not a number, so column 'x' is read as text: "
            + "--y and --x must be numeric (a missing value is an empty cell or NA). Decimal commas are not read: write a decimal point")
        let onePeriod = try Self.file("id,year,y,x\na,2001,1,2\nb,2001,2,3\n")
        #expect(Self.failure(onePeriod)?.contains("every one of the 2 units has a single period in 'year'") == true)
        let short = try Self.file("id,year,y,x\na,2001,1,2\na,2002,2,3\na,2003,3,1\na,2004,1,1\n")
        #expect(Self.failure(short)?.contains("no unit can be tested with 1 lag") == true)
        #expect(Self.failure(short, panel: "id")?.hasPrefix("error: --panel must name the unit and the time column") == true)
        #expect(Self.failure(short, panel: "id,year,y")?.hasPrefix("error: --panel must name") == true)
        #expect(Self.failure(short, panel: "id,id")?.hasPrefix("error: --panel must name") == true)
        #expect(Self.failure(short, panel: "id,yeer")?.hasPrefix("error: no column 'yeer' (did you mean 'year'?)") == true)
        #expect(Self.failure(short, lags: nil)?.hasPrefix("error: give the lag order") == true)
        #expect(Self.failure(short, lags: 0) == "error: --lags must be at least 1, not 0")
        #expect(Self.failure(short, lags: nil, selection: "hq", maximum: 2) == "error: --lag-selection must be aic or bic, not 'hq'")
        #expect(Self.failure(short, lags: nil, selection: "aic")?.contains("needs --max-lags") == true)
        #expect(Self.failure(short, lags: 2, selection: "aic", maximum: 2)?.contains("not both") == true)
    }
}
