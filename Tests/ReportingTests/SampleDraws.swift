import Foundation

/// Sample data for the plot tests.
enum SampleDraws {
    /// Deterministic N(mean, sd) draws (LCG + Box–Muller), for sample plots.
    static func normal(count: Int, mean: Double, standardDeviation: Double, seed: UInt64) -> [Double] {
        var state = seed
        func uniform() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return (Double(state >> 11) + 0.5) / Double(1 << 53)
        }
        return (0..<count).map { _ in
            let radius = (-2 * log(uniform())).squareRoot()
            return mean + standardDeviation * radius * cos(2 * Double.pi * uniform())
        }
    }
}
