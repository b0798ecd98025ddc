/// ln|I − ρW| exactly from a sparse LU factorisation, without a dense n × n matrix: the method
/// for n in the thousands to tens of thousands (LeSage & Pace 2009, §4.1; Pace & Barry 1997).
///
/// Construction computes a minimum-degree elimination order of the pattern of W + Wᵀ and the
/// structure of the factors once (``SparseEliminationStructure``); each ``logDeterminant(at:)``
/// then factorises I − ρW = L·U numerically in that order (no pivoting) and returns
/// Σ_p ln|u_pp|. The factorisation is stable for |ρ|·max_i Σ_j w_ij < 1 (diagonal dominance;
/// (−1, 1) for a row-standardised W) and on the whole admissible interval when W is
/// symmetrisable; elsewhere every pivot is checked (``LogDeterminantError/unstablePivot(rho:position:pivot:)``).
///
/// ``traces(at:)`` is exact for n ≤ `exactTraceLimit` (n sparse solves, eight at a time, and a differentiated factorisation for tr(G²), O(n) memory; see
/// ``SpatialTraceComputation``) and a Hutchinson estimate from `traceDraws` seeded Rademacher
/// vectors above it (``stochasticTraces(at:)`` also gives its standard errors); ‖Gᵀ1‖² is always
/// exact (one solve), and so are the SAC cross traces under the same limit.
public struct SparseLUJacobian: SpatialJacobian {
    /// Largest n for which ``traces(at:)`` is exact by default.
    public static let defaultExactTraceLimit = 5_000
    /// Rademacher vectors of the stochastic traces by default.
    public static let defaultTraceDraws = 200

    public let admissibleInterval: SpatialInterval
    public let methodDescription: String
    public var approximationError: Double? { nil }

    let weights: SpatialWeights
    let transposedWeights: SpatialWeights
    let structure: SparseEliminationStructure
    let seed: UInt64
    let exactTraceLimit: Int
    let traceDraws: Int

    /// Number of stored off-diagonal entries of U (and of L) in the elimination order (the fill
    /// shows as this minus the number of stored entries of W + Wᵀ above the diagonal).
    public var factorNonzeroCount: Int { structure.factorNonzeroCount }

    /// - Parameters:
    ///   - weights: W (any non-negative W; row-standardised is the usual case).
    ///   - seed: master seed of the Lanczos start vector (admissible interval) and of the
    ///     Hutchinson vectors of the stochastic traces.
    ///   - exactTraceLimit: traces are exact for n up to this.
    ///   - traceDraws: Rademacher vectors of the stochastic traces (≥ 2).
    public init(
        weights: SpatialWeights, seed: UInt64 = 0, exactTraceLimit: Int = SparseLUJacobian.defaultExactTraceLimit,
        traceDraws: Int = SparseLUJacobian.defaultTraceDraws
    ) throws {
        guard weights.unitCount > 0 else { throw LogDeterminantError.unsupportedWeights("W has no units") }
        guard traceDraws >= 2 else { throw LogDeterminantError.invalidSetting("traceDraws = \(traceDraws); at least 2") }
        guard exactTraceLimit >= 0 else { throw LogDeterminantError.invalidSetting("exactTraceLimit = \(exactTraceLimit)") }
        let bounds = try SpatialSpectrumBounds(weights: weights, seed: seed)
        self.weights = weights
        self.transposedWeights = weights.transposed
        self.structure = SparseEliminationStructure(weights: weights)
        self.seed = seed
        self.exactTraceLimit = exactTraceLimit
        self.traceDraws = traceDraws
        self.admissibleInterval = bounds.interval
        let traceText = weights.unitCount <= exactTraceLimit
            ? "exact traces by n sparse solves and a differentiated factorisation"
            : "traces by Hutchinson's estimator (\(traceDraws) Rademacher vectors)"
        self.methodDescription = "exact, sparse LU of I − ρW (minimum-degree order, \(structure.factorNonzeroCount) "
            + "off-diagonal entries in U); \(bounds.description); \(traceText)"
    }

    public func logDeterminant(at rho: Double) throws -> Double {
        try factorization(at: rho).logAbsoluteDeterminant
    }

    public func traces(at rho: Double) throws -> SpatialTraces {
        if weights.unitCount <= exactTraceLimit {
            return try SpatialTraceComputation.exact(factors: try factorization(at: rho), transposedWeights: transposedWeights)
        }
        return try stochasticTraces(at: rho).traces
    }

    /// d/dρ ln|I − ρW| = −tr(G) exactly, from one differentiated factorisation
    /// (``SparseLUFactorization/logDeterminantDerivatives(structure:rho:)``) instead of the
    /// protocol's five-point stencil of four log-determinants.
    public func logDeterminantDerivative(at rho: Double) throws -> Double {
        try checkAdmissible(rho)
        return try SparseLUFactorization.logDeterminantDerivatives(structure: structure, rho: rho).first
    }

    /// Hutchinson estimates of the traces and their standard errors (whatever n).
    public func stochasticTraces(at rho: Double) throws -> (traces: SpatialTraces, standardErrors: SpatialTraces) {
        SpatialTraceComputation.stochastic(
            factors: try factorization(at: rho), transposedWeights: transposedWeights, draws: traceDraws, seed: seed)
    }

    /// tr(G_λ·G_ρ) and tr(G_ρᵀ·G_λ): exact for n ≤ the exact-trace limit (3n solves), else
    /// Hutchinson estimates from the same seeded Rademacher vectors as the traces.
    public func crossTraces(rho: Double, lambda: Double) throws -> SpatialCrossTraces {
        let rhoFactorization = try factorization(at: rho), lambdaFactorization = try factorization(at: lambda)
        if weights.unitCount <= exactTraceLimit {
            return SpatialTraceComputation.exactCross(rhoFactors: rhoFactorization, lambdaFactors: lambdaFactorization)
        }
        return SpatialTraceComputation.stochasticCross(
            rhoFactors: rhoFactorization, lambdaFactors: lambdaFactorization, draws: traceDraws, seed: seed)
    }

    /// The cross traces of the centred resolvents (Q = I − 11ᵀ/n), from the plain ones and the
    /// vectors g = G·1, h = Gᵀ·1 of each (one solve each, exact):
    /// tr(QG_λQG_ρ) = tr(G_λG_ρ) − (h_λ·g_ρ + h_ρ·g_λ)/n + (1ᵀg_λ)(1ᵀg_ρ)/n² and
    /// tr(QG_ρᵀQG_λ) = tr(G_ρᵀG_λ) − (g_λ·g_ρ + h_λ·h_ρ)/n + (1ᵀg_λ)(1ᵀg_ρ)/n².
    public func centredCrossTraces(rho: Double, lambda: Double) throws -> SpatialCrossTraces {
        let plain = try crossTraces(rho: rho, lambda: lambda)
        let count = weights.unitCount
        func sums(_ parameter: Double) throws -> (columns: [Double], rows: [Double]) {
            let factors = try factorization(at: parameter)
            let solved = factors.solved([Double](repeating: 1, count: count))
            let transposedSolved = factors.solved(transposedWeights.lag([Double](repeating: 1, count: count)), transposed: true)
            return (weights.lag(solved), transposedSolved)  // G·1, Gᵀ·1
        }
        let rhoSums = try sums(rho), lambdaSums = try sums(lambda)
        func dot(_ first: [Double], _ second: [Double]) -> Double { zip(first, second).reduce(0.0) { $0 + $1.0 * $1.1 } }
        let n = Double(count)
        let grand = rhoSums.columns.reduce(0, +) * lambdaSums.columns.reduce(0, +) / (n * n)
        return SpatialCrossTraces(
            product: plain.product - (dot(lambdaSums.rows, rhoSums.columns) + dot(rhoSums.rows, lambdaSums.columns)) / n + grand,
            transposedProduct: plain.transposedProduct
                - (dot(lambdaSums.columns, rhoSums.columns) + dot(lambdaSums.rows, rhoSums.rows)) / n + grand)
    }

    func factorization(at rho: Double) throws -> SparseLUFactorization {
        try checkAdmissible(rho)
        return try SparseLUFactorization(structure: structure, rho: rho)
    }

    private func checkAdmissible(_ rho: Double) throws {
        guard admissibleInterval.contains(rho) || rho == 0 else {
            throw LogDeterminantError.outsideInterval(
                rho: rho, lower: admissibleInterval.lower, upper: admissibleInterval.upper, method: "the sparse LU log-determinant")
        }
    }
}
