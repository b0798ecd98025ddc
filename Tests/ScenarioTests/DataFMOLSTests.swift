import Foundation
import Scenario
import Testing
import TestSupport

/// `hetfirm fmols` on users' files: the options, and every bad input located in the file or formula.
@Suite("hetfirm fmols: data input")
struct DataFMOLSTests {
    static let panel = "id,year,y,x\n" + (0..<3).flatMap { unit in
        (0..<8).map { period in
            let x = Double(period) + 0.3 * Double((period * 7 + unit * 3) % 5)
            return "f\(unit),\(2000 + period),\(1 + 2 * x + 0.1 * Double((period * 3 + unit) % 4)),\(x)"
        }
    }.joined(separator: "\n") + "\n"

    static func failure(_ text: String, formula: String = "y ~ x", panel: String = "id,year",
                        bandwidth: String = "2", kernel: String = "bartlett") throws -> String? {
        let path = try UserDataInputTests.file("p.csv", text)
        var request = DataFMOLS.Request(dataPath: path, formula: formula, panel: panel)
        request.bandwidth = bandwidth
        request.kernel = kernel
        do {
            _ = try DataFMOLS.run(request)
            return nil
        } catch let error as InvalidInput {
            return error.description.replacingOccurrences(of: path, with: "p.csv")
        }
    }

    static func replacingLine(_ line: Int, with text: String) -> String {
        var lines = panel.split(separator: "\n").map(String.init)
        lines[line - 1] = text
        return lines.joined(separator: "\n") + "\n"
    }

    @Test func estimatesAndReportsEveryOption() throws {
        #expect(try Self.failure(Self.panel) == nil)
        #expect(try Self.failure(Self.panel, bandwidth: "auto", kernel: "quadratic-spectral") == nil)
        let path = try UserDataInputTests.file("p.csv", Self.panel)
        var request = DataFMOLS.Request(dataPath: path, formula: "y ~ x", panel: "id,year")
        request.units = true
        let text = try DataFMOLS.run(request)
        #expect(text.contains("Units: 3 estimated, 0 dropped"))
        #expect(text.contains("Per-unit FMOLS:"))
        request.json = true
        request.method = "pooled"
        let json = try #require(try JSONSerialization.jsonObject(with: Data(try DataFMOLS.run(request).utf8)) as? [String: Any])
        #expect(json["method"] as? String == "pooled")
        #expect((json["units"] as? [Any])?.count == 3)
    }

    /// l(x, 1) is missing in each unit's first period: those periods are trimmed, not an error.
    @Test func lagsTrimTheFirstPeriod() throws {
        let path = try UserDataInputTests.file("p.csv", Self.panel)
        let text = try DataFMOLS.run(DataFMOLS.Request(dataPath: path, formula: "y ~ l(x, 1)", panel: "id,year"))
        #expect(text.contains("Units: 3 estimated, 0 dropped   Periods per unit: 7–7"))
    }

    @Test func badOptionsAreRefused() throws {
        #expect(try Self.failure(Self.panel, panel: "id")?.contains("--panel must name the unit and the time column") == true)
        #expect(try Self.failure(Self.panel, panel: "id,year,x")?.contains("--panel must name") == true)
        #expect(try Self.failure(Self.panel, panel: "id,id")?.contains("--panel must name") == true)
        #expect(try Self.failure(Self.panel, bandwidth: "wide")?.contains("--bandwidth must be auto") == true)
        #expect(try Self.failure(Self.panel, kernel: "tukey")?.contains("--kernel must be bartlett, parzen or quadratic-spectral") == true)
        #expect(try Self.failure(Self.panel, formula: "y ~ x | id") == """
            error in formula: FMOLS takes no fixed-effect or IV part: each unit has its own intercept (write y ~ x1 + x2 and give the units with --panel / panel =)
              y ~ x | id
                    ^
            """)
    }

    @Test func badPanelsAreLocated() throws {
        #expect(try Self.failure(Self.replacingLine(4, with: "f0,2002x,1,1"))?.hasPrefix(
            "p.csv:4:2 (column 'year'): error: the time column 'year' holds '2002x'") == true)
        #expect(try Self.failure(Self.replacingLine(4, with: "f0,2002.5,1,1"))?.hasPrefix(
            "p.csv:4:2 (column 'year'): error: the time column 'year' holds '2002.5'") == true)
        #expect(try Self.failure(Self.replacingLine(4, with: "f0,2001,1,1"))?.hasPrefix(
            "p.csv:4: error: unit 'f0' has more than one row at time 2001") == true)
        #expect(try Self.failure(Self.replacingLine(12, with: "f1,2010,1,1"))?.hasPrefix(
            "p.csv:13:2 (column 'year'): error: unit 'f1' has no period between 2001 and 2003") == true)
        #expect(try Self.failure(Self.replacingLine(13, with: "f1,2003,1,NA"))?.hasPrefix(
            "p.csv:13:4 (column 'x'): error: 'x' is missing for unit 'f1' at time 2003") == true)
        #expect(try Self.failure("id,year,y,x\na,2000,1,2\nb,2000,2,3\n")
                == "error: every one of the 2 units has a single period ('year' takes one value per unit): FMOLS needs a time series per unit")
        #expect(try Self.failure("id,year,y,x\na,2000,1,2\na,2001,2,3\nb,2000,2,3\n")
                == "error: no unit can be estimated: FMOLS with these regressors needs at least 4 consecutive periods per unit; the longest of the 2 units has 2")
    }
}
