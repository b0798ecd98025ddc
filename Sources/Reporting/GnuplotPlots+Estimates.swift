extension GnuplotPlots {
    /// Model curves drawn as lines, with estimates and solid ±1.96 SE error bars on top: e.g. the true
    /// δ(n) of paper 003, the fitted curve, and the slopes estimated within bins of n.
    ///
    /// - Parameters:
    ///   - curves: the curves; first column is x, `curveColumns` are drawn as lines.
    ///   - curveTitles: key entries of the curves, one per column.
    ///   - estimates: x, estimate and standard-error columns named by `estimateColumns`.
    ///   - estimateTitle: key entry of the estimates.
    ///   - logarithmicX: draw the x axis on a log scale (its values must be positive).
    /// - Returns: a script with stem `curves.stem`, drawing into `plots/STEM.FORMAT`.
    public static func curvesWithEstimates(
        curves: DataSeries, curveColumns: [String], curveTitles: [String],
        estimates: DataSeries, estimateColumns: (x: String, estimate: String, standardError: String), estimateTitle: String,
        title: String, xLabel: String, yLabel: String, format: PlotFormat,
        yRange: ClosedRange<Double>? = nil, logarithmicX: Bool = false
    ) throws -> GnuplotScript {
        guard !curveColumns.isEmpty, curveTitles.count == curveColumns.count else {
            throw ReportingError.nothingToPlot("\(curveTitles.count) titles for \(curveColumns.count) curves in \(curves.stem)")
        }
        var clauses: [String] = []
        for (index, name) in curveColumns.enumerated() {
            guard let number = curves.columnNumber(named: name) else {
                throw ReportingError.unknownColumn(name, available: curves.columns.map(\.name))
            }
            clauses.append("\"\(curves.stem).dat\" using 1:\(number) with lines linestyle \(index % 6 + 1) title \"\(GnuplotText.literal(curveTitles[index]))\"")
        }
        let numbers = try [estimateColumns.x, estimateColumns.estimate, estimateColumns.standardError].map { name -> Int in
            guard let number = estimates.columnNumber(named: name) else {
                throw ReportingError.unknownColumn(name, available: estimates.columns.map(\.name))
            }
            return number
        }
        clauses.append("\"\(estimates.stem).dat\" using \(numbers[0]):\(numbers[1]):(1.96*$\(numbers[2])) with yerrorbars linestyle 7 dashtype solid title \"\(GnuplotText.literal(estimateTitle))\"")
        var settings = [yRange.map { "set yrange [\($0.lowerBound):\($0.upperBound)]" } ?? "# y range fitted to the data"]
        if logarithmicX { settings.append("set logscale x") }
        var drawn = curveColumns.enumerated().map { index, name in
            (title: curveTitles[index], values: curves.columns.first { $0.name == name }?.values ?? [])
        }
        let estimate = estimates.columns[numbers[1] - 1].values, error = estimates.columns[numbers[2] - 1].values
        drawn.append((title: "the ±1.96 SE error bars",
                      values: zip(estimate, error).flatMap { [$0 - 1.96 * $1, $0 + 1.96 * $1] }))
        let note = clippingNote(yRange: yRange, series: drawn, dataFiles: ["\(curves.stem).dat", "\(estimates.stem).dat"])
        let contents = try GnuplotTemplates.instantiate("lines.gp", values: [
            "TERMINAL": format.terminalCommand,
            "OUTPUT": outputPath(stem: curves.stem, format: format),
            "TITLE": titleText(title, note: note),
            "XLABEL": GnuplotText.literal(xLabel),
            "YLABEL": GnuplotText.literal(yLabel),
            "YRANGE": settings.joined(separator: "\n"),
            "PLOTS": clauses.joined(separator: ", \\\n     "),
        ])
        return GnuplotScript(stem: curves.stem, contents: contents)
    }
}
