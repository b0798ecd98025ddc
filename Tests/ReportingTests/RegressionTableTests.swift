import Estimation
import Foundation
import PanelData
import Reporting
import Testing
import TestSupport

@Suite("regression tables")
struct RegressionTableTests {
    static func results() throws -> [RegressionResult] {
        let data = try CSVReader.read(path: Repository.fixtureData("pyfixest", "balanced.csv"))
        return try ["y ~ x1 | unit + year", "y ~ x1 + x2"].map {
            try FixedEffectsOLS.fit(FormulaParser.parse($0), data: data)
        }
    }

    @Test("etable-style Markdown: coefficients with stars, SEs in parentheses, FE rows, vcov row, N, R²")
    func markdown() throws {
        let text = RegressionTable(try Self.results()).markdown()
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines[0].contains("(1)") && lines[0].contains("(2)"))
        // The intercept row comes before x1 although only model (2) has one.
        let intercept = try #require(lines.firstIndex { $0.hasPrefix("| (Intercept)") })
        let x1 = try #require(lines.firstIndex { $0.hasPrefix("| x1") })
        #expect(intercept < x1)
        #expect(lines[x1].contains("***"))
        #expect(lines[x1 + 1].contains("(0."))
        #expect(lines.contains { $0.hasPrefix("| unit") && $0.contains("Yes") && $0.contains("No") })
        #expect(lines.contains { $0.hasPrefix("| S.E. type") && $0.contains("CRV1 clustered by unit") && $0.contains("iid") })
        #expect(lines.contains { $0.hasPrefix("| Observations") && $0.contains("1,000") })
        #expect(text.contains("Signif. codes: *** 0.01, ** 0.05, * 0.1"))
    }

    @Test("LaTeX uses booktabs rules and escapes markup")
    func latex() throws {
        let text = RegressionTable(try Self.results()).latex()
        #expect(text.hasPrefix("\\begin{tabular}{lcc}"))
        #expect(text.contains("\\toprule") && text.contains("\\midrule") && text.contains("\\bottomrule"))
        #expect(text.contains("$^{***}$"))
        #expect(text.contains("R$^2$"))
        #expect(text.contains("\n(Intercept) &  & "))
    }

    @Test("summary reads like fixest's, with the vcov type and fit statistics")
    func summary() throws {
        let text = RegressionSummary.text(try Self.results()[0])
        #expect(text.hasPrefix("OLS estimation, Dep. Var.: y\nObservations: 1,000\nFixed-effects: unit: 100,  year: 10"))
        #expect(text.contains("Standard-errors: CRV1 clustered by unit"))
        #expect(text.contains("Within R2:"))
    }

    @Test("CSV has the same cells, quoted where needed")
    func csv() throws {
        let text = RegressionTable(try Self.results()).csv()
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines[0] == ",(1),(2)")
        #expect(lines.contains { $0.hasPrefix("x1,") && $0.contains("***") })
        #expect(lines.contains { $0.hasPrefix("Observations,\"1,000\",\"1,000\"") })
    }

    @Test("IV columns add first-stage F, KP rk Wald F and over-identification rows; OLS columns leave them empty")
    func instrumentalRows() throws {
        let data = try CSVReader.read(path: Repository.fixtureData("linearmodels", "iv_no_fe.csv"))
        let options = EstimationOptions(vcov: .heteroskedastic)
        let ols = try FixedEffectsOLS.fit(FormulaParser.parse("y ~ x1 + x2"), data: data, options: options)
        let iv = try InstrumentalVariablesEstimator.fit(FormulaParser.parse("y ~ x1 + x2 | d1 ~ z1 + z2"), data: data, options: options)
        let table = RegressionTable([ols, iv.secondStage], instrumental: [nil, iv])
        let lines = table.markdown().split(separator: "\n").map(String.init)
        let firstStage = try #require(lines.first { $0.hasPrefix("| First-stage F: d1") })
        #expect(firstStage.contains(NumberFormat.fixed(iv.firstStages[0].fStatistic.statistic, digits: 2)))
        #expect(lines.contains { $0.hasPrefix("| KP rk Wald F") })
        let overidentification = try #require(lines.first { $0.hasPrefix("| Over-id. p") })
        #expect(overidentification.contains(NumberFormat.fixed(try #require(iv.diagnostics.hansenJ).pValue, digits: 3)))
        // Without IV columns there are no such rows.
        #expect(!RegressionTable([ols]).markdown().contains("First-stage"))
    }
}
