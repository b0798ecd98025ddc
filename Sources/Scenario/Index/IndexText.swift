import Foundation

/// The text, JSON and CSV forms of an ``IndexDocument``.
enum IndexText {
    static func number(_ value: Double) -> String { String(format: "%.6g", value) }
    static func full(_ value: Double) -> String { "\(value)" }

    /// Conventions, the per-sample table and (unless `rows` is false) the index per row.
    static func text(_ document: IndexDocument, rows: Bool = true) -> String {
        var lines: [String] = []
        let years = document.samples.count
        lines.append("hetfirm index: \(document.method), \(document.rows.count) rows, \(document.indicators.count) indicators, "
                     + (document.samples.first?.year == nil ? "pooled" : "\(years) year(s)")
                     + (document.negativeIndicators.isEmpty ? "" : "; negative: \(document.negativeIndicators.joined(separator: ", "))"))
        lines += document.conventions.map { "  " + $0 }
        lines.append("")
        let isProjection = document.method == "projection-pursuit"
        var header = ["year"] + document.indicators
        if isProjection { header += ["Q", "S_z", "D_z", "R", "Q RAGA unpolished", "Q multi-start", "agree"] }
        if document.method == "pca" { header += ["components", "λ (all)"] }
        var table: [[String]] = [header]
        for sample in document.samples {
            var cells = [sample.year.map(String.init) ?? "all"] + sample.weights.map(number)
            if isProjection {
                cells += [sample.objective, sample.standardDeviation, sample.localDensity, sample.radius].map { $0.map(number) ?? "" }
                cells += [sample.geneticObjective.map { String(format: "%.10g", $0) } ?? "",
                          sample.multiStartObjective.map { String(format: "%.10g", $0) } ?? "",
                          sample.optimisersAgree.map { $0 ? "yes" : "NO" } ?? ""]
            }
            if document.method == "pca" {
                cells += [String(sample.componentWeights?.count ?? 0), (sample.eigenvalues ?? []).map(number).joined(separator: " ")]
            }
            table.append(cells)
        }
        lines.append(isProjection ? "direction a per year, with Q(a) = S_z·D_z and the optimiser check:"
                     : (document.method == "entropy" ? "entropy weights w_j:" : "weights β_j per standardised indicator:"))
        lines += aligned(table)
        if document.method == "entropy" {
            lines.append("")
            lines.append("entropy e_j:")
            lines += aligned([["year"] + document.indicators] + document.samples.map { [$0.year.map(String.init) ?? "all"] + ($0.entropy ?? []).map(number) })
        }
        if rows {
            lines.append("")
            lines.append("index per row:")
            lines += aligned([["id", "year", "index"]] + document.rows.map { [$0.id, $0.year.map(String.init) ?? "", String(format: "%.10g", $0.index)] })
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// id,year,index with full precision (year omitted without --by).
    static func csv(_ document: IndexDocument) -> String {
        let hasYear = document.rows.first?.year != nil
        var text = hasYear ? "id,year,index\n" : "id,index\n"
        for row in document.rows {
            text += quoted(row.id) + "," + (hasYear ? "\(row.year ?? 0)," : "") + full(row.index) + "\n"
        }
        return text
    }

    static func json(_ document: IndexDocument) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return String(decoding: try encoder.encode(document), as: UTF8.self) + "\n"
    }

    static func quoted(_ field: String) -> String {
        field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
    }

    static func aligned(_ table: [[String]]) -> [String] {
        let columns = table.map(\.count).max() ?? 0
        var widths = [Int](repeating: 0, count: columns)
        for row in table { for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) } }
        return table.map { row in
            row.enumerated().map { $1.padding(toLength: widths[$0], withPad: " ", startingAt: 0) }.joined(separator: "  ")
                .trimmingCharacters(in: .whitespaces)
        }
    }
}
