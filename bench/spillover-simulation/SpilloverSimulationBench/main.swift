// Times one information-spillover replication at the paper's scale: the simulation (world, firm
// network, demand, sources, Kalman learning, entry, sales, imports, products) and the construction of
// the paper-003 regressors, exactly as `hetfirm run` builds the panel it estimates on.
//
// Usage: SpilloverSimulationBench [--seed N] [--emit-parameters FILE] [--emit-world DIRECTORY] [--products] [--checksum]
//   --emit-parameters writes the resolved parameters as a TOML [model] table, for the numpy peer.
//   --emit-world simulates replication 0 of the seed (untimed) and writes its drawn world, firm
//     network, demand path and source aggregates to DIRECTORY (see WorldExport), for the numpy peer,
//     then exits.
//   --products also keeps and builds the plant x product panel (`data = "products"`); without it the
//     products are drawn but not kept, as in `hetfirm run` when no block reads them.
//   --checksum prints checksums of the plant panel with its regressors, of the product panel (empty
//     without --products) and of the truth and summary, to check that a change keeps the output bit
//     for bit.
// Prints one JSON line: rows, simulate_seconds, construct_seconds, total_seconds, a few moments and,
// with --checksum, the checksums.
import Foundation
import Models
import Pipelines

var seed: UInt64 = 20261121
var parameterFile: String?
var worldDirectory: String?
var checksum = false
var products = false
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
    switch argument {
    case "--seed": seed = arguments.popFirst().flatMap { UInt64($0) } ?? seed
    case "--emit-parameters": parameterFile = arguments.popFirst()
    case "--emit-world": worldDirectory = arguments.popFirst()
    case "--checksum": checksum = true
    case "--products": products = true
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
    if let worldDirectory {
        let panel = try model.simulate(seed: seed, replication: 0)
        try WorldExport.write(panel, to: worldDirectory)
        print("{\"rows\": \(panel.rows.rowCount)}")
        exit(0)
    }
    let replication = try SpilloverAssembly(model: model, seed: seed, withProducts: products).replication(0)
    let affiliate = try replication.data.column(named: "dlnaffiliate")
    let present = Double(replication.data.rowCount - affiliate.missingCount) / Double(replication.data.rowCount)
    let lnexp = try replication.data.doubles("lnexp")
    var line = "{\"rows\": \(replication.data.rowCount), \"simulate_seconds\": \(replication.simulationSeconds), "
        + "\"construct_seconds\": \(replication.constructionSeconds), "
        + "\"total_seconds\": \(replication.simulationSeconds + replication.constructionSeconds), "
        + "\"mean_lnexp\": \(lnexp.reduce(0, +) / Double(lnexp.count)), \"share_with_dlnaffiliate\": \(present), "
        + "\"mean_delta\": \(replication.truth.deltaMean)"
    if checksum {
        var rows = PanelChecksum(), productRows = PanelChecksum(), truth = PanelChecksum()
        rows.add(replication.data)
        if let panel = replication.products { productRows.add(panel) }
        let t = replication.truth, s = replication.summary
        truth.add([t.deltaMean, t.slopeOtherMean, t.slopeOtherWeightedMean, t.beta1, t.beta2, t.noiseRatio, Double(t.rowCount),
                   Double(s.rowCount), Double(s.productRowCount), s.meanPlantsPerFirm, s.medianPlantsPerFirm,
                   s.meanLargestPlantShare, s.shareWithSisterSignals])
        line += ", \"product_rows\": \(replication.products?.rowCount ?? 0), \"rows_checksum\": \"\(rows.hexadecimal)\", "
            + "\"products_checksum\": \"\(productRows.hexadecimal)\", \"truth_checksum\": \"\(truth.hexadecimal)\""
    }
    print(line + "}")
} catch {
    FileHandle.standardError.write(Data("error: \(error)\n".utf8))
    exit(1)
}
