import PanelData

/// A model as hetfirm runs it, in QuantEcon's pattern: parameter values → typed ``Parameters``
/// (validated, with ``DomainViolation`` at the offending key) → the model → ``theory()``, an immutable
/// result (equilibrium, comparative statics, the paper's claims). Simulation needs a solved state
/// (an equilibrium, a panel of region-year equilibria), so it hangs off that state; its output is a
/// ``SimulatedReplication``. Models never import an estimator: what a run estimates on a simulated
/// panel is the model's pipeline's (`Sources/Pipelines/<Model>`).
public protocol HeterogeneousFirmModel: Sendable {
    associatedtype Parameters: ModelParameters
    /// The solved theory at the model's parameters.
    associatedtype Theory: Sendable

    /// Parameters with symbols, domains and defaults, what a Monte Carlo can recover, the truths.
    static var descriptor: ModelDescriptor { get }

    var parameters: Parameters { get }

    init(parameters: Parameters)

    /// Solves the model at its parameters.
    /// - Throws: ``ModelError`` (`.noEquilibrium` names the keys to change).
    func theory() throws -> Theory
}

/// A model's typed parameters, built once from a scenario's validated values.
public protocol ModelParameters: Sendable {
    /// - Throws: ``DomainViolation`` at the key to change, for values outside the model's domain.
    init(_ values: ParameterValues) throws
}

/// What a simulation knows and the estimators do not: the values a regression or built-in estimator
/// should recover, by name (`truth.NAME` in a scenario). Recovery is the only place where estimates
/// and truth meet.
public protocol ModelTruth: Sendable {
    /// Every name ``value(named:)`` answers, with its meaning (listed by `hetfirm describe`).
    static var meanings: [(name: String, meaning: String)] { get }
    /// The truth called `name` in this replication (averages over its rows), or `nil` for an unknown name.
    func value(named name: String) -> Double?
}

/// One simulated replication: its named panels and the truth behind them.
public protocol SimulatedReplication: Sendable {
    associatedtype Truth: ModelTruth
    /// The main panel, which estimator blocks read unless they name another (`data = "NAME"`).
    var mainPanel: Dataset { get }
    /// The panel `data = "NAME"` names, or `nil` when this replication has none of that name.
    func panel(named name: String) -> Dataset?
    var truth: Truth { get }
}

extension SimulatedReplication {
    public func panel(named name: String) -> Dataset? { nil }
}
