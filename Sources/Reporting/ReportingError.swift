/// Why a report, plot or output file could not be produced.
public enum ReportingError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A file stem is empty or contains characters other than letters, digits, `.`, `_`, `-`.
    case invalidStem(String)
    /// A data series needs at least one column.
    case noColumns(stem: String)
    /// A column name is empty or a name, unit or title contains a line break.
    case invalidText(field: String, value: String)
    /// Columns of one data series have different lengths.
    case columnLengthMismatch(column: String, expected: Int, actual: Int)
    /// A plot asked for a column the series does not have.
    case unknownColumn(String, available: [String])
    /// A plot was asked for without anything to draw.
    case nothingToPlot(String)
    /// A relative output path is empty, absolute or leaves the output directory.
    case invalidRelativePath(String)
    /// A template in `plots/` is missing or one of its placeholders has no value.
    case template(name: String, problem: String)
    /// A file system operation failed.
    case fileSystem(path: String, reason: String)
    /// gnuplot could not be found on PATH.
    case gnuplotNotFound(hint: String)
    /// A folder given to render holds no gnuplot script (`.gp` file).
    case noScripts(directory: String)

    /// A sentence for the user.
    public var description: String {
        switch self {
        case .invalidStem(let stem):
            return "invalid file stem \"\(stem)\": use letters, digits, '.', '_' and '-' only, not starting with '.'"
        case .noColumns(let stem):
            return "data series \"\(stem)\" has no columns"
        case .invalidText(let field, let value):
            return "invalid \(field) \"\(value)\": must be non-empty and on one line"
        case .columnLengthMismatch(let column, let expected, let actual):
            return "column \"\(column)\" has \(actual) values, expected \(expected) like the first column"
        case .unknownColumn(let name, let available):
            return "no column \"\(name)\" (available: \(available.joined(separator: ", ")))"
        case .nothingToPlot(let reason):
            return "nothing to plot: \(reason)"
        case .invalidRelativePath(let path):
            return "invalid output path \"\(path)\": must be relative and stay inside the output directory"
        case .template(let name, let problem):
            return "gnuplot template \(name): \(problem)"
        case .fileSystem(let path, let reason):
            return "\(path): \(reason)"
        case .gnuplotNotFound(let hint):
            return hint
        case .noScripts(let directory):
            return "\(directory) holds no gnuplot script (.gp file), so there is nothing to plot; "
                + "give the output folder of `hetfirm run` with [output] gnuplot = true"
        }
    }
}
