import Foundation

/// Helpers shared by the Reporting tests.
enum TestSupport {
    /// A fresh temporary directory.
    static func temporaryDirectory(_ label: String) throws -> String {
        let path = (NSTemporaryDirectory() as NSString)
            .appendingPathComponent("hetfirm-\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// The repository root, found from this file's location (Tests/ReportingTests/…).
    static func repositoryRoot(filePath: String = #filePath) -> String {
        var url = URL(fileURLWithPath: filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }

    /// Deterministic N(mean, sd) draws (LCG + Box–Muller), for sample plots.
    static func normalDraws(count: Int, mean: Double, standardDeviation: Double, seed: UInt64) -> [Double] {
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
