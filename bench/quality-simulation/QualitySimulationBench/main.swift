// Times one quality-ladder simulation (bench/quality-simulation/README.md).
// Usage: QualitySimulationBench [paper|small] [seed]
import Foundation
import Models

let arguments = CommandLine.arguments.dropFirst()
let scale = arguments.first ?? "small"
let seed = arguments.dropFirst().first.flatMap(UInt64.init) ?? 20261121
var values = QualityLadder.descriptor.defaults
if scale == "paper" {
    for (key, value) in QualityLadderSimulationSettings.paperScale { values[key] = value }
}
do {
    let model = QualityLadderModel(parameters: try QualityLadderParameters(values))
    let equilibrium = try model.solve()
    let start = Date()
    let panel = try QualitySimulator.run(equilibrium, seed: seed)
    let seconds = Date().timeIntervalSince(start)
    let firmYears = Set(zip(try panel.dataset.ints("firm"), try panel.dataset.ints("year")).map { $0 * 10_000 + $1 }).count
    print("scale=\(scale) rows=\(panel.dataset.rowCount) generated=\(panel.truth.generatedRecords) firm_years=\(firmYears)"
          + " simulate_seconds=\(String(format: "%.2f", seconds))")
    print("c_D=\(panel.truth.costCutoff) eco_effect=\(panel.truth.meanDistanceEffect) eco_log_effect=\(panel.truth.meanLogDistanceEffect)")
    let eco = try panel.dataset.doubles("eco")
    print("mean_eco=\(eco.reduce(0, +) / Double(eco.count)) share_zero_patents=\(Double(eco.filter { $0 == 0 }.count) / Double(eco.count))")
} catch {
    FileHandle.standardError.write(Data("error: \(error)\n".utf8))
    exit(1)
}

enum QualitySimulator {
    static func run(_ equilibrium: QualityLadderEquilibrium, seed: UInt64) throws -> QualityLadderPanel {
        try QualityLadderSimulator.simulate(equilibrium, masterSeed: seed, replication: 0)
    }
}
