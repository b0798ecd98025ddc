/// Why a term could not be evaluated on a dataset (besides an unknown column, which is
/// `PanelDataError.unknownColumn`).
public enum TermEvaluationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The column is a factor; its values have no numeric meaning in a regressor.
    case factorColumn(name: String, term: String)
    /// The term uses `l()`, `f()` or `d()` but no panel (unit and time columns) was declared.
    case panelRequired(term: String)

    /// The message shown to the user.
    public var description: String {
        switch self {
        case .factorColumn(let name, let term):
            return "column '\(name)' in term '\(term)' is a factor: put it after '|' as a fixed effect "
                + "(factor regressors via i() are not supported yet)"
        case .panelRequired(let term):
            return "'\(term)' shifts a variable in time, which needs the panel's unit and time columns: "
                + "give --panel ID,TIME (in a scenario: panel = [\"id\", \"year\"])"
        }
    }
}
