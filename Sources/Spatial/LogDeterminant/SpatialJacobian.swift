/// The Jacobian term of a spatial likelihood, ln|I − ρW|, and the traces its information matrix
/// needs, for one weight matrix W.
///
/// A spatial autoregression y = ρWy + … has the Jacobian |I − ρW| (the change of variables from
/// ε to y), so its log-likelihood carries ln|I − ρW| once per period. Implementations differ in
/// how they compute it: exactly from the eigenvalues of a dense W (small n), exactly from a
/// sparse factorisation, or approximately from traces of powers of W (large n); the approximate
/// ones report their error.
public protocol SpatialJacobian: Sendable {
    /// The admissible ρ: the open interval (1/λ_min, 1/λ_max) of the real eigenvalues of W, on
    /// which I − ρW is non-singular and the model is stationary (for a row-standardised W,
    /// λ_max = 1).
    var admissibleInterval: SpatialInterval { get }
    /// ln|I − ρW| (the real logarithm of the absolute determinant).
    func logDeterminant(at rho: Double) throws -> Double
    /// tr(G), tr(G·G) and tr(Gᵀ·G) for G = W(I − ρW)⁻¹, the traces of the information matrix
    /// (Anselin 1988, ch. 6; Elhorst 2014, eq. 3.8); d ln|I − ρW| / dρ = −tr(G).
    func traces(at rho: Double) throws -> SpatialTraces
    /// d ln|I − ρW| / dρ = −tr(W(I − ρW)⁻¹). The default differentiates ``logDeterminant(at:)``
    /// with the five-point stencil (step 10⁻⁴ of the interval, truncation error O(h⁴)), four
    /// log-determinants instead of a trace of the resolvent; implementations with a cheaper exact
    /// route (eigenvalues) override it.
    func logDeterminantDerivative(at rho: Double) throws -> Double
    /// Whether ``logDeterminantDerivative(at:)`` costs next to nothing (O(n) from stored
    /// eigenvalues), so that the maximum likelihood refines its optimum on the analytic score
    /// whatever n; otherwise it does so only for small n (``SpatialMaximumLikelihood/polishUnitLimit``).
    /// The default is false.
    var hasCheapLogDeterminantDerivative: Bool { get }
    /// tr(G_λ·G_ρ) and tr(G_ρᵀ·G_λ) for G_ρ = W(I − ρW)⁻¹ and G_λ = W(I − λW)⁻¹: the ρ–λ entry of
    /// the SAC information matrix. Implementations that cannot form them throw
    /// ``SpatialError/unavailable(_:)`` (the default).
    func crossTraces(rho: Double, lambda: Double) throws -> SpatialCrossTraces
    /// The cross traces of the centred resolvents, tr(QG_λQG_ρ) and tr(QG_ρᵀQG_λ) with
    /// Q = I − 11ᵀ/n: those of the Lee–Yu transformed W* = FᵀWF (FFᵀ = Q), which SAC with
    /// period effects needs. The default throws ``SpatialError/unavailable(_:)``.
    func centredCrossTraces(rho: Double, lambda: Double) throws -> SpatialCrossTraces
    /// How the log-determinant is computed (for reports), e.g. "exact, eigenvalues of a dense W".
    var methodDescription: String { get }
    /// An estimate of the largest absolute error of ``logDeterminant(at:)`` over the admissible
    /// interval, or nil when the computation is exact up to rounding.
    var approximationError: Double? { get }
}

/// An open interval (lower, upper) of admissible spatial parameters.
public struct SpatialInterval: Sendable, Equatable {
    public let lower: Double
    public let upper: Double
    public init(lower: Double, upper: Double) {
        self.lower = lower
        self.upper = upper
    }
    /// True when `value` lies strictly inside.
    public func contains(_ value: Double) -> Bool { value > lower && value < upper }
}

extension SpatialJacobian {
    public var hasCheapLogDeterminantDerivative: Bool { false }

    public func logDeterminantDerivative(at rho: Double) throws -> Double {
        let interval = admissibleInterval
        let step = 1e-4 * Swift.min(1, interval.upper - interval.lower)
        guard interval.contains(rho - 2 * step), interval.contains(rho + 2 * step) else {
            return -(try traces(at: rho).trace)
        }
        let values = try [-2.0, -1, 1, 2].map { try logDeterminant(at: rho + $0 * step) }
        return (values[0] - 8 * values[1] + 8 * values[2] - values[3]) / (12 * step)
    }

    public func centredCrossTraces(rho: Double, lambda: Double) throws -> SpatialCrossTraces {
        throw SpatialError.unavailable("\(methodDescription) does not provide the centred ρ–λ traces of the Lee–Yu SAC covariance")
    }

    public func crossTraces(rho: Double, lambda: Double) throws -> SpatialCrossTraces {
        throw SpatialError.unavailable("\(methodDescription) does not provide the ρ–λ traces of the SAC covariance")
    }
}

/// tr(G), tr(G²) and tr(GᵀG) for G = W(I − ρW)⁻¹, and ‖Gᵀ1‖² (the squared column sums, which
/// the Lee–Yu transformation with time effects needs; nil when not computed).
public struct SpatialTraces: Sendable, Equatable {
    public let trace: Double
    public let traceOfSquare: Double
    public let traceOfGram: Double
    public let columnSumNormSquared: Double?
    public init(trace: Double, traceOfSquare: Double, traceOfGram: Double, columnSumNormSquared: Double? = nil) {
        self.trace = trace
        self.traceOfSquare = traceOfSquare
        self.traceOfGram = traceOfGram
        self.columnSumNormSquared = columnSumNormSquared
    }
}

/// tr(G_λ·G_ρ) and tr(G_ρᵀ·G_λ), the cross traces of the SAC information matrix.
public struct SpatialCrossTraces: Sendable, Equatable {
    public let product: Double
    public let transposedProduct: Double
    public init(product: Double, transposedProduct: Double) {
        self.product = product
        self.transposedProduct = transposedProduct
    }
}
