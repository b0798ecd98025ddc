/// Builders of gnuplot scripts from the templates in `plots/`.
///
/// Every script runs with the output folder as working directory, reads its `.dat` files there
/// and writes its image to `plots/STEM.png` or `plots/STEM.svg`. Titles, axis labels and column
/// names are shown literally (enhanced-text control characters are escaped).
public enum GnuplotPlots {
    /// Series drawn with points on top of the line when a series has at most this many rows.
    static let maximumRowsForMarkers = 25

    /// Lines of one or more y columns of `series` against its first column.
    ///
    /// - Parameters:
    ///   - series: the data; its first column is the x axis.
    ///   - yColumns: names of the columns to draw, in key order.
    ///   - title: plot title.
    ///   - xLabel: x-axis label, including the unit.
    ///   - yLabel: y-axis label, including the unit.
    ///   - format: image format.
    ///   - seriesTitles: key entries, one per y column (default: the column names).
    ///   - yRange: fixed y-axis range (default: fitted to the data); lines leaving it are clipped, and a note
    ///     under the title says which and how far they reach.
    ///   - stem: the script's and image's stem (default `series.stem`), for several plots of one series.
    /// - Returns: a script with stem `stem`, drawing into `plots/STEM.FORMAT`.
    /// - Throws: ``ReportingError`` when `yColumns` is empty or names an unknown column, or when
    ///   `seriesTitles` does not have one entry per y column.
    public static func lines(
        series: DataSeries, yColumns: [String], title: String, xLabel: String, yLabel: String, format: PlotFormat,
        seriesTitles: [String]? = nil, yRange: ClosedRange<Double>? = nil, stem: String? = nil
    ) throws -> GnuplotScript {
        guard !yColumns.isEmpty else {
            throw ReportingError.nothingToPlot("no y columns given for \(series.stem)")
        }
        if let seriesTitles, seriesTitles.count != yColumns.count {
            throw ReportingError.nothingToPlot("\(seriesTitles.count) series titles for \(yColumns.count) y columns in \(series.stem)")
        }
        let style = series.rowCount <= maximumRowsForMarkers ? "linespoints" : "lines"
        var clauses: [String] = []
        for (index, name) in yColumns.enumerated() {
            guard let number = series.columnNumber(named: name) else {
                throw ReportingError.unknownColumn(name, available: series.columns.map(\.name))
            }
            let lineStyle = index % 8 + 1
            clauses.append(
                "\"\(series.stem).dat\" using 1:\(number) with \(style) linestyle \(lineStyle) title \"\(GnuplotText.literal(seriesTitles?[index] ?? name))\"")
        }
        let drawn = yColumns.enumerated().map { index, name in
            (title: seriesTitles?[index] ?? name, values: series.columns.first { $0.name == name }?.values ?? [])
        }
        let note = clippingNote(yRange: yRange, series: drawn, dataFiles: ["\(series.stem).dat"])
        let contents = try GnuplotTemplates.instantiate("lines.gp", values: [
            "TERMINAL": format.terminalCommand,
            "OUTPUT": outputPath(stem: stem ?? series.stem, format: format),
            "TITLE": titleText(title, note: note),
            "XLABEL": GnuplotText.literal(xLabel),
            "YLABEL": GnuplotText.literal(yLabel),
            "YRANGE": yRange.map { "set yrange [\($0.lowerBound):\($0.upperBound)]" } ?? "# y range fitted to the data",
            "PLOTS": clauses.joined(separator: ", \\\n     "),
        ])
        return GnuplotScript(stem: stem ?? series.stem, contents: contents)
    }

    /// Path of the image a script with `stem` writes, relative to the output folder.
    public static func outputPath(stem: String, format: PlotFormat) -> String {
        "plots/\(stem).\(format.fileExtension)"
    }
}
