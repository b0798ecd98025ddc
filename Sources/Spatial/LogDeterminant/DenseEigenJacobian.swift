import Foundation
import Numerical

/// ln|I − ρW| from the eigenvalues of a dense W, exact up to rounding, for small n.
///
/// The eigenvalues λ_i of W are computed once (symmetric W: `gsl_eigen_symm`; otherwise the
/// non-symmetric QR algorithm, complex eigenvalues in conjugate pairs), after which
/// ln|I − ρW| = Σ_i ln|1 − ρλ_i| costs O(n) per ρ (Ord 1975). The admissible interval is
/// (1/min Re λ, 1/max Re λ), as in spatialreg's `eigen` method. The traces of the information
/// matrix need G = W(I − ρW)⁻¹ itself (tr(GᵀG) is not a function of the eigenvalues unless W is
/// symmetric), which is formed densely: O(n³) once per covariance.
public struct DenseEigenJacobian: SpatialJacobian {
    /// Largest n accepted: a dense W of 6,000² doubles takes 288 MB and its eigenvalues minutes.
    public static let maximumUnits = 6_000

    public let weights: SpatialWeights
    /// Real and imaginary parts of W's eigenvalues.
    public let eigenvalues: [(real: Double, imaginary: Double)]
    public let admissibleInterval: SpatialInterval

    public var methodDescription: String { "exact, eigenvalues of a dense W (n = \(weights.unitCount))" }
    public var approximationError: Double? { nil }

    public init(weights: SpatialWeights) throws {
        guard weights.unitCount <= Self.maximumUnits else {
            throw SpatialError.tooLargeForDense(units: weights.unitCount, maximum: Self.maximumUnits)
        }
        guard weights.unitCount >= 2 else { throw SpatialError.invalidWeights("W needs at least two units") }
        self.weights = weights
        let dense = try Matrix(rows: weights.unitCount, columns: weights.unitCount, elements: weights.denseElements())
        if weights.isSymmetric() {
            eigenvalues = try dense.symmetricEigen().values.map { ($0, 0) }
        } else {
            eigenvalues = try dense.nonsymmetricEigenvalues()
        }
        let realParts = eigenvalues.map(\.real)
        let smallest = realParts.min() ?? -1, largest = realParts.max() ?? 1
        guard smallest < 0, largest > 0 else {
            throw SpatialError.invalidWeights("W has no eigenvalue of each sign (smallest \(smallest), largest \(largest))")
        }
        admissibleInterval = SpatialInterval(lower: 1 / smallest, upper: 1 / largest)
    }

    public func logDeterminant(at rho: Double) throws -> Double {
        var sum = 0.0
        for value in eigenvalues {
            let real = 1 - rho * value.real, imaginary = rho * value.imaginary
            sum += imaginary == 0 ? log(abs(real)) : 0.5 * log(real * real + imaginary * imaginary)
        }
        return sum
    }

    /// −Σ_i λ_i/(1 − ρλ_i), real part.
    /// True: the derivative is a sum over the stored eigenvalues.
    public var hasCheapLogDeterminantDerivative: Bool { true }

    public func logDeterminantDerivative(at rho: Double) throws -> Double {
        var sum = 0.0
        for value in eigenvalues {
            let real = 1 - rho * value.real, imaginary = -rho * value.imaginary
            let norm = real * real + imaginary * imaginary
            sum += (value.real * real + value.imaginary * imaginary) / norm
        }
        return -sum
    }

    public func traces(at rho: Double) throws -> SpatialTraces {
        let inverse = try SpatialDenseAlgebra.resolvent(weights, rho)
        return SpatialDenseAlgebra.traces(inverse)
    }

    public func crossTraces(rho: Double, lambda: Double) throws -> SpatialCrossTraces {
        try SpatialDenseAlgebra.crossTraces(
            SpatialDenseAlgebra.resolvent(weights, rho), SpatialDenseAlgebra.resolvent(weights, lambda))
    }

    public func centredCrossTraces(rho: Double, lambda: Double) throws -> SpatialCrossTraces {
        try SpatialDenseAlgebra.crossTraces(
            SpatialDenseAlgebra.centred(SpatialDenseAlgebra.resolvent(weights, rho)),
            SpatialDenseAlgebra.centred(SpatialDenseAlgebra.resolvent(weights, lambda)))
    }
}
