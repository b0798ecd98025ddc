import Estimation
import Foundation
import PanelData
import Reporting
import Testing

/// `hetfirm estimate --table text` with several models: a plain-text table, not Markdown (issue 10, §5).
@Suite("regression tables as text")
struct RegressionTableTextTests {
    @Test("the text table has the Markdown table's cells, aligned with spaces, ruled, and no pipes")
    func textTable() throws {
        let table = RegressionTable(try RegressionTableTests.results())
        let text = table.text()
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(!text.contains("|"), "\(text)")
        #expect(lines[0].allSatisfy { $0 == "=" } && !lines[0].isEmpty)
        #expect(lines[1].contains("(1)") && lines[1].contains("(2)"))
        let x1 = try #require(lines.firstIndex { $0.hasPrefix("x1 ") })
        #expect(lines[x1].contains("***") && lines[x1 + 1].contains("(0."))
        #expect(lines.contains { $0.hasPrefix("S.E. type") && $0.contains("CRV1 clustered by unit") && $0.contains("iid") })
        #expect(lines.contains { $0.hasPrefix("Observations") && $0.contains("1,000") })
        #expect(lines.filter { !$0.isEmpty && $0.allSatisfy { $0 == "-" } }.count >= 2, "rules between the blocks")
        #expect(text.contains("Signif. codes: *** 0.01, ** 0.05, * 0.1"))
        // Every body line is no wider than the rules.
        #expect(lines.allSatisfy { $0.count <= lines[0].count || $0.hasPrefix("Signif.") })
        // The same coefficients as the Markdown table.
        let markdown = table.markdown()
        for cell in ["0.", "Yes", "No"] { #expect(markdown.contains(cell) == text.contains(cell)) }
    }
}
