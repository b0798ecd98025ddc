/// A violation of a model's documented domain, found after every parameter has
/// its own valid type and range (for example k ≤ σ − 1).
public struct DomainViolation: Sendable, Equatable, Error {
    /// The scenario key the message points at (its location is reported).
    public let key: String
    /// What is wrong, in one line.
    public let message: String
    /// How to fix it, in one line.
    public let fix: String

    public init(key: String, message: String, fix: String) {
        self.key = key
        self.message = message
        self.fix = fix
    }
}

/// The parameter values of one scenario, keyed by scenario key, with every default filled in.
public struct ParameterValues: Sendable, Equatable {
    public var values: [String: ParameterValue]

    public init(_ values: [String: ParameterValue] = [:]) { self.values = values }

    public subscript(key: String) -> ParameterValue? {
        get { values[key] }
        set { values[key] = newValue }
    }

    /// The real number stored under `key` (integers widen), or `nil`.
    public func real(_ key: String) -> Double? { values[key]?.realValue }

    public func integer(_ key: String) -> Int? {
        if case .integer(let value)? = values[key] { return value }
        return nil
    }

    public func list(_ key: String) -> [Double]? {
        if case .realList(let value)? = values[key] { return value }
        return nil
    }

    public func choice(_ key: String) -> String? {
        if case .choice(let value)? = values[key] { return value }
        return nil
    }
}

/// A cross-parameter condition of a model's domain.
public struct ParameterConstraint: Sendable {
    /// The condition as written in the documentation, e.g. `k > σ − 1`.
    public let statement: String
    public let check: @Sendable (ParameterValues) -> DomainViolation?
    /// Whether the condition is checked at every sweep point too, or only at the scenario's own
    /// parameters (for conditions on what only the base parameters drive, e.g. the simulated panel).
    public let checkedAtSweepPoints: Bool

    public init(_ statement: String, checkedAtSweepPoints: Bool = true,
                check: @escaping @Sendable (ParameterValues) -> DomainViolation?) {
        self.statement = statement
        self.check = check
        self.checkedAtSweepPoints = checkedAtSweepPoints
    }
}

/// Everything the scenario layer and `hetfirm describe` need to know about a model
/// without knowing its types.
public struct ModelDescriptor: Sendable {
    /// The scenario `model =` key, e.g. `allocation-efficiency`.
    public let key: String
    public let title: String
    /// The paper the model comes from and the notes that document it.
    public let source: String
    public let parameters: [ParameterSpec]
    public let constraints: [ParameterConstraint]
    /// Structural parameters the model's Monte Carlo can recover, with the estimator used.
    public let recoverable: [(key: String, estimator: String)]
    /// Columns of the simulated panel, which `[[estimate]]` formulas may use.
    public let panelColumns: [String]
    /// Truths a `[[estimate]]` coefficient may recover (`recover = { x = "truth.NAME" }`), with their meaning.
    public let truths: [(name: String, meaning: String)]
    /// Outcome columns with a noise-free counterpart in the simulated panel (e.g. `lnexp` → `lnexp_expected`):
    /// a `[[estimate]]` coefficient may then recover `"pseudo-true"`, the same regression run on the noise-free
    /// outcome, i.e. the value the estimator converges to under this model.
    public let noiselessOutcomes: [String: String]
    /// Other simulated panels an `[[estimate]]` may choose with `data = "NAME"`, with their columns
    /// (e.g. information-spillover's plant × product × destination × year panel).
    public let additionalPanels: [String: [String]]
    /// The spatial weight matrices the model supplies, with their meaning: a `[[estimate]] method = "spatial"`
    /// block names one with `weights = "model:NAME"` and is then fitted with the model's own W (e.g. a
    /// geography drawn from the run's seed), which the run writes as `weights/NAME.gwt`.
    public let spatialWeights: [(name: String, meaning: String)]
    /// The memory and work of one replication (simulation, measures and estimation) at the given
    /// parameters (every default filled in); the run refuses a scenario that does not fit in memory.
    public let resources: @Sendable (ParameterValues) -> ResourceEstimate

    public init(key: String, title: String, source: String, parameters: [ParameterSpec],
                constraints: [ParameterConstraint], recoverable: [(key: String, estimator: String)],
                panelColumns: [String] = [], truths: [(name: String, meaning: String)] = [],
                noiselessOutcomes: [String: String] = [:], additionalPanels: [String: [String]] = [:],
                spatialWeights: [(name: String, meaning: String)] = [],
                resources: @escaping @Sendable (ParameterValues) -> ResourceEstimate) {
        self.key = key
        self.title = title
        self.source = source
        self.parameters = parameters
        self.constraints = constraints
        self.recoverable = recoverable
        self.panelColumns = panelColumns
        self.truths = truths
        self.noiselessOutcomes = noiselessOutcomes
        self.additionalPanels = additionalPanels
        self.spatialWeights = spatialWeights
        self.resources = resources
    }

    public func parameter(_ key: String) -> ParameterSpec? { parameters.first { $0.key == key } }

    /// The defaults of every parameter that has one.
    public var defaults: ParameterValues {
        var values = ParameterValues()
        for spec in parameters { if let value = spec.defaultValue { values[spec.key] = value } }
        return values
    }

    /// Every violation of the cross-parameter constraints, in declaration order.
    public func violations(of values: ParameterValues) -> [DomainViolation] {
        constraints.compactMap { $0.check(values) }
    }

    /// The violations at one sweep point: the constraints checked at sweep points only.
    public func violations(atSweepPoint values: ParameterValues) -> [DomainViolation] {
        constraints.compactMap { $0.checkedAtSweepPoints ? $0.check(values) : nil }
    }
}
