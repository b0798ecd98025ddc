/// How ln|I − ρW| is computed; ``SpatialJacobians/make(weights:method:seed:)`` builds it.
public enum SpatialJacobianMethod: Sendable, Equatable {
    /// By n: ``SpatialJacobians/denseLimit`` and ``SpatialJacobians/sparseLimit`` decide.
    case automatic
    /// Exact, from the eigenvalues of a dense W (``DenseEigenJacobian``; n ≤ 6,000).
    case eigenvalues
    /// Exact, from a sparse LU factorisation per ρ (``SparseLUJacobian``).
    case sparseLU
    /// Approximate, Chebyshev interpolation of order q with traces from m draws (``ChebyshevJacobian``).
    case chebyshev(order: Int, draws: Int)
    /// Approximate, Barry–Pace Monte Carlo series of order q from m draws (``MonteCarloJacobian``).
    case monteCarlo(order: Int, draws: Int)

    /// Chebyshev with its default order and draws.
    public static var chebyshev: SpatialJacobianMethod {
        .chebyshev(order: ChebyshevJacobian.defaultOrder, draws: ChebyshevJacobian.defaultDraws)
    }
    /// Monte Carlo with its default order and draws.
    public static var monteCarlo: SpatialJacobianMethod {
        .monteCarlo(order: MonteCarloJacobian.defaultOrder, draws: MonteCarloJacobian.defaultDraws)
    }
}

/// Chooses and builds a ``SpatialJacobian``.
public enum SpatialJacobians {
    /// ``SpatialJacobianMethod/automatic`` uses the dense eigenvalues up to this n: the exact
    /// interval (1/λ_min, 1/λ_max) from all eigenvalues (wider than the sparse methods' (−1, 1) for
    /// a kNN W) at about a second (GSL's non-symmetric QR on a 10-NN W: 0.9 s at n = 500, 9.7 s at
    /// n = 1,000 on a loaded 2-core machine; bench/spatial-large `eigen` step) …
    public static let denseLimit = 500
    /// … the exact sparse LU above it and up to this n, where an ML search of ~30 evaluations stays
    /// within a minute (10-NN W, loaded 2-core machine: n = 50,000 takes 7.4 s set-up and 0.8 s per ρ
    /// in 190 MB; n = 200,000 took 73 s and 7–19 s per ρ in 670 MB; bench/spatial-large) …
    public static let sparseLimit = 60_000
    /// … and Chebyshev with its defaults above it.

    /// The method `.automatic` resolves to for n units.
    public static func automaticMethod(unitCount: Int) -> SpatialJacobianMethod {
        if unitCount <= denseLimit { return .eigenvalues }
        if unitCount <= sparseLimit { return .sparseLU }
        return .chebyshev
    }

    /// Builds the log-determinant of W by `method`; `seed` feeds every random vector the method
    /// draws (Lanczos start, Hutchinson traces, Monte Carlo and Chebyshev probes).
    public static func make(
        weights: SpatialWeights, method: SpatialJacobianMethod = .automatic, seed: UInt64 = 0
    ) throws -> any SpatialJacobian {
        switch method {
        case .automatic:
            return try make(weights: weights, method: automaticMethod(unitCount: weights.unitCount), seed: seed)
        case .eigenvalues:
            return try DenseEigenJacobian(weights: weights)
        case .sparseLU:
            return try SparseLUJacobian(weights: weights, seed: seed)
        case .chebyshev(let order, let draws):
            return try ChebyshevJacobian(weights: weights, order: order, draws: draws, seed: seed)
        case .monteCarlo(let order, let draws):
            return try MonteCarloJacobian(weights: weights, order: order, draws: draws, seed: seed)
        }
    }
}
