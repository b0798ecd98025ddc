/// What to estimate: the model family, the fixed effects and how they are removed.
public struct SpatialOptions: Sendable, Equatable {
    public var model: SpatialModelKind
    public var effects: SpatialEffects
    public var approach: SpatialFixedEffectsApproach
    /// Relative tolerance of Brent's search for ρ and λ.
    public var tolerance: Double
    /// How ln|I − ρW| is computed (``SpatialJacobians``: by n unless told).
    public var logDeterminant: SpatialJacobianMethod
    /// Seeds the random probes of the approximate log-determinants and stochastic traces.
    public var seed: UInt64

    public init(
        model: SpatialModelKind, effects: SpatialEffects = .none, approach: SpatialFixedEffectsApproach = .direct,
        tolerance: Double = 1e-12, logDeterminant: SpatialJacobianMethod = .automatic, seed: UInt64 = 0
    ) {
        self.logDeterminant = logDeterminant
        self.seed = seed
        self.model = model
        self.effects = effects
        self.approach = approach
        self.tolerance = tolerance
    }
}
