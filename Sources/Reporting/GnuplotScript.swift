/// A gnuplot script built from a template in `plots/`, with `@PLACEHOLDER@` substitution.
///
/// The script is meant to run with the output folder as working directory; it reads `STEM.dat`
/// files there and writes its image to `plots/STEM.png` or `plots/STEM.svg`.
public struct GnuplotScript: Sendable, Equatable {
    /// File stem: the script is written to `stem.gp`.
    public let stem: String
    /// The script text.
    public let contents: String

    /// Wraps an already built script.
    public init(stem: String, contents: String) {
        self.stem = stem
        self.contents = contents
    }
}
