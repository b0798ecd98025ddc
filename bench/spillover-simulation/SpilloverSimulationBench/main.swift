// Times one information-spillover replication at the paper's scale: the simulation (world, firm
// network, demand, sources, Kalman learning, entry, sales, imports, products) and the construction of
// the paper-003 regressors, exactly as `hetfirm run` builds the panel it estimates on.
//
// Usage: SpilloverSimulationBench [--seed N] [--emit-parameters FILE]
//   --emit-parameters writes the resolved parameters as a TOML [model] table, for the numpy peer.
// Prints one JSON line: rows, simulate_seconds, construct_seconds, total_seconds and a few moments.
import Foundation
import Models
import Pipelines

var seed: UInt64 = 20261121
var parameterFile: String?
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
    switch argument {
    case "--seed": seed = arguments.popFirst().flatMap { UInt64($0) } ?? seed
    case "--emit-parameters": parameterFile = arguments.popFirst()
    default:
        FileHandle.standardError.write(Data("unknown argument \(argument)\n".utf8))
        exit(2)
    }
}

do {
    var values = InformationSpillover.descriptor.defaults
    for (key, value) in InformationSpillover.paperScale { values[key] = value }
    if let parameterFile {
        let lines = InformationSpillover.descriptor.parameters.compactMap { spec -> String? in
            switch values[spec.key] {
            case .real(let value)?: return "\(spec.key) = \(value)"
            case .integer(let value)?: return "\(spec.key) = \(value)"
            case .choice(let value)?: return "\(spec.key) = \"\(value)\""
            default: return nil
            }
        }
        try ("[model]\n" + lines.joined(separator: "\n") + "\n").write(toFile: parameterFile, atomically: true, encoding: .utf8)
    }
    let model = InformationSpilloverModel(parameters: try InformationSpilloverParameters(values))
    let replication = try SpilloverAssembly(model: model, seed: seed).replication(0)
    let affiliate = try replication.data.column(named: "dlnaffiliate")
    let present = Double(replication.data.rowCount - affiliate.missingCount) / Double(replication.data.rowCount)
    let lnexp = try replication.data.doubles("lnexp")
    print("{\"rows\": \(replication.data.rowCount), \"simulate_seconds\": \(replication.simulationSeconds), "
          + "\"construct_seconds\": \(replication.constructionSeconds), "
          + "\"total_seconds\": \(replication.simulationSeconds + replication.constructionSeconds), "
          + "\"mean_lnexp\": \(lnexp.reduce(0, +) / Double(lnexp.count)), \"share_with_dlnaffiliate\": \(present), "
          + "\"mean_delta\": \(replication.truth.deltaMean)}")
} catch {
    FileHandle.standardError.write(Data("error: \(error)\n".utf8))
    exit(1)
}
