@testable import Pipelines
import PanelData
import Testing
@testable import Scenario

@Suite("[[estimate]] sample filters")
struct SampleFilterTests {
    static let data = try! Dataset(columns: [
        .double("num", [1, 4, 6, 8]),
        Column(name: "new_dummy", storage: .int([0, 1, 0, 0])),
        .double("lnsupply", [2, 3, 4, 5], missing: [false, false, true, false]),
    ])

    @Test("clauses joined by && keep the rows that pass all of them")
    func conjunction() throws {
        #expect(try SampleFilter("new_dummy == 0 && num >= 4").rows(of: Self.data) == [2, 3])
        #expect(try SampleFilter("num<5").rows(of: Self.data) == [0, 1])
        #expect(try SampleFilter("num != 4 && num > -1e3").rows(of: Self.data) == [0, 2, 3])
    }

    @Test("a missing value fails the clause")
    func missingFails() throws {
        #expect(try SampleFilter("lnsupply > 0").rows(of: Self.data) == [0, 1, 3])
    }

    @Test("syntax errors point at the offending character")
    func syntaxErrors() {
        for (text, offset) in [("num = 4", 4), ("num >= ", 7), ("num >= 4 & x < 2", 9), ("== 3", 0)] {
            #expect(throws: SampleFilter.Problem.self) { try SampleFilter(text) }
            do { _ = try SampleFilter(text) } catch let problem as SampleFilter.Problem {
                #expect(problem.offset == offset, "\(text)")
                #expect(problem.description.contains("^"))
            } catch { Issue.record("unexpected \(error)") }
        }
    }

    @Test("an unknown column is an error at its name")
    func unknownColumn() throws {
        let filter = try SampleFilter("num > 1 && numm < 3")
        do { _ = try filter.rows(of: Self.data); Issue.record("expected an error") } catch let problem as SampleFilter.Problem {
            #expect(problem.offset == 11)
            #expect(problem.message.contains("numm"))
        }
    }
}
