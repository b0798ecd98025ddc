import Foundation
import Numerical
import PanelData

/// Small generated panels for the OLS property tests: unit × year with two regressors, a region
/// cluster, and optional gaps.
enum PanelFixture {
    static func make(units: Int = 60, years: Int = 8, seed: UInt64 = 1, dropShare: Double = 0.1) throws -> Dataset {
        let stream = RandomStream(seed: seed)
        let normal = try NormalDistribution(mean: 0, standardDeviation: 1)
        var unit: [Int] = [], year: [Int] = [], region: [Int] = []
        var x1: [Double] = [], x2: [Double] = [], y: [Double] = []
        let unitEffects = (0..<units).map { _ in normal.sample(stream) }
        let yearEffects = (0..<years).map { _ in normal.sample(stream) }
        for u in 0..<units {
            for t in 0..<years {
                guard stream.nextUniform() >= dropShare else { continue }
                let a = normal.sample(stream) + 0.5 * unitEffects[u]
                let b = normal.sample(stream) + 0.3 * yearEffects[t]
                unit.append(u + 1)
                year.append(2000 + t)
                region.append(u % 7)
                x1.append(a)
                x2.append(b)
                y.append(1.5 * a - 0.7 * b + unitEffects[u] + yearEffects[t] + normal.sample(stream))
            }
        }
        return try Dataset(columns: [
            .int("unit", unit), .int("year", year), .int("region", region),
            .double("x1", x1), .double("x2", x2), .double("y", y),
        ])
    }

    /// The dataset with its rows in another order.
    static func permuted(_ data: Dataset, seed: UInt64) -> Dataset {
        let stream = RandomStream(seed: seed)
        var order = Array(0..<data.rowCount)
        for index in stride(from: order.count - 1, to: 0, by: -1) {
            order.swapAt(index, stream.nextInt(below: index + 1))
        }
        return data.selectingRows(order)
    }
}
