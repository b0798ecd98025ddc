/// Why a 2SLS estimation cannot be carried out on the formula and data given.
public enum IVError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The formula has no `| endo ~ instruments` part.
    case notInstrumental(formula: String)
    /// Fewer excluded instruments than endogenous regressors (order condition fails).
    case underidentified(endogenous: [String], instruments: [String])
    /// A variable is both endogenous (or an instrument) and an exogenous regressor.
    case conflictingRoles(variable: String, roles: String)
    /// An excluded instrument is (numerically) a linear combination of the fixed effects, the exogenous
    /// regressors or the instruments before it, so it carries no identifying variation.
    case instrumentCollinear(instrument: String, reason: String)
    /// An endogenous regressor is a linear combination of the fixed effects and the exogenous regressors.
    case endogenousCollinear(variable: String, reason: String)

    public var description: String {
        switch self {
        case .notInstrumental(let formula):
            return "2SLS: the formula '\(formula)' has no IV part; write it as 'y ~ exo | fe | endo ~ z1 + z2'"
        case .underidentified(let endogenous, let instruments):
            return "2SLS: the model is underidentified: \(endogenous.count) endogenous regressor(s) ("
                + endogenous.joined(separator: ", ") + ") but only \(instruments.count) excluded instrument(s) ("
                + instruments.joined(separator: ", ") + "); at least as many instruments as endogenous regressors are needed"
        case .conflictingRoles(let variable, let roles):
            return "2SLS: '\(variable)' cannot be \(roles)"
        case .instrumentCollinear(let instrument, let reason):
            return "2SLS: instrument '\(instrument)' is \(reason), so it has no variation left to identify the endogenous regressors"
        case .endogenousCollinear(let variable, let reason):
            return "2SLS: endogenous regressor '\(variable)' is \(reason)"
        }
    }
}
