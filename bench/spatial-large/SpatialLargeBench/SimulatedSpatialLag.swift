// Data for the bench's whole-SAR step: y = (I − ρW)⁻¹(1 + 2x + ε) with x, ε ~ N(0, 1) by
// Box–Muller from the Philox stream (seed, 0, "bench-sar"), the inverse applied by the Neumann
// series y ← b + ρW·y until the change is below 10⁻¹³ (|ρ| < 1, W row-standardised).
import Foundation
import Numerical
import Spatial

enum SimulatedSpatialLag {
    static func sample(weights: SpatialWeights, rho: Double, seed: UInt64) throws -> SpatialSample {
        let count = weights.unitCount
        var stream = PhiloxStream(masterSeed: seed, replication: 0, purpose: "bench-sar")
        func normal() -> Double {
            let u = stream.nextUniform(), v = stream.nextUniform()
            return (-2 * log(u)).squareRoot() * cos(2 * Double.pi * v)
        }
        let x = (0..<count).map { _ in normal() }
        let base = x.map { 1 + 2 * $0 + normal() }
        var y = base
        for _ in 0..<1_000 {
            let lagged = weights.lag(y)
            var change = 0.0
            for index in 0..<count {
                let next = base[index] + rho * lagged[index]
                change = max(change, abs(next - y[index]))
                y[index] = next
            }
            if change < 1e-13 { break }
        }
        return try SpatialSample(
            responseName: "y", response: y, regressorNames: ["(Intercept)", "x"],
            regressors: [[Double](repeating: 1, count: count), x], weights: weights, periodCount: 1)
    }
}
