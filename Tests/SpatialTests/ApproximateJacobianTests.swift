import Foundation
import Numerical
import Testing
@testable import Spatial

@Suite("Monte Carlo and Chebyshev log-determinants: errors within their bounds, seeded reproducibility")
struct ApproximateJacobianTests {
    typealias Reference = JacobianTestWeights

    static func weightCases() throws -> [(String, SpatialWeights)] {
        [
            ("knn", try Reference.nearestNeighbours(count: 160, neighbours: 6, seed: 21)),
            ("rook standardised", try Reference.rookLattice(rows: 10, columns: 14, standardized: true)),
        ]
    }

    static let rhos = [-0.9, -0.5, -0.1, 0.2, 0.5, 0.8, 0.9]

    @Test("Monte Carlo: |estimate − exact| ≤ 1.96 SE + truncation bound, and ≤ approximationError for |ρ| ≤ 0.95")
    func monteCarloBounds() throws {
        for (name, weights) in try Self.weightCases() {
            let jacobian = try MonteCarloJacobian(weights: weights, order: 40, draws: 60, seed: 5)
            #expect(jacobian.admissibleInterval.upper == 1)
            let largest = try #require(jacobian.approximationError)
            for rho in Self.rhos {
                let (value, error) = try jacobian.logDeterminantWithError(at: rho)
                let exact = try Reference.logDeterminant(weights, rho: rho)
                #expect(abs(value - exact) <= error, "\(name) ρ = \(rho): \(value) vs \(exact) ± \(error)")
                #expect(error <= largest)
                #expect(try jacobian.logDeterminant(at: rho) == value)
            }
            #expect(throws: LogDeterminantError.self) { try jacobian.logDeterminant(at: 1) }
        }
    }

    @Test("Chebyshev: |estimate − exact| within the reported error, and small at order 40")
    func chebyshevBounds() throws {
        for (name, weights) in try Self.weightCases() {
            let jacobian = try ChebyshevJacobian(weights: weights, order: 40, draws: 60, seed: 5)
            let largest = try #require(jacobian.approximationError)
            for rho in Self.rhos {
                let (value, error) = try jacobian.logDeterminantWithError(at: rho)
                let exact = try Reference.logDeterminant(weights, rho: rho)
                #expect(abs(value - exact) <= error, "\(name) ρ = \(rho): \(value) vs \(exact) ± \(error)")
                #expect(error <= largest)
                // Relative to the log-determinant's own scale (n ln(1 − ρ²)-ish), the error is small.
                #expect(abs(value - exact) < 0.02 * Double(weights.unitCount) * max(rho * rho, 0.01))
            }
        }
    }

    @Test("at low order the Chebyshev interpolation error shows, and stays inside the bound")
    func lowOrder() throws {
        let weights = try Reference.rookLattice(rows: 10, columns: 14, standardized: true)
        let jacobian = try ChebyshevJacobian(weights: weights, order: 4, draws: 40, seed: 8)
        let (value, error) = try jacobian.logDeterminantWithError(at: 0.9)
        let exact = try Reference.logDeterminant(weights, rho: 0.9)
        #expect(abs(value - exact) <= error)
        #expect(abs(value - exact) > 1e-3)
    }

    @Test("fixed seeds reproduce bit for bit; other seeds give other estimates")
    func reproducibility() throws {
        let weights = try Reference.nearestNeighbours(count: 100, neighbours: 5, seed: 4)
        let first = try ChebyshevJacobian(weights: weights, seed: 77)
        let again = try ChebyshevJacobian(weights: weights, seed: 77)
        let other = try ChebyshevJacobian(weights: weights, seed: 78)
        let carlo = try MonteCarloJacobian(weights: weights, seed: 77)
        let carloAgain = try MonteCarloJacobian(weights: weights, seed: 77)
        for rho in [-0.7, 0.3, 0.9] {
            #expect(try first.logDeterminant(at: rho).bitPattern == again.logDeterminant(at: rho).bitPattern)
            #expect(try first.logDeterminant(at: rho) != other.logDeterminant(at: rho))
            #expect(try carlo.logDeterminant(at: rho).bitPattern == carloAgain.logDeterminant(at: rho).bitPattern)
        }
        #expect(first.approximationError == again.approximationError)
    }

    @Test("the factory: automatic by n, and every method agrees with the dense eigenvalues")
    func factory() throws {
        #expect(SpatialJacobians.automaticMethod(unitCount: 500) == .eigenvalues)
        #expect(SpatialJacobians.automaticMethod(unitCount: 3_000) == .sparseLU)
        #expect(SpatialJacobians.automaticMethod(unitCount: 1_000_000) == .chebyshev)
        let weights = try Reference.rookLattice(rows: 9, columns: 11, standardized: true)
        let automatic = try SpatialJacobians.make(weights: weights)
        #expect(automatic is DenseEigenJacobian)
        let exact = try DenseEigenJacobian(weights: weights)
        let methods: [SpatialJacobianMethod] = [.sparseLU, .chebyshev, .monteCarlo(order: 60, draws: 40)]
        for method in methods {
            let jacobian = try SpatialJacobians.make(weights: weights, method: method, seed: 3)
            for rho in [-0.5, 0.4, 0.8] {
                let value = try jacobian.logDeterminant(at: rho)
                let reference = try exact.logDeterminant(at: rho)
                let tolerance = jacobian.approximationError ?? 1e-9
                #expect(abs(value - reference) <= tolerance, "\(method) at ρ = \(rho)")
            }
        }
        #expect(throws: LogDeterminantError.self) {
            try SpatialJacobians.make(weights: weights, method: .chebyshev(order: 2, draws: 10))
        }
    }

    @Test("the analytic derivatives of both approximations match finite differences of their own values")
    func derivatives() throws {
        let weights = try Reference.nearestNeighbours(count: 120, neighbours: 5, seed: 12)
        let jacobians: [any SpatialJacobian] = [
            try ChebyshevJacobian(weights: weights, seed: 2), try MonteCarloJacobian(weights: weights, seed: 2),
        ]
        for jacobian in jacobians {
            for rho in [-0.6, 0.1, 0.7] {
                let step = 1e-5
                let difference = (try jacobian.logDeterminant(at: rho + step) - jacobian.logDeterminant(at: rho - step)) / (2 * step)
                let derivative = try jacobian.logDeterminantDerivative(at: rho)
                #expect(abs(derivative - difference) < 1e-6 * max(1, abs(difference)), "\(jacobian.methodDescription) at ρ = \(rho)")
            }
        }
    }

    @Test("traces of the approximate methods come from the sparse LU (exact at small n)")
    func traces() throws {
        let weights = try Reference.nearestNeighbours(count: 80, neighbours: 5, seed: 6)
        let jacobian = try ChebyshevJacobian(weights: weights, seed: 1)
        let traces = try jacobian.traces(at: 0.6)
        let reference = try Reference.traces(weights, rho: 0.6)
        #expect(Reference.relative(traces.traceOfGram, reference.traceOfGram) < 1e-10)
        #expect(Reference.relative(traces.trace, reference.trace) < 1e-10)
    }
}
