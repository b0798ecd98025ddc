/// Why a term could not be evaluated on a dataset (besides an unknown column, which is
/// `PanelDataError.unknownColumn`).
public enum TermEvaluationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The column is a factor; its values have no numeric meaning in a regressor.
    case factorColumn(name: String, term: String)

    /// The message shown to the user.
    public var description: String {
        switch self {
        case .factorColumn(let name, let term):
            return "column '\(name)' in term '\(term)' is a factor: put it after '|' as a fixed effect "
                + "(factor regressors via i() are not supported yet)"
        }
    }
}
