/// The `[output]` section.
public struct OutputSettings: Sendable, Equatable {
    /// Output directory (default `out/<scenario name>`).
    public let directory: String
    /// Also write the simulated panel as CSV (default false).
    public let writePanel: Bool
    /// Write gnuplot `.dat`/`.gp` files and render them (default true).
    public let gnuplot: Bool
    /// Rendered image format, `"png"` or `"svg"` (default `"png"`).
    public let format: String

    public static let formats = ["png", "svg"]

    public init(directory: String, writePanel: Bool = false, gnuplot: Bool = true, format: String = "png") {
        self.directory = directory
        self.writePanel = writePanel
        self.gnuplot = gnuplot
        self.format = format
    }
}
