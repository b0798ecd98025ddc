import Estimation
import Foundation

/// Several estimations side by side, in the style of fixest's `etable` and Stata's `esttab`:
/// coefficients with stars, standard errors in parentheses, then fixed-effect rows, the vcov type,
/// observations and fit statistics.
public struct RegressionTable: Sendable {
    public let results: [RegressionResult]
    /// Column headers; default "(1)", "(2)", ….
    public let titles: [String]
    public let digits: Int
    /// The estimation sample of each column (e.g. "region = 3"), shown as a first "Sample" row; nil for none.
    public let samples: [String]?
    /// The 2SLS results behind IV columns (nil for OLS columns), for the first-stage and diagnostic rows.
    public let instrumental: [IVResult?]

    public init(_ results: [RegressionResult], titles: [String]? = nil, digits: Int = 4, samples: [String]? = nil,
                instrumental: [IVResult?]? = nil) {
        self.results = results
        self.titles = titles ?? results.indices.map { "(\($0 + 1))" }
        self.digits = digits
        self.samples = samples
        self.instrumental = instrumental?.count == results.count ? instrumental ?? [] : results.map { _ in nil }
    }

    /// First-stage F per endogenous regressor, Kleibergen–Paap rk Wald F and the over-identification p-value.
    func instrumentalRows() -> [[String]] {
        guard instrumental.contains(where: { $0 != nil }) else { return [] }
        var endogenous: [String] = []
        for iv in instrumental.compactMap({ $0 }) { for name in iv.endogenousNames where !endogenous.contains(name) { endogenous.append(name) } }
        var rows = endogenous.map { name in
            ["First-stage F: \(name)"] + instrumental.map { iv in
                iv?.firstStages.first { $0.endogenous == name }.map { NumberFormat.fixed($0.fStatistic.statistic, digits: 2) } ?? ""
            }
        }
        rows.append(["KP rk Wald F"] + instrumental.map { iv in
            iv?.diagnostics.kleibergenPaapWaldF.map { NumberFormat.fixed($0, digits: 2) } ?? ""
        })
        rows.append(["Over-id. p (Sargan / Hansen J)"] + instrumental.map { iv in
            guard let iv else { return "" }
            guard let test = iv.diagnostics.hansenJ ?? iv.diagnostics.sargan else { return "exact" }
            return NumberFormat.fixed(test.pValue, digits: 3)
        })
        return rows
    }

    /// The table's cells: a header row, then body rows; `sections` marks the rows that start a block.
    func cells() -> (header: [String], rows: [[String]], sections: Set<Int>) {
        var rows: [[String]] = [["Dependent var."] + results.map(\.dependent)]
        if let samples, samples.count == results.count { rows.insert(["Sample"] + samples, at: 0) }
        var sections: Set<Int> = [rows.count]
        var names: [String] = []
        for result in results { for name in result.coefficientNames where !names.contains(name) { names.append(name) } }
        // The intercept leads, as in etable and esttab.
        if let intercept = names.firstIndex(of: "(Intercept)") { names.insert(names.remove(at: intercept), at: 0) }
        for name in names {
            rows.append([name] + results.map { result in
                guard let index = result.coefficientNames.firstIndex(of: name) else { return "" }
                return NumberFormat.fixed(result.coefficients[index], digits: digits) + SignificanceStars.marks(result.pValues[index])
            })
            rows.append([""] + results.map { result in
                result.standardError(name).map { "(" + NumberFormat.fixed($0, digits: digits) + ")" } ?? ""
            })
        }
        var effects: [String] = []
        for result in results { for effect in result.fixedEffects where !effects.contains(effect.name) { effects.append(effect.name) } }
        if !effects.isEmpty {
            sections.insert(rows.count)
            for effect in effects {
                rows.append([effect] + results.map { $0.fixedEffects.contains { $0.name == effect } ? "Yes" : "No" })
            }
        }
        let diagnostics = instrumentalRows()
        if !diagnostics.isEmpty {
            sections.insert(rows.count)
            rows += diagnostics
        }
        sections.insert(rows.count)
        rows.append(["S.E. type"] + results.map { $0.covariance.type.description })
        if results.contains(where: { $0.covariance.usesNormalInference }) {
            rows.append(["Small-sample"] + results.map { $0.covariance.options.convention.rawValue })
        }
        rows.append(["Observations"] + results.map { RegressionSummary.grouped($0.observationCount) })
        rows.append(["R²"] + results.map { NumberFormat.fixed($0.rSquared, digits: 5) })
        if results.contains(where: { $0.withinRSquared != nil }) {
            rows.append(["Within R²"] + results.map { $0.withinRSquared.map { NumberFormat.fixed($0, digits: 5) } ?? "" })
        }
        return (["", ] + titles, rows, sections)
    }

    public func markdown() -> String {
        let (header, rows, _) = cells()
        let alignments: [MarkdownTable.Alignment] = [.left] + titles.map { _ in .center }
        let table = MarkdownTable(header: header, rows: rows, alignments: alignments).render()
        return table + (table.hasSuffix("\n") ? "" : "\n") + "\nSignif. codes: *** 0.01, ** 0.05, * 0.1. Standard errors in parentheses.\n"
    }

    /// The same cells as CSV (one header row, then the body; fields quoted when needed), for spreadsheets.
    public func csv() -> String {
        let (header, rows, _) = cells()
        func field(_ text: String) -> String {
            guard text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return text }
            return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return ([header] + rows).map { $0.map(field).joined(separator: ",") }.joined(separator: "\n") + "\n"
    }

    /// A LaTeX `tabular` with booktabs rules.
    public func latex() -> String {
        let (header, rows, sections) = cells()
        func escape(_ text: String) -> String {
            var out = ""
            for character in text {
                switch character {
                case "_", "%", "&", "#", "$", "{", "}": out += "\\" + String(character)
                case "^": out += "\\^{}"
                case "²": out += "$^2$"
                case "*": out += "$^{*}$"
                default: out.append(character)
                }
            }
            return out.replacingOccurrences(of: "$^{*}$$^{*}$$^{*}$", with: "$^{***}$")
                .replacingOccurrences(of: "$^{*}$$^{*}$", with: "$^{**}$")
        }
        var lines = ["\\begin{tabular}{l" + String(repeating: "c", count: results.count) + "}", "\\toprule",
                     header.map(escape).joined(separator: " & ") + " \\\\"]
        for (index, row) in rows.enumerated() {
            if sections.contains(index) { lines.append("\\midrule") }
            lines.append(row.map(escape).joined(separator: " & ") + " \\\\")
        }
        lines += ["\\bottomrule", "\\multicolumn{\(results.count + 1)}{l}{\\footnotesize Signif. codes: *** 0.01, ** 0.05, * 0.1.}\\\\",
                  "\\end{tabular}"]
        return lines.joined(separator: "\n") + "\n"
    }
}
