@testable import Pipelines
import Estimation
import Foundation
import PanelData
import Scenario
import Testing
import TestSupport

/// `hetfirm estimate` and `hetfirm mediate` on users' files: separators (given or detected), text
/// identifiers end to end, and messages that name the file's line, column and cell.
@Suite("hetfirm estimate and mediate: data input")
struct UserDataInputTests {
    static let fixtures = Repository.fixtures("pyfixest")

    /// Writes `text` to a fresh temporary file named `name` and returns its path.
    static func file(_ name: String, _ text: String) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hetfirm-input-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    /// The `InvalidInput` message of an estimation, or nil when it succeeds.
    static func failure(_ path: String, _ formula: String, vcov: String? = nil, split: String? = nil,
                        delimiter: String? = nil) -> String? {
        do {
            _ = try DataEstimation.run(dataPath: path, formulas: [formula], vcov: vcov, fixedEffects: false, output: .text,
                                       split: split.map { SampleSplit(column: $0) }, delimiter: delimiter)
            return nil
        } catch let error as InvalidInput {
            return error.description
        } catch {
            return "unexpected: \(error)"
        }
    }

    static let panel = "y,x,state,year\n1.2,0.5,New York,2001\n2.0,1.5,New York,2002\n2.9,2.1,Ohio,2001\n4.1,2.9,Ohio,2002\n"
        + "5.2,4.2,Utah,2001\n5.8,5.5,Utah,2002\n7.1,6.1,\"Washington, D.C.\",2001\n8.3,7.7,\"Washington, D.C.\",2002\n"

    /// The issue's example names line 3, column 2 and the cell 0x1A (not 2:2 and 1.5).
    @Test func hexadecimalCellIsLocated() throws {
        let message = try #require(Self.failure(try Self.file("hex.csv", "y,x\n1,1.5\n3,0x1A\n"), "y ~ x"))
        #expect(message.contains("hex.csv:3:2 (column 'x'): error: '0x1A' is not a number"))
        #expect(message.contains("use it as a fixed effect after '|' (y ~ … | x)"))
    }

    /// Lines, not rows: a quoted line break and a blank line before the text cell, and a split sample.
    @Test func textCellLineAfterQuotesAndInSplitSample() throws {
        let path = try Self.file("q.csv", "y,x,g,note\n1,2,a,\"two\nlines\"\n\n2,3,b,ok\n3,4,a,ok\n4,five,b,ok\n5,6,a,ok\n")
        let message = try #require(Self.failure(path, "y ~ x"))
        #expect(message.contains("q.csv:7:2 (column 'x'): error: 'five' is not a number"), "\(message)")
        let split = try #require(Self.failure(path, "y ~ x", vcov: "iid", split: "g"))
        #expect(split.contains("q.csv:7:2"), "\(split)")
        // An instrument or endogenous regressor is read as a number too.
        let iv = try #require(Self.failure(path, "y ~ 1 | g | x ~ note"))
        #expect(iv.contains("q.csv:7:2 (column 'x')"), "\(iv)")
        let decimal = try #require(Self.failure(try Self.file("d.csv", "y;x\n1;2\n2;3,5\n3;4\n"), "y ~ x"))
        #expect(decimal.contains("d.csv:3:2") && decimal.contains("Decimal commas are not read"), "\(decimal)")
    }

    @Test func separatorsAreDetectedOrGiven() throws {
        let expected = try DataEstimation.run(dataPath: try Self.file("p.csv", Self.panel), formulas: ["y ~ x | state"],
                                              vcov: "hc1", fixedEffects: false, output: .text)
        // Cells with a comma are quoted in the CSV; other separators need no quotes here.
        for (name, separator, given) in [("p.tsv", "\t", nil), ("p.txt", ";", nil), ("p.dat", "|", nil), ("q.txt", "\t", "tab"),
                                         ("r.txt", ";", ";"), ("s.txt", "|", "pipe")] as [(String, String, String?)] {
            let text = Self.panel.replacingOccurrences(of: "\"Washington, D.C.\"", with: "Washington DC")
                .replacingOccurrences(of: ",", with: separator).replacingOccurrences(of: "Washington DC", with: "Washington, D.C.")
            let report = try DataEstimation.run(dataPath: try Self.file(name, text), formulas: ["y ~ x | state"], vcov: "hc1",
                                                fixedEffects: false, output: .text, delimiter: given)
            #expect(report.results[0].coefficients == expected.results[0].coefficients, "\(name)")
        }
        // The issue's TSV: "no column 'y'" before; now read as tab-separated.
        let tsv = try Self.file("t.tsv", "y\tx\n1\t2\n2\t3.5\n3\t3\n4\t5\n")
        #expect(Self.failure(tsv, "y ~ x") == nil)
        #expect(Self.failure(tsv, "y ~ x", delimiter: "tab") == nil)
        let bad = try #require(Self.failure(tsv, "y ~ x", delimiter: "colon"))
        #expect(bad.contains("--delimiter 'colon' is not one of"))
    }

    /// A wrong or ambiguous separator: the unknown-column message says how the file was split.
    @Test func unknownColumnSaysHowTheFileWasSplit() throws {
        let tabs = try Self.file("t.csv", "y\tx\n1\t2\n2\t3\n3\t5\n")
        let forced = try #require(Self.failure(tabs, "y ~ x", delimiter: ","))
        #expect(forced.contains("no column 'y'") && forced.contains("read as comma-separated, as given with --delimiter"))
        #expect(forced.contains("its header has 1 column, 'y\tx'"), "\(forced)")
        let tie = try #require(Self.failure(try Self.file("a.csv", "y;x,z\n1;2,3\n"), "y ~ x"))
        #expect(tie.contains("because the header is ambiguous (1 comma and 1 semicolon)"), "\(tie)")
        #expect(tie.contains("give --delimiter"))
    }

    @Test func textIdentifiersEndToEnd() throws {
        let path = PyfixestOracleFixture.csv
        // FE, an interaction of a text FE with a year, two-way clustering by text columns, the labels in the output.
        let report = try DataEstimation.run(dataPath: path, formulas: ["y ~ x1 + x2 | firm + year"], vcov: "cluster=state,industry",
                                            fixedEffects: true, output: .text)
        #expect(report.text.contains("Fixed effects firm (120 levels):") && report.text.contains("F-001\t"))
        let json = try DataEstimation.run(dataPath: path, formulas: ["y ~ x1 + x2 | state + country^year"], vcov: "cluster=country",
                                          fixedEffects: true, output: .json)
        #expect(json.text.contains("\"Washington, D.C.\"") && json.text.contains("\"DEU_2012\""))
        let split = try DataEstimation.run(dataPath: path, formulas: ["y ~ x1 + x2 | industry + year"], vcov: "cluster=industry",
                                           fixedEffects: false, output: .markdown, split: SampleSplit(column: "country"))
        #expect(split.samples == ["country = DEU", "country = ESP", "country = FRA", "country = ITA", "country = NLD", "country = POL"])
        #expect(split.text.contains("country = DEU"))
        // The same numbers as the fixture's pyfixest values.
        let deu = try #require(try PyfixestOracleFixture.coefficient(formula: "y ~ x1 + x2 | industry + year", split: "DEU", name: "x1"))
        #expect(abs((split.results[0].coefficient("x1") ?? .nan) - deu) < 1e-8 * abs(deu))
        // Detected as tab-separated from the .tsv extension: the same estimate.
        let tsv = try DataEstimation.run(dataPath: PyfixestOracleFixture.tsv, formulas: ["y ~ x1 + x2 | industry + year"],
                                         vcov: "cluster=industry", fixedEffects: false, output: .markdown, split: SampleSplit(column: "country"))
        #expect(tsv.results.map(\.coefficients) == split.results.map(\.coefficients))
    }

    @Test func oneLevelFixedEffectNamesTheVariable() throws {
        let path = try Self.file("one.csv", "y,x,state\n1,2,Ohio\n2,3,Ohio\n3,5,Ohio\n4,4,Ohio\n")
        let message = try #require(Self.failure(path, "y ~ x | state"))
        #expect(message.contains("clustered by the first fixed effect, 'state'"), "\(message)")
        #expect(message.contains("--vcov iid, --vcov hc1 or --vcov cluster=VAR"))
        #expect(!message.contains("dimension 0"))
        #expect(Self.failure(path, "y ~ x | state", vcov: "iid") == nil)
    }

    @Test func malformedFilesAreLocated() throws {
        let ragged = try #require(Self.failure(try Self.file("r.csv", "\u{FEFF}a,b,c\r\n1,2,3\r\n4,5\r\n"), "a ~ b"))
        #expect(ragged.contains("r.csv:3:3 (column 'c'): expected 3 fields, found 2 in '4,5'"), "\(ragged)")
        let empty = try #require(Self.failure(try Self.file("e.csv", ""), "a ~ b"))
        #expect(empty.contains("e.csv:1:1: empty file"), "\(empty)")
        let headerOnly = try #require(Self.failure(try Self.file("h.csv", "a,b\r\n"), "a ~ b"))
        #expect(headerOnly.contains("no observations"), "\(headerOnly)")
    }

    @Test func mediateReadsTextClustersAndSeparators() throws {
        var text = "x;m;y;state\n"
        let states = ["Ohio", "Utah", "Maine", "Texas", "Iowa", "Idaho", "Alaska", "Kansas", "Oregon", "Nevada", "New York", "Vermont"]
        for row in 0..<120 {
            let x = Double(row % 7) / 3, m = 0.5 * x + Double((row * 37) % 11) / 20, y = 0.3 * m + 0.2 * x + Double((row * 53) % 13) / 25
            text += "\(x);\(m);\(y);\(states[row % 12])\n"
        }
        var request = DataMediation.Request(dataPath: try Self.file("m.txt", text), treatment: "x", mediators: ["m"], outcome: "y")
        request.vcov = "cluster=state"
        request.bootstrapReplications = 49
        let detected = try DataMediation.run(request).text
        request.delimiter = "semicolon"
        #expect(try DataMediation.run(request).text == detected)
        request.delimiter = "tab"
        #expect(throws: InvalidInput.self) { _ = try DataMediation.run(request) }
        request.delimiter = nil
        request.treatment = "state"
        do {
            _ = try DataMediation.run(request)
            Issue.record("a text treatment must fail")
        } catch let error as InvalidInput {
            #expect(error.description.contains("m.txt:2:4 (column 'state'): error: 'Ohio' is not a number"), "\(error)")
        }
    }
}

/// The text-identifier fixture of validation/pyfixest_text_ids.py.
enum PyfixestOracleFixture {
    static let csv = UserDataInputTests.fixtures.appendingPathComponent("data/text_ids.csv").path
    static let tsv = UserDataInputTests.fixtures.appendingPathComponent("data/text_ids.tsv").path

    /// pyfixest's coefficient `name` of `formula` on the split sample `split`.
    static func coefficient(formula: String, split: String, name: String) throws -> Double? {
        let cases = try OracleFixture(oracle: "pyfixest", name: "text_ids").cases()
        let entry = cases.first { ($0["formula"] as? String) == formula && ($0["split"] as? [String: String])?["value"] == split }
        return (entry?["coefficients"] as? [String: Double])?[name]
    }
}
