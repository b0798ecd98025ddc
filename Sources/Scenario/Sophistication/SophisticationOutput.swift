import Foundation
import Measures

/// The printed and written forms of `hetfirm sophistication`'s results: the text table, JSON, and the
/// CSV files of `--out` (MET per region-period) and `--products-out` (RTV per product-period).
struct SophisticationOutput {
    let request: DataSophistication.Request
    let input: SophisticationInput
    let regions: [DataSophistication.RegionPeriod]
    let products: [DataSophistication.ProductPeriod]
    let unexported: [(product: String, time: String, row: Int)]

    /// A full-precision number (shortest round-trip).
    static func number(_ value: Double) -> String { "\(value)" }

    /// A field of the comma-separated output, quoted when it holds a comma, a quote or a line break.
    func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// `REGION,TIME,total_exports,gdp_per_capita,met,ln_met` (the id headers are the input's column names).
    func regionCSV() -> String {
        var lines = [[request.regionColumn, request.timeColumn, "total_exports", "gdp_per_capita", "met", "ln_met"].map(field)
            .joined(separator: ",")]
        for cell in regions {
            lines.append([field(cell.region), field(cell.time), Self.number(cell.totalExports), Self.number(cell.gdpPerCapita),
                          Self.number(cell.met), Self.number(log(cell.met))].joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `PRODUCT,TIME,total_exports,exporting_regions,rtv`; product-periods exported by nobody are left out.
    func productCSV() -> String {
        var lines = [[request.productColumn, request.timeColumn, "total_exports", "exporting_regions", "rtv"].map(field)
            .joined(separator: ",")]
        for cell in products {
            lines.append([field(cell.product), field(cell.time), Self.number(cell.totalExports), String(cell.exportingRegions),
                          Self.number(cell.rtv)].joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Writes under `hetfirm weights --out`'s rule: an existing file only with `--force`, never a folder,
    /// a link or the input.
    func write(_ text: String, to path: String) throws {
        var rule = WeightsOutputFile.Request()
        rule.force = request.force
        try WeightsOutputFile.write(text, request: rule, path: path, inputs: [request.dataPath])
    }

    var summaryLines: [String] {
        let data = input.exports
        var lines = ["export sophistication (PRODY/EXPY, paper 000 eqs. 12-13) from \(request.dataPath): \(data.rowCount) rows, "
                     + "\(data.regionCount) regions, \(data.productCount) products, \(data.timeCount) periods; "
                     + "\(regions.count) region-periods, \(products.count) product-periods with an RTV"]
        if !unexported.isEmpty {
            let shown = unexported.prefix(5).map { "\($0.product) in \($0.time) (\(input.file.location(ofDataRow: $0.row)))" }
            lines.append("\(unexported.count) product-period(s) exported by no region, RTV undefined and left out (they weigh 0 in every MET): "
                         + shown.joined(separator: ", ") + (unexported.count > 5 ? ", …" : ""))
        }
        return lines
    }

    /// The summary and, without `--out`, the MET table.
    func text(written: [String]) -> String {
        var lines = summaryLines + written
        if request.outPath == nil {
            let header = [request.regionColumn, request.timeColumn, "E_it", "PGDP_it", "MET_it", "ln MET_it"]
            var rows = [header]
            for cell in regions {
                rows.append([cell.region, cell.time, String(format: "%.8g", cell.totalExports), String(format: "%.8g", cell.gdpPerCapita),
                             String(format: "%.10g", cell.met), String(format: "%.6f", log(cell.met))])
            }
            var widths = [Int](repeating: 0, count: header.count)
            for row in rows { for (index, text) in row.enumerated() { widths[index] = max(widths[index], text.count) } }
            lines.append("")
            for row in rows {
                lines.append(row.enumerated().map { index, text in
                    let pad = String(repeating: " ", count: widths[index] - text.count)
                    return index < 2 ? text + pad : pad + text
                }.joined(separator: "  "))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `{"summary": …, "regions": [{region, time, total_exports, gdp_per_capita, met, ln_met}], "unexported_products": […]}`.
    func json() throws -> String {
        let data = input.exports
        let object: [String: Any] = [
            "data": request.dataPath,
            "rows": data.rowCount, "regions_count": data.regionCount, "products_count": data.productCount,
            "periods_count": data.timeCount,
            "regions": regions.map { cell -> [String: Any] in
                ["region": cell.region, "time": cell.time, "total_exports": cell.totalExports,
                 "gdp_per_capita": cell.gdpPerCapita, "met": cell.met, "ln_met": log(cell.met)]
            },
            "product_periods_with_rtv": products.count,
            "unexported_products": unexported.map { ["product": $0.product, "time": $0.time, "line": input.lineNumber(ofDataRow: $0.row).map { $0 as Any } ?? NSNull()] },
            "files": [request.outPath, request.productsOutPath].compactMap { $0 },
        ]
        let bytes = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
        return String(decoding: bytes, as: UTF8.self) + "\n"
    }
}
