import Testing
@testable import Numerical

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// GSL calls made from many threads at once must not interfere: each call owns its
/// workspace and passes its closure through `params`, so results match a serial run bit for bit.
@Suite("Concurrency")
struct ConcurrencyTests {
    /// One task's work, depending on its index so that tasks differ.
    static func work(_ index: Int) throws -> [Double] {
        let shift = Double(index) / 8
        let root = try RootFinder.brent(bracket: 0...2) { cos($0) - $0 + shift / 4 }
        let integral = try Quadrature.integrate(from: 0, to: 1) { pow($0, -0.5 + shift / 4) * exp(-shift * $0) }
        let tail = try Quadrature.integrateToInfinity(from: shift) { exp(-$0 * $0) }
        let minimum = try Minimizer.nelderMead(start: [shift, -shift]) { point in
            (point[0] - shift) * (point[0] - shift) + 3 * (point[1] + 1) * (point[1] + 1)
        }
        let stream = RandomStream(masterSeed: 5, replication: index, purpose: "concurrency")
        let normal = try NormalDistribution(mean: shift, standardDeviation: 1)
        let draws = normal.samples(1000, from: stream)
        let solution = try Matrix(rows: 2, columns: 2, elements: [2 + shift, 1, 1, 3]).solveCholesky([1, shift])
        return [root, integral.value, tail.value, minimum.point[0], minimum.point[1], draws.reduce(0, +)] + solution
    }

    @Test("8 concurrent tasks reproduce the serial results")
    func concurrentMatchesSerial() async throws {
        let serial = try (0..<8).map { try Self.work($0) }
        for _ in 0..<5 {
            let concurrent = try await withThrowingTaskGroup(of: (Int, [Double]).self) { group in
                for index in 0..<8 {
                    group.addTask { (index, try Self.work(index)) }
                }
                var results = [[Double]](repeating: [], count: 8)
                for try await (index, values) in group { results[index] = values }
                return results
            }
            #expect(concurrent == serial)
        }
    }
}
