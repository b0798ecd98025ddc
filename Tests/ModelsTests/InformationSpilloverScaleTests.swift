import Foundation
import Models
import PanelData
import Testing
import TestSupport

/// Reproducibility across threads, and (on request) the paper-scale panel.
@Suite("InformationSpillover scale")
struct InformationSpilloverScaleTests {
    @Test("replications simulated concurrently equal the serial ones")
    func concurrentEqualsSerial() async throws {
        let model = InformationSpilloverModel(parameters: try InformationSpilloverParameters.defaults(["firms": .integer(120)]))
        let serial = try (0..<4).map { try model.simulate(seed: 7, replication: $0).rows }
        let concurrent = try await withThrowingTaskGroup(of: (Int, Dataset).self) { group in
            for replication in (0..<4).reversed() {
                group.addTask { (replication, try model.simulate(seed: 7, replication: replication).rows) }
            }
            var panels = [Dataset?](repeating: nil, count: 4)
            for try await (replication, rows) in group { panels[replication] = rows }
            return panels
        }
        for replication in 0..<4 { #expect(concurrent[replication] == serial[replication]) }
    }

    /// Tagged `paperScale`: `bash scripts/test.sh --tags paperScale -c release --filter InformationSpilloverScaleTests`
    /// (about 3 s in release, much longer in debug).
    @Test("the paper-scale parameter set gives about 6.2 million rows", .tags(.paperScale), .optIn)
    func paperScale() throws {
        let parameters = try InformationSpilloverParameters.defaults(InformationSpillover.paperScale)
        let panel = try InformationSpilloverModel(parameters: parameters).simulate(seed: 20261121, replication: 0)
        #expect(panel.summary.rowCount > 4_500_000 && panel.summary.rowCount < 9_000_000)
        #expect(panel.summary.meanPlantsPerFirm > 4.5 && panel.summary.meanPlantsPerFirm < 5.5)
        #expect(panel.summary.meanLargestPlantShare > 0.6 && panel.summary.meanLargestPlantShare < 0.8)
    }
}
