import Models

/// A problem with a scenario file, located at the key that causes it.
///
/// `description` is compiler style, so editors can jump to the spot:
/// ```
/// scenarios/bad.toml:7:1: error: unknown key 'sigmaa' in [model]
///   key: model.sigmaa
///   fix: did you mean 'sigma'?
/// ```
public struct ScenarioError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        case fileNotFound, unreadable, malformedTOML, unknownSection, unknownKey, wrongType, missingKey,
             outOfDomain, unknownModel, emptySweep
    }

    public let kind: Kind
    /// `nil` only when the file itself cannot be found or read.
    public let location: SourceLocation?
    /// The key path, e.g. `model.sigma`, `sweep.k[2]`, `estimate[0].vcov.cluster`; empty for file errors.
    public let keyPath: String
    /// What is wrong, in one line.
    public let message: String
    /// How to fix it, in one line.
    public let fix: String

    public init(kind: Kind, location: SourceLocation?, keyPath: String, message: String, fix: String) {
        self.kind = kind
        self.location = location
        self.keyPath = keyPath
        self.message = message
        self.fix = fix
    }

    public var description: String {
        var lines = [(location.map { "\($0): " } ?? "") + "error: " + message]
        if !keyPath.isEmpty { lines.append("  key: " + keyPath) }
        lines.append("  fix: " + fix)
        return lines.joined(separator: "\n")
    }

    /// A failure found after loading (for example by the equilibrium solver: the parameters
    /// admit no equilibrium), located at the model key it names in the scenario's file.
    /// When the key is not written in the file, the location is the `[model]` header
    /// (or the start of the file) and the message says the default was used.
    public static func model(_ violation: DomainViolation, in scenario: Scenario) -> ScenarioError {
        let path = KeyPath.join("model", violation.key)
        var message = violation.message
        if scenario.explicitLocation(of: path) == nil, scenario.model.parameter(violation.key) != nil {
            message += " (\(violation.key) is not set in the file: its default is used)"
        }
        return ScenarioError(
            kind: .outOfDomain,
            location: scenario.location(of: path) ?? SourceLocation(file: scenario.sourcePath, line: 1, column: 1),
            keyPath: path, message: message, fix: violation.fix)
    }
}
