/// What to estimate: the model family, the fixed effects and how they are removed.
public struct SpatialOptions: Sendable, Equatable {
    public var model: SpatialModelKind
    public var effects: SpatialEffects
    public var approach: SpatialFixedEffectsApproach
    /// Relative tolerance of Brent's search for ρ and λ.
    public var tolerance: Double

    public init(
        model: SpatialModelKind, effects: SpatialEffects = .none, approach: SpatialFixedEffectsApproach = .direct,
        tolerance: Double = 1e-12
    ) {
        self.model = model
        self.effects = effects
        self.approach = approach
        self.tolerance = tolerance
    }
}
