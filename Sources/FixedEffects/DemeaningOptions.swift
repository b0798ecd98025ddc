/// Settings of the iterative demeaning (within transformation) and of the FE-coefficient solver.
///
/// The solver iterates on the fixed-effect coefficients α = (α₁, …, α_{Q−1}) (the last factor's
/// coefficients are implied by the others). One iteration is one Gauss–Seidel sweep
/// α ↦ F(α) that recomputes α_Q, α_{Q−1}, …, α₁ in turn as weighted group means of
/// y − Σ_{g≠q} α_g. It stops, as fixest's `continue_crit`, when every coordinate satisfies
///
///     |F(α)_j − α_j| ≤ tolerance   or   |F(α)_j − α_j| / (0.1 + |α_j|) ≤ tolerance,
///
/// i.e. the largest change of a coefficient between two sweeps is below `tolerance` in absolute
/// terms for coefficients below ~1 and in relative terms for larger ones.
public struct DemeaningOptions: Sendable, Equatable, Codable {
    /// Convergence tolerance of the coefficient criterion above.
    public var tolerance: Double = 1e-8
    /// Largest number of iterations (sweeps counted as in ``DemeaningReport/iterations``).
    public var maximumIterations: Int = 10_000
    /// Irons–Tuck (1969) acceleration of the fixed-point map, as in fixest: from X, F(X), F(F(X))
    /// with Δ = F(F(X)) − F(X) and Δ² = Δ − F(X) + X, the next point is F(F(X)) − (⟨Δ, Δ²⟩/‖Δ²‖²) Δ.
    /// When false, plain alternating projections X ← F(X).
    public var acceleration: Bool = true

    /// The defaults: tolerance 1e-8, 10 000 iterations, Irons–Tuck acceleration.
    public init() {}

    /// Options with the given settings.
    public init(tolerance: Double, maximumIterations: Int = 10_000, acceleration: Bool = true) {
        self.tolerance = tolerance
        self.maximumIterations = maximumIterations
        self.acceleration = acceleration
    }
}
