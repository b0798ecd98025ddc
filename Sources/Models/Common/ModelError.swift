/// Why a model could not be set up or solved. Each case names the scenario keys
/// a user would change, so the scenario layer can point at them.
public enum ModelError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A parameter the model needs is absent or has the wrong kind (a scenario-layer bug).
    case missingParameter(String)
    /// The parameters admit no equilibrium; `keys` are the parameters to revisit.
    case noEquilibrium(reason: String, keys: [String])
    /// A numerical routine failed while solving.
    case numerical(String)
    /// A simulated quantity left the range a double can hold (overflow to ∞, underflow to 0, or ∞ − ∞)
    /// because some parameters are extreme; `keys` are the scenario keys that set it.
    case simulationOutOfRange(reason: String, keys: [String])
    /// An array the parameters ask for cannot be allocated (larger than the machine's memory);
    /// `keys` are the parameters that size it.
    case tooLarge(reason: String, keys: [String])

    public var description: String {
        switch self {
        case .missingParameter(let key): return "parameter '\(key)' is missing or has the wrong type"
        case .noEquilibrium(let reason, let keys): return "no equilibrium: \(reason) (check \(keys.joined(separator: ", ")))"
        case .numerical(let message): return "numerical failure: \(message)"
        case .simulationOutOfRange(let reason, let keys):
            return "\(reason); use less extreme values of \(keys.joined(separator: ", "))"
        case .tooLarge(let reason, let keys): return "too large: \(reason) (check \(keys.joined(separator: ", ")))"
        }
    }
}
