import Numerical
import PanelData

/// Linear structural equation data: M = a·X + α_firm + u, Y = c′·X + b·M + α_firm + v, with X, u, v standard
/// normal and firm effects when `firms > 0` (then a column `firm`, `year` and a control `z` exist).
enum MediationFixture {
    static func make(n: Int, a: Double, b: Double, direct: Double, firms: Int = 0, seed: UInt64 = 7,
                     replication: Int = 0) throws -> Dataset {
        let stream = RandomStream(masterSeed: seed, replication: replication, purpose: "mediation-fixture")
        let normal = try NormalDistribution(mean: 0, standardDeviation: 1)
        let effects = (0..<max(firms, 1)).map { _ in normal.sample(stream) }
        var x = [Double](), m = [Double](), y = [Double](), z = [Double](), firm = [Int](), year = [Int]()
        for row in 0..<n {
            let f = firms > 0 ? row % firms : 0
            let alpha = firms > 0 ? effects[f] : 0
            let xi = normal.sample(stream) + alpha
            let zi = normal.sample(stream)
            let mi = a * xi + 0.3 * zi + alpha + normal.sample(stream)
            x.append(xi); z.append(zi); m.append(mi)
            y.append(direct * xi + b * mi - 0.2 * zi + alpha + normal.sample(stream))
            firm.append(f); year.append(row / max(firms, 1) % 5)
        }
        return try Dataset(columns: [.double("x", x), .double("m", m), .double("y", y), .double("z", z),
                                     .int("firm", firm), .int("year", year)])
    }
}
