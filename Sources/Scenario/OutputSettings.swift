import Reporting

/// The `[output]` section.
public struct OutputSettings: Sendable, Equatable {
    /// Output directory (default `out/<scenario name>`).
    public let directory: String
    /// Also write the simulated panel as CSV (default false).
    public let writePanel: Bool
    /// Write gnuplot `.dat`/`.gp` files and render them (default true).
    public let gnuplot: Bool
    /// Rendered image format, `"png"` or `"svg"` (default `"png"`).
    public let format: PlotFormat

    /// The formats `format` accepts, as written.
    public static let formats = PlotFormat.allCases.map(\.rawValue)

    public init(directory: String, writePanel: Bool = false, gnuplot: Bool = true, format: PlotFormat = .png) {
        self.directory = directory
        self.writePanel = writePanel
        self.gnuplot = gnuplot
        self.format = format
    }
}
