import Foundation
import Numerical
import Testing
@testable import Spatial

@Suite("SparseLUJacobian: exact ln|I − ρW| and traces against dense references")
struct SparseLUJacobianTests {
    typealias Reference = JacobianTestWeights

    @Test("log-determinant equals the dense LU determinant across the interval (kNN and contiguity W)")
    func logDeterminant() throws {
        let cases: [(String, SpatialWeights)] = [
            ("knn", try Reference.nearestNeighbours(count: 150, neighbours: 6, seed: 11)),
            ("rook standardised", try Reference.rookLattice(rows: 9, columns: 13, standardized: true)),
            ("rook binary", try Reference.rookLattice(rows: 8, columns: 10, standardized: false)),
        ]
        for (name, weights) in cases {
            let jacobian = try SparseLUJacobian(weights: weights, seed: 3)
            let interval = jacobian.admissibleInterval
            for fraction in [0.02, 0.2, 0.45, 0.5, 0.7, 0.9, 0.99] {
                let rho = interval.lower + fraction * (interval.upper - interval.lower)
                let value = try jacobian.logDeterminant(at: rho)
                let reference = try Reference.logDeterminant(weights, rho: rho)
                #expect(Reference.relative(value, reference) < 1e-11, "\(name) at ρ = \(rho): \(value) vs \(reference)")
            }
            #expect(try jacobian.logDeterminant(at: 0) == 0)
        }
    }

    @Test("the interval: Lanczos λ_min of a symmetrisable W matches its eigenvalues; (−1, 1) for kNN")
    func interval() throws {
        let lattice = try Reference.rookLattice(rows: 9, columns: 13, standardized: true)
        let jacobian = try SparseLUJacobian(weights: lattice, seed: 5)
        let count = lattice.unitCount
        let eigenvalues = try Matrix(rows: count, columns: count, elements: lattice.denseElements())
            .nonsymmetricEigenvalues().map(\.real)
        let smallest = try #require(eigenvalues.min())
        #expect(jacobian.admissibleInterval.upper == 1)
        #expect(abs(jacobian.admissibleInterval.lower - 1 / smallest) < 1e-6)
        // The bound never admits a ρ beyond the true interval by more than the residual tolerance.
        #expect(jacobian.admissibleInterval.lower <= 1 / smallest + 1e-6)

        let binary = try Reference.rookLattice(rows: 8, columns: 10, standardized: false)
        let binaryJacobian = try SparseLUJacobian(weights: binary, seed: 5)
        let symmetric = try Matrix(rows: 80, columns: 80, elements: binary.denseElements()).symmetricEigen().values
        #expect(abs(binaryJacobian.admissibleInterval.lower - 1 / symmetric[0]) < 1e-6)
        #expect(abs(binaryJacobian.admissibleInterval.upper - 1 / symmetric[79]) < 1e-6)

        let knn = try Reference.nearestNeighbours(count: 60, neighbours: 4, seed: 2)
        #expect(try SparseLUJacobian(weights: knn).admissibleInterval == SpatialInterval(lower: -1, upper: 1))
        #expect(throws: LogDeterminantError.self) { try SparseLUJacobian(weights: knn).logDeterminant(at: 1) }
        #expect(throws: LogDeterminantError.self) { try SparseLUJacobian(weights: knn).logDeterminant(at: -1.2) }
    }

    @Test("exact traces, ‖Gᵀ1‖² and cross traces equal the dense G's")
    func exactTraces() throws {
        let weights = try Reference.nearestNeighbours(count: 90, neighbours: 5, seed: 7)
        let jacobian = try SparseLUJacobian(weights: weights)
        for rho in [-0.6, 0.3, 0.85] {
            let traces = try jacobian.traces(at: rho)
            let reference = try Reference.traces(weights, rho: rho)
            #expect(Reference.relative(traces.trace, reference.trace) < 1e-10)
            #expect(Reference.relative(traces.traceOfSquare, reference.traceOfSquare) < 1e-10)
            #expect(Reference.relative(traces.traceOfGram, reference.traceOfGram) < 1e-10)
            #expect(Reference.relative(try #require(traces.columnSumNormSquared), try #require(reference.columnSumNormSquared)) < 1e-10)
        }
        let cross = try jacobian.crossTraces(rho: 0.4, lambda: -0.3)
        let reference = try Reference.crossTraces(weights, rho: 0.4, lambda: -0.3)
        #expect(Reference.relative(cross.product, reference.product) < 1e-10)
        #expect(Reference.relative(cross.transposedProduct, reference.transposedProduct) < 1e-10)
    }

    @Test("the differentiated factorisation gives −tr(G) and −tr(G²), and matches finite differences of ln|I − ρW|")
    func logDeterminantDerivatives() throws {
        let cases: [SpatialWeights] = [
            try Reference.nearestNeighbours(count: 77, neighbours: 5, seed: 21),
            try Reference.rookLattice(rows: 7, columns: 9, standardized: false),
        ]
        for weights in cases {
            let jacobian = try SparseLUJacobian(weights: weights)
            let interval = jacobian.admissibleInterval
            for fraction in [0.1, 0.5, 0.93] {
                let rho = interval.lower + fraction * (interval.upper - interval.lower)
                let derivatives = try SparseLUFactorization.logDeterminantDerivatives(structure: jacobian.structure, rho: rho)
                let reference = try Reference.traces(weights, rho: rho)
                #expect(Reference.relative(derivatives.value, try Reference.logDeterminant(weights, rho: rho)) < 1e-11)
                #expect(Reference.relative(-derivatives.first, reference.trace) < 1e-10, "ρ = \(rho)")
                #expect(Reference.relative(-derivatives.second, reference.traceOfSquare) < 1e-10, "ρ = \(rho)")
                // Central differences of the plain factorisation's log-determinant.
                let step = 1e-4 * (interval.upper - interval.lower)
                let high = try jacobian.logDeterminant(at: rho + step), low = try jacobian.logDeterminant(at: rho - step)
                #expect(abs((high - low) / (2 * step) - derivatives.first) < 1e-5 * Swift.max(1, abs(derivatives.first)))
            }
        }
    }

    @Test("eight right-hand sides solved together equal dense solves of I − ρW, plain and transposed, for any n")
    func laneSolves() throws {
        for count in [1, 7, 8, 29] {
            let weights = try Reference.nearestNeighbours(count: Swift.max(count, 6), neighbours: 3, seed: UInt64(count))
            let factors = try SparseLUJacobian(weights: weights).factorization(at: 0.6)
            let units = weights.unitCount
            var system = weights.denseElements().map { -0.6 * $0 }
            for unit in 0..<units { system[unit * units + unit] += 1 }
            let matrix = try Matrix(rows: units, columns: units, elements: system)
            var transposedElements = system
            for row in 0..<units { for column in 0..<units { transposedElements[column * units + row] = system[row * units + column] } }
            let transposedMatrix = try Matrix(rows: units, columns: units, elements: transposedElements)
            var stream = PhiloxStream(masterSeed: 5, replication: count, purpose: "lane-solve-test")
            var vectors: [[Double]] = []
            for _ in 0..<SparseLUFactorization.laneCount {
                var vector = [Double](repeating: 0, count: units)
                for unit in 0..<units { vector[unit] = stream.nextUniform() - 0.5 }
                vectors.append(vector)
            }
            for transposed in [false, true] {
                let block = UnsafeMutablePointer<SpatialLanes>.allocate(capacity: units)
                defer { block.deallocate() }
                for position in 0..<units {
                    block[position] = SpatialLanes((0..<SparseLUFactorization.laneCount).map { vectors[$0][factors.structure.order[position]] })
                }
                if transposed { factors.solveTransposedLanes(block) } else { factors.solveLanes(block) }
                for (lane, vector) in vectors.enumerated() {
                    let dense = try (transposed ? transposedMatrix : matrix).solve(vector)
                    let single = factors.solved(vector, transposed: transposed)
                    for unit in 0..<units {
                        let together = block[factors.structure.positionOf[unit]][lane]
                        #expect(abs(together - dense[unit]) <= 1e-12 * Swift.max(1, abs(dense[unit])))
                        if lane == 0 { #expect(single[unit] == together) }   // lanes are independent: bit for bit
                        #expect(abs(single[unit] - dense[unit]) <= 1e-12 * Swift.max(1, abs(dense[unit])))
                    }
                }
            }
        }
    }

    @Test("centred cross traces (Lee–Yu SAC with period effects) equal the dense method's")
    func centredCrossTraces() throws {
        let weights = try Reference.nearestNeighbours(count: 70, neighbours: 4, seed: 13)
        let sparse = try SparseLUJacobian(weights: weights).centredCrossTraces(rho: 0.45, lambda: -0.25)
        let dense = try DenseEigenJacobian(weights: weights).centredCrossTraces(rho: 0.45, lambda: -0.25)
        #expect(Reference.relative(sparse.product, dense.product) < 1e-10)
        #expect(Reference.relative(sparse.transposedProduct, dense.transposedProduct) < 1e-10)
    }

    @Test("Hutchinson traces lie within four standard errors of the exact ones and repeat bit for bit")
    func stochasticTraces() throws {
        let weights = try Reference.nearestNeighbours(count: 120, neighbours: 6, seed: 9)
        let jacobian = try SparseLUJacobian(weights: weights, seed: 42, exactTraceLimit: 0, traceDraws: 400)
        let rho = 0.5
        let estimate = try jacobian.stochasticTraces(at: rho)
        let exact = try Reference.traces(weights, rho: rho)
        #expect(abs(estimate.traces.trace - exact.trace) <= 4 * estimate.standardErrors.trace)
        #expect(abs(estimate.traces.traceOfSquare - exact.traceOfSquare) <= 4 * estimate.standardErrors.traceOfSquare)
        #expect(abs(estimate.traces.traceOfGram - exact.traceOfGram) <= 4 * estimate.standardErrors.traceOfGram)
        #expect(estimate.standardErrors.traceOfGram > 0)
        // traces(at:) is the stochastic estimate above the exact limit, and is reproducible.
        #expect(try jacobian.traces(at: rho) == estimate.traces)
        #expect(try SparseLUJacobian(weights: weights, seed: 42, exactTraceLimit: 0, traceDraws: 400).traces(at: rho) == estimate.traces)
        #expect(try SparseLUJacobian(weights: weights, seed: 43, exactTraceLimit: 0, traceDraws: 400).traces(at: rho) != estimate.traces)
    }

    @Test("settings out of range and an empty W are refused")
    func invalid() throws {
        let weights = try Reference.nearestNeighbours(count: 20, neighbours: 3, seed: 1)
        #expect(throws: LogDeterminantError.self) { try SparseLUJacobian(weights: weights, traceDraws: 1) }
        #expect(throws: LogDeterminantError.self) {
            try SparseLUJacobian(weights: try SpatialWeights(unitIdentifiers: [], triplets: []))
        }
    }
}
