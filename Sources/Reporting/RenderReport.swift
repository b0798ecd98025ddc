/// What ``GnuplotRenderer/renderAll(in:)`` produced.
public struct RenderReport: Sendable, Equatable {
    /// A script gnuplot could not render.
    public struct Failure: Sendable, Equatable {
        /// File name of the script, e.g. `"recovery-k.gp"`.
        public let script: String
        /// gnuplot's standard error, or a description of what went wrong.
        public let message: String

        /// Creates a failure record.
        public init(script: String, message: String) {
            self.script = script
            self.message = message
        }
    }

    /// Rendered image paths relative to the directory, e.g. `"plots/recovery-k.png"`.
    public let rendered: [String]
    /// Scripts that failed, with their error text.
    public let failures: [Failure]

    /// Creates a report.
    public init(rendered: [String], failures: [Failure]) {
        self.rendered = rendered
        self.failures = failures
    }
}
