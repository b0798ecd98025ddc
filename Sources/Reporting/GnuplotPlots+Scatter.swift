/// One group of points of a scatter plot: column `xColumn` against column `yColumn` of `series`, over
/// every row or only the rows whose `groupColumn` equals `groupValue`.
public struct ScatterGroup: Sendable, Equatable {
    public let series: DataSeries
    public let xColumn: String
    public let yColumn: String
    /// Key entry of the group.
    public let title: String
    /// Column whose value selects the group's rows, or nil for every row.
    public let groupColumn: String?
    /// The value of `groupColumn` the group's rows have (nil with every row).
    public let groupValue: Double?

    /// Every row of `series`.
    public init(series: DataSeries, x xColumn: String, y yColumn: String, title: String) {
        self.series = series
        self.xColumn = xColumn
        self.yColumn = yColumn
        self.title = title
        groupColumn = nil
        groupValue = nil
    }

    /// The rows of `series` whose column `groupColumn` equals `value` (e.g. `coastal` = 1).
    public init(series: DataSeries, x xColumn: String, y yColumn: String, where groupColumn: String, equals value: Double, title: String) {
        self.series = series
        self.xColumn = xColumn
        self.yColumn = yColumn
        self.title = title
        self.groupColumn = groupColumn
        groupValue = value
    }

    /// The (x, y) pairs the group draws: its rows where both values are finite.
    public func points() throws -> [(x: Double, y: Double)] {
        let x = try values(of: xColumn), y = try values(of: yColumn)
        let selected = try groupColumn.map { name in try values(of: name).map { $0 == groupValue } } ?? Array(repeating: true, count: x.count)
        return x.indices.filter { selected[$0] && x[$0].isFinite && y[$0].isFinite }.map { (x: x[$0], y: y[$0]) }
    }

    private func values(of name: String) throws -> [Double] {
        guard let column = series.columns.first(where: { $0.name == name }) else {
            throw ReportingError.unknownColumn(name, available: series.columns.map(\.name))
        }
        return column.values
    }
}

extension GnuplotPlots {
    /// Groups of (x, y) points, one marker style and key entry per group: e.g. MET against INTER for
    /// coastal and inland provinces. Rows with a non-finite x or y are not drawn.
    ///
    /// - Parameters:
    ///   - groups: the groups, in key order; they may read the same or different series.
    ///   - title: plot title.
    ///   - xLabel: x-axis label, including the unit.
    ///   - yLabel: y-axis label, including the unit.
    ///   - format: image format.
    ///   - stem: the script's and image's stem (default: the first group's series stem).
    /// - Returns: a script drawing into `plots/STEM.FORMAT`.
    /// - Throws: ``ReportingError`` when there is no group, a group names an unknown column, or no group
    ///   has a point to draw.
    public static func scatter(groups: [ScatterGroup], title: String, xLabel: String, yLabel: String, format: PlotFormat,
                               stem: String? = nil) throws -> GnuplotScript {
        guard let first = groups.first else { throw ReportingError.nothingToPlot("no scatter groups given") }
        let stem = stem ?? first.series.stem
        try FileStem.validate(stem)
        var clauses: [String] = [], pointCount = 0
        for (index, group) in groups.enumerated() {
            pointCount += try group.points().count
            func number(_ name: String) -> Int { group.series.columnNumber(named: name) ?? 0 }  // checked by points()
            let y: String
            if let groupColumn = group.groupColumn, let value = group.groupValue {
                y = "(($\(number(groupColumn)) == \(GnuplotText.number(value))) ? $\(number(group.yColumn)) : NaN)"
            } else {
                y = String(number(group.yColumn))
            }
            clauses.append("\"\(group.series.stem).dat\" using \(number(group.xColumn)):\(y) with points linestyle \(index % 8 + 1) "
                + "title \"\(GnuplotText.literal(group.title))\"")
        }
        guard pointCount > 0 else {
            throw ReportingError.nothingToPlot("no finite (x, y) point in any group of \(stem)")
        }
        let contents = try GnuplotTemplates.instantiate("scatter.gp", values: [
            "TERMINAL": format.terminalCommand,
            "OUTPUT": outputPath(stem: stem, format: format),
            "TITLE": titleText(title),
            "XLABEL": GnuplotText.literal(xLabel),
            "YLABEL": GnuplotText.literal(yLabel),
            "PLOTS": clauses.joined(separator: ", \\\n     "),
        ])
        return GnuplotScript(stem: stem, contents: contents)
    }
}
