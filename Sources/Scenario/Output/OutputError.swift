/// Why hetfirm will not write, or cannot write, an output folder where it was asked to (CLI exit
/// code 2: bad input). hetfirm never deletes or replaces what it did not create.
public struct OutputError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The output path as given.
    public let path: String
    /// Where the path came from: `--out`, `[output] dir` with its file location, or `merge OUT`.
    public let origin: String
    /// What is wrong, in one line.
    public let message: String
    /// How to fix it, in one line.
    public let fix: String

    public init(path: String, origin: String, message: String, fix: String) {
        self.path = path
        self.origin = origin
        self.message = message
        self.fix = fix
    }

    public var description: String {
        "error: output folder '\(path)' (\(origin)): \(message)\n  fix: \(fix)"
    }
}
