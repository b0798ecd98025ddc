/// Image format of a rendered plot.
public enum PlotFormat: String, Sendable, Codable, CaseIterable {
    /// Bitmap via gnuplot's `pngcairo` terminal, 1200×800 pixels.
    case png
    /// Vector graphics via gnuplot's `svg` terminal.
    case svg

    /// The gnuplot `set terminal` line for this format.
    var terminalCommand: String {
        switch self {
        case .png:
            return #"set terminal pngcairo enhanced color size 1200,800 font "DejaVu Sans,14" background rgb "white""#
        case .svg:
            return #"set terminal svg enhanced size 1200,800 font "DejaVu Sans,14" background rgb "white""#
        }
    }

    /// File extension of the image.
    var fileExtension: String { rawValue }
}
