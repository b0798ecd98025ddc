extension RegressionTable {
    /// The table as plain text for a terminal, in the style of fixest's console `etable`: the same
    /// cells as ``markdown()``, columns padded with spaces (row labels left-aligned, the model columns
    /// centred), a rule of `=` above and below the table and a rule of `-` between its blocks
    /// (coefficients, fixed effects, IV diagnostics, fit statistics); no Markdown pipes.
    public func text() -> String {
        let (header, rows, sections) = cells()
        let columnCount = ([header] + rows).map(\.count).max() ?? 0
        guard columnCount > 0 else { return "" }
        let widths = (0..<columnCount).map { column in
            ([header] + rows).map { column < $0.count ? $0[column].count : 0 }.max() ?? 0
        }
        func line(_ row: [String]) -> String {
            let padded = (0..<columnCount).map { column -> String in
                let cell = column < row.count ? row[column] : ""
                let space = max(widths[column] - cell.count, 0)
                if column == 0 { return cell + String(repeating: " ", count: space) }
                let left = space / 2
                return String(repeating: " ", count: left) + cell + String(repeating: " ", count: space - left)
            }
            var text = padded.joined(separator: "  ")
            while text.last == " " { text.removeLast() }
            return text
        }
        let width = widths.reduce(0, +) + 2 * (columnCount - 1)
        let heavy = String(repeating: "=", count: width), light = String(repeating: "-", count: width)
        var lines = [heavy, line(header)]
        for (index, row) in rows.enumerated() {
            if sections.contains(index) { lines.append(light) }
            lines.append(line(row))
        }
        lines.append(heavy)
        lines.append("Signif. codes: *** 0.01, ** 0.05, * 0.1. Standard errors in parentheses.")
        return lines.joined(separator: "\n") + "\n"
    }
}
