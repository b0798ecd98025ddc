import Foundation
import Testing
import TestSupport
@testable import Scenario

/// `hetfirm sophistication`: RTV (PRODY) and MET (EXPY) from a CSV against the pandas oracle
/// (validation/sophistication_pandas.py), every input error located at its line and column, the
/// output files and the rule that protects existing files.
@Suite("hetfirm sophistication")
struct SophisticationCommandTests {
    static func request(_ path: String) -> DataSophistication.Request {
        DataSophistication.Request(dataPath: path, regionColumn: "province", productColumn: "hs4", timeColumn: "year",
                                   exportsColumn: "exports", gdpPerCapitaColumn: "pgdp")
    }

    static func relativeError(_ a: Double, _ b: Double) -> Double { abs(a - b) / max(abs(b), .leastNormalMagnitude) }

    @Test("RTV, MET, totals and the product exported by nobody equal pandas to 1e-12 (text ids, zero cells, shuffled rows)")
    func pandasOracle() throws {
        let fixture = try OracleFixture(oracle: "sophistication", name: "pandas")
        #expect(fixture.provenance.package == "pandas")
        let report = try DataSophistication.run(Self.request(try fixture.csvPath()))
        let met: [[String: Any]] = try fixture.value("met")
        let rtv: [[String: Any]] = try fixture.value("rtv")
        let unexported: [[String: Any]] = try fixture.value("unexported")
        #expect(report.regionPeriods.count == met.count && met.count == 36)
        #expect(report.productPeriods.count == rtv.count && rtv.count == 119)
        var worst = 0.0
        let regions = Dictionary(uniqueKeysWithValues: report.regionPeriods.map { ("\($0.region)|\($0.time)", $0) })
        for expected in met {
            let key = "\(expected["region"] as? String ?? "")|\(expected["year"] as? Int ?? 0)"
            let cell = try #require(regions[key], "no region-period \(key)")
            worst = max(worst, Self.relativeError(cell.met, try #require(expected["met"] as? Double)))
            #expect(Self.relativeError(cell.totalExports, try #require(expected["total_exports"] as? Double)) <= 1e-12, "\(key)")
            #expect(cell.gdpPerCapita == expected["gdp_per_capita"] as? Double, "\(key)")
        }
        let products = Dictionary(uniqueKeysWithValues: report.productPeriods.map { ("\($0.product)|\($0.time)", $0) })
        for expected in rtv {
            let key = "\(expected["product"] as? String ?? "")|\(expected["year"] as? Int ?? 0)"
            let cell = try #require(products[key], "no product-period \(key)")
            worst = max(worst, Self.relativeError(cell.rtv, try #require(expected["rtv"] as? Double)))
            #expect(cell.exportingRegions == expected["exporting_regions"] as? Int, "\(key)")
            #expect(Self.relativeError(cell.totalExports, try #require(expected["total_exports"] as? Double)) <= 1e-12, "\(key)")
        }
        #expect(worst <= 1e-12, "largest relative difference from pandas: \(worst)")
        #expect(report.unexportedProducts.map { "\($0.product)|\($0.time)" }
                == unexported.map { "\($0["product"] as? String ?? "")|\($0["year"] as? Int ?? 0)" })
        #expect(regions["Guangxi, Zhuang|2004"] != nil, "the quoted text id is one region")
        #expect(report.productPeriods.allSatisfy { $0.product.hasPrefix("01") }, "product codes keep their leading zero")
        #expect(report.regionPeriods.map(\.time).first == "2004" && report.regionPeriods.map(\.time).last == "2006")
        #expect(report.text.contains("0117 in 2005"))
    }

    static func write(_ text: String, _ name: String = "data.csv", in folder: String) throws -> String {
        let path = folder + "/" + name
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static func message(_ request: DataSophistication.Request) -> String? {
        do {
            _ = try DataSophistication.run(request)
            return nil
        } catch let error as InvalidInput {
            return error.description
        } catch {
            return "\(error)"
        }
    }

    static let header = "province,hs4,year,exports,pgdp\n"
    static let good = header + "A,0101,2004,10,2\nA,0102,2004,0,2\nB,0101,2004,5,4\nB,0102,2004,5,4\nA,0101,2005,1,3\nB,0103,2005,0,5\nB,0101,2005,2,5\n"

    @Test("every input error names its file, line and column")
    func locatedErrors() throws {
        let folder = try TemporaryDirectory.create("sophistication")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        func check(_ body: String, _ expected: String, unexported: String = "exclude",
                   sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
            let path = try Self.write(Self.header + body, in: folder)
            var request = Self.request(path)
            request.unexportedProducts = try DataSophistication.unexportedProducts(named: unexported)
            let message = Self.message(request)
            #expect(message?.hasPrefix(expected.replacingOccurrences(of: "FILE", with: path)) == true,
                    "\(message ?? "no error")", sourceLocation: sourceLocation)
        }
        try check("A,0101,2004,10,2\nA,0102,2004,-3,2\n",
                  "FILE:3:4 (column 'exports'): error: exports -3.0 (region A, product 0102, year 2004) is negative")
        try check("A,0101,2004,10,2\nA,0102,2004,,2\n", "FILE:3:4 (column 'exports'): error: the exports value is missing")
        try check("A,0101,2004,0,2\nB,0101,2004,4,3\nA,0102,2004,0,2\n",
                  "FILE:2:4 (column 'exports'): error: region A exports nothing in 2004")
        try check("A,0101,2004,1,2\nB,0101,2004,4,3\nA,0101,2004,2,2\n",
                  "FILE:4:2 (column 'hs4'): error: region A, product 0101, year 2004 has a second row (the first is at FILE:2)")
        try check("A,0101,2004,1,2\nB,0101,2004,4,3\nB,0102,2004,4,3.5\n",
                  "FILE:4:5 (column 'pgdp'): error: GDP per capita 3.5 of region B in 2004 differs from 3.0 at FILE:3")
        try check("A,0101,2004,1,2\nB,0101,2004,4,0\n",
                  "FILE:3:5 (column 'pgdp'): error: GDP per capita 0.0 of region B in 2004 must be finite and > 0")
        try check("A,0101,2004,1,2\nB,0101,2004,4,NA\n", "FILE:3:5 (column 'pgdp'): error: GDP per capita is missing")
        try check("A,0101,2004,1,2\n,0101,2004,4,3\n", "FILE:3:1 (column 'province'): error: the region id is missing")
        try check("A,0101,2004,1,2\nB,0101,2004,4,3\nB,0102,2004,0,3\n",
                  "FILE:4:2 (column 'hs4'): error: product 0102 is exported by no region in 2004", unexported: "error")
        try check("A,0101,2004,1,2\nB,0101,2004,x4,3\n", "FILE:3:4 (column 'exports'): 'x4': error: column 'exports' must hold numbers")
    }

    @Test("wrong options: an unknown column, one column in two roles, --unexported-products")
    func options() throws {
        let folder = try TemporaryDirectory.create("sophistication")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = try Self.write(Self.good, in: folder)
        var request = Self.request(path)
        request.gdpPerCapitaColumn = "pgpd"
        #expect(Self.message(request)?.contains("'pgpd'") == true)
        #expect(Self.message(request)?.contains("did you mean 'pgdp'") == true)
        request = Self.request(path)
        request.regionColumn = "yaer"
        #expect(Self.message(request)?.contains("did you mean 'year'") == true)
        request = Self.request(path)
        request.productColumn = "province"
        #expect(Self.message(request) == "error: --region and --product name the same column 'province'; each role needs its own column")
        #expect(throws: InvalidInput.self) { try DataSophistication.unexportedProducts(named: "drop") }
    }

    @Test("the written tables, JSON, and an existing file replaced only with --force")
    func outputs() throws {
        let folder = try TemporaryDirectory.create("sophistication")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = try Self.write(Self.good, in: folder)
        var request = Self.request(path)
        request.outPath = folder + "/met.csv"
        request.productsOutPath = folder + "/rtv.csv"
        let report = try DataSophistication.run(request)
        #expect(try String(contentsOfFile: folder + "/met.csv", encoding: .utf8) == """
            province,year,total_exports,gdp_per_capita,met,ln_met
            A,2004,10.0,2.0,\(8.0 / 3),\(log(8.0 / 3))
            B,2004,10.0,4.0,\(0.5 * (8.0 / 3) + 2),\(log(0.5 * (8.0 / 3) + 2))
            A,2005,1.0,3.0,4.0,\(log(4.0))
            B,2005,2.0,5.0,4.0,\(log(4.0))

            """)
        #expect(try String(contentsOfFile: folder + "/rtv.csv", encoding: .utf8) == """
            hs4,year,total_exports,exporting_regions,rtv
            0101,2004,15.0,2,\(8.0 / 3)
            0102,2004,5.0,1,4.0
            0101,2005,3.0,2,4.0

            """)
        #expect(report.text.contains("wrote \(folder)/met.csv (4 region-periods: MET)"))
        #expect(report.text.contains("1 product-period(s) exported by no region"))

        try "keep me\n".write(toFile: folder + "/mine.csv", atomically: true, encoding: .utf8)
        request.outPath = folder + "/mine.csv"
        request.productsOutPath = nil
        #expect(Self.message(request)?.contains("exists; hetfirm does not replace files") == true)
        #expect(try String(contentsOfFile: folder + "/mine.csv", encoding: .utf8) == "keep me\n")
        request.outPath = path
        request.force = true
        #expect(Self.message(request)?.contains("is the input file") == true)
        request.outPath = folder + "/mine.csv"
        _ = try DataSophistication.run(request)
        #expect(try String(contentsOfFile: folder + "/mine.csv", encoding: .utf8).hasPrefix("province,year,"))
        request.productsOutPath = folder + "/./mine.csv"
        #expect(Self.message(request)?.contains("name the same file") == true)

        var json = Self.request(path)
        json.json = true
        let object = try #require(try JSONSerialization.jsonObject(with: Data(try DataSophistication.run(json).text.utf8)) as? [String: Any])
        let rows = try #require(object["regions"] as? [[String: Any]])
        #expect(rows.count == 4 && rows[1]["region"] as? String == "B" && rows[1]["met"] as? Double == 0.5 * (8.0 / 3) + 2)
        #expect((object["unexported_products"] as? [[String: Any]])?.first?["line"] as? Int == 7)
    }

    @Test("numeric periods are ordered by value and one year spelled twice is one period; text periods keep their order")
    func periods() {
        let numeric = SophisticationInput.periods(["2006", "2004", "2005", "2004.0"])
        #expect(numeric.periodLabels == ["2004", "2005", "2006"] && numeric.periodOfLabel == [2, 0, 1, 0])
        let text = SophisticationInput.periods(["2005Q2", "2005Q1"])
        #expect(text.periodLabels == ["2005Q2", "2005Q1"] && text.periodOfLabel == [0, 1])
    }
}
