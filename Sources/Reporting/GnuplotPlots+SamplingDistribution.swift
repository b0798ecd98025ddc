import Foundation

extension GnuplotPlots {
    /// Histogram of estimates (bin counts precomputed into a `.dat`) with a solid vertical line
    /// at the truth, a dashed one at the mean estimate and the normal density N(truth, mean SE²)
    /// scaled to counts overlaid.
    ///
    /// - Parameters:
    ///   - estimates: the estimates of all replications; non-finite values are left out.
    ///   - truth: the true parameter value.
    ///   - meanStandardError: mean reported standard error; the normal curve is omitted when it
    ///     is not a positive finite number.
    ///   - parameterSymbol: the parameter as gnuplot enhanced-text markup, e.g. `"k"`,
    ///     `"{/Symbol s}"` or `"δ_{mean}"`.
    ///   - stem: file stem of the `.dat`, the `.gp` and the image.
    ///   - format: image format.
    /// - Returns: the bin counts (columns bin_center, count, bin_lower, bin_upper,
    ///   normal_expected_count) and the script.
    /// - Throws: ``ReportingError`` for an invalid stem, a non-finite truth or no finite estimate.
    public static func samplingDistribution(
        estimates: [Double], truth: Double, meanStandardError: Double, parameterSymbol: String, stem: String,
        format: PlotFormat
    ) throws -> (data: DataSeries, script: GnuplotScript) {
        try FileStem.validate(stem)
        guard truth.isFinite else { throw ReportingError.nothingToPlot("the truth of \(parameterSymbol) is not finite") }
        let finite = estimates.filter(\.isFinite)
        let hasNormalCurve = meanStandardError.isFinite && meanStandardError > 0
        guard let histogram = Histogram(sample: finite, fallbackWidth: hasNormalCurve ? meanStandardError / 4 : .nan) else {
            throw ReportingError.nothingToPlot("no finite estimate of \(parameterSymbol) (or their range overflows)")
        }
        let replications = Double(finite.count)
        let centers = histogram.centers
        let expected = centers.map { center -> Double in
            guard hasNormalCurve else { return .nan }
            let standardized = (center - truth) / meanStandardError
            return replications * histogram.binWidth * exp(-0.5 * standardized * standardized)
                / (meanStandardError * (2 * Double.pi).squareRoot())
        }
        let symbolUnit = "units of \(parameterSymbol)"
        let data = try DataSeries(
            stem: stem,
            title: "Sampling distribution of the estimate of \(parameterSymbol): \(finite.count) replications, truth \(truth)",
            columns: [
                SeriesColumn(name: "bin_center", unit: symbolUnit, values: centers),
                SeriesColumn(name: "count", unit: "replications", values: histogram.counts.map(Double.init)),
                SeriesColumn(name: "bin_lower", unit: symbolUnit, values: centers.map { $0 - histogram.binWidth / 2 }),
                SeriesColumn(name: "bin_upper", unit: symbolUnit, values: centers.map { $0 + histogram.binWidth / 2 }),
                SeriesColumn(name: "normal_expected_count", unit: "replications", values: expected),
            ])

        let meanEstimate = finite.reduce(0, +) / replications
        let symbol = GnuplotText.markup(parameterSymbol)
        let truthLabel = "truth \(symbol) = \(NumberFormat.significant(truth, digits: 4))"
        // Keep the truth label clear of the mean line, and the key in the opposite corner.
        let labelOnLeft = meanEstimate > truth
        var low = histogram.lowerEdge
        var high = histogram.upperEdge
        if hasNormalCurve {
            low = min(low, truth - 4 * meanStandardError)
            high = max(high, truth + 4 * meanStandardError)
        }
        low = min(low, truth, meanEstimate)
        high = max(high, truth, meanEstimate)
        let padding = (high - low) * 0.02
        let normalCurve = hasNormalCurve
            ? "normalCount(x) with lines linewidth 3 linecolor rgb \"#009E73\" title \"N(truth, mean SE = \(NumberFormat.significant(meanStandardError, digits: 3))) density\", \\\n     "
            : ""
        let contents = try GnuplotTemplates.instantiate("sampling-distribution.gp", values: [
            "TERMINAL": format.terminalCommand,
            "OUTPUT": outputPath(stem: stem, format: format),
            "TRUTH": GnuplotText.number(truth),
            "MEAN_ESTIMATE": GnuplotText.number(meanEstimate),
            "MEAN_STANDARD_ERROR": GnuplotText.number(hasNormalCurve ? meanStandardError : 1),
            "REPLICATIONS": String(finite.count),
            "BIN_WIDTH": GnuplotText.number(histogram.binWidth),
            "TITLE": "Sampling distribution of the estimate of \(symbol) (R = \(finite.count))",
            "XLABEL": "estimate of \(symbol)",
            "X_MINIMUM": GnuplotText.number(low - padding),
            "X_MAXIMUM": GnuplotText.number(high + padding),
            "KEY_POSITION": labelOnLeft ? "top right" : "top left",
            "TRUTH_LABEL": truthLabel,
            "TRUTH_LABEL_ALIGNMENT": labelOnLeft ? "right offset -0.8,0" : "left offset 0.8,0",
            "DATAFILE": "\(stem).dat",
            "HISTOGRAM_KEY": "estimates (R = \(finite.count))",
            "NORMAL_CURVE": normalCurve,
            "MEAN_KEY": "mean estimate = \(NumberFormat.significant(meanEstimate, digits: 4))",
        ])
        return (data, GnuplotScript(stem: stem, contents: contents))
    }
}
