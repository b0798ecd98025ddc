import Foundation
import Models
import MonteCarlo
@testable import Pipelines
import Testing

/// A two-key sweep's plots: bias and coverage against the first key, one line per value of the second,
/// read from the right grid points (the first key slowest).
@Suite("sweep recovery over two keys")
struct SweepRecoveryTwoAxisTests {
    @Test("bias_j in row i is the report of point i × (second count) + j")
    func linesFollowTheSecondKey() throws {
        let first = SweepAxis(parameter: "a", values: [1, 2, 3]), second = SweepAxis(parameter: "b", values: [10, 20])
        var points: [ParameterValues] = []
        for a in first.values { for b in second.values { points.append(ParameterValues(["a": .real(a), "b": .real(b)])) } }
        let grid = SweepGrid(axes: [first, second], points: points)
        // Point p's estimates are 100 + p with truth 100, so its bias is exactly p.
        let reports = points.indices.map { point in
            RecoveryReport.summarize((0..<4).map { replication in
                ReplicationRecord(replication: replication, estimates: [
                    ParameterEstimate(parameter: "x", truth: 100, estimate: 100 + Double(point) + (replication % 2 == 0 ? 0.5 : -0.5),
                                      standardError: 1)])
            })
        }
        let recovery = try SweepRecovery(grid: grid, reports: reports, level: 0.95, format: .png)
        let series = try #require(recovery.series.first { $0.stem == "sweep-x" })
        #expect(series.columns.map(\.name) == ["a", "bias_1", "bias_2", "coverage_1", "coverage_2", "level"])
        let bias1 = try #require(series.columns.first { $0.name == "bias_1" }).values
        let bias2 = try #require(series.columns.first { $0.name == "bias_2" }).values
        for row in 0..<3 {
            #expect(abs(bias1[row] - Double(row * 2)) < 1e-12 && abs(bias2[row] - Double(row * 2 + 1)) < 1e-12)
        }
        #expect(Set(recovery.scripts.map(\.stem)) == ["sweep-x-bias", "sweep-x-coverage"])
        let biasScript = try #require(recovery.scripts.first { $0.stem == "sweep-x-bias" }).contents
        #expect(biasScript.contains("b = 10") && biasScript.contains("b = 20"))
    }
}
