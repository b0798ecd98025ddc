import Foundation
import Reporting

/// What one quality-ladder replication says about the measures and the instruments, beside the
/// recovery estimates: how well KSW quality tracks the true ln λ (notes §3.1), how well the measured
/// distance tracks Δλ, and the first-stage strength of every IV estimation (Kleibergen–Paap).
package struct QualityDiagnostics: Sendable, Codable {
    let replication: Int
    let generatedRecords: Int
    let keptRecords: Int
    /// corr(ksw_quality, ln λ) over the records with a defined KSW quality.
    let kswCorrelation: Double
    /// corr(ksw_quality, ln λ − its product × destination × year mean): KSW quality is identified
    /// only within cells, so this is the fair comparison.
    let kswWithinCellCorrelation: Double
    /// corr(distance, Δλ).
    let distanceCorrelation: Double
    var firstStages: [FirstStage]

    /// The first stage of one IV estimation and endogenous regressor.
    struct FirstStage: Sendable, Codable {
        /// "LABEL: endogenous".
        let name: String
        /// The first stage's F statistic on the excluded instruments (with the block's vcov).
        let firstStageF: Double
        /// Kleibergen–Paap rk Wald F (NaN when not computed).
        let waldF: Double
        /// Kleibergen–Paap rk LM statistic (NaN when not computed).
        let lagrangeMultiplier: Double
    }

    /// One row per replication (and first stage), for `diagnostics.csv`.
    static func csv(_ all: [QualityDiagnostics]) -> String {
        var lines = ["replication,generated_records,kept_records,ksw_corr_log_quality,ksw_corr_log_quality_within_cell,"
            + "distance_corr_true_distance,first_stage,first_stage_f,kp_wald_f,kp_lm"]
        func number(_ value: Double) -> String { value.isFinite ? "\(value)" : "" }
        for entry in all {
            let head = "\(entry.replication),\(entry.generatedRecords),\(entry.keptRecords),\(number(entry.kswCorrelation)),"
                + "\(number(entry.kswWithinCellCorrelation)),\(number(entry.distanceCorrelation))"
            if entry.firstStages.isEmpty { lines.append(head + ",,,,") }
            for stage in entry.firstStages {
                let name = "\"" + stage.name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
                lines.append(head + ",\(name),\(number(stage.firstStageF)),\(number(stage.waldF)),\(number(stage.lagrangeMultiplier))")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Mean, SD, minimum and maximum of the finite values (NaN when there are none).
    static func moments(_ values: [Double]) -> (mean: Double, sd: Double, minimum: Double, maximum: Double) {
        let finite = values.filter(\.isFinite)
        guard !finite.isEmpty else { return (.nan, .nan, .nan, .nan) }
        let n = Double(finite.count), mean = finite.reduce(0, +) / n
        let variance = finite.count > 1 ? finite.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / (n - 1) : .nan
        return (mean, variance.squareRoot(), finite.min() ?? .nan, finite.max() ?? .nan)
    }

    /// The averages over replications as Markdown: the KSW and distance correlations, then the
    /// first-stage strength of every IV estimation.
    static func markdown(_ all: [QualityDiagnostics], demand: String) -> String {
        func cells(_ values: [Double]) -> [String] {
            let m = moments(values)
            return [m.mean, m.sd, m.minimum, m.maximum].map { NumberFormat.general($0, digits: 4) }
        }
        var text = MarkdownTable(header: ["measure (demand layer `\(demand)`)", "mean", "SD", "min", "max"], rows: [
            ["corr(ksw_quality, true ln λ)"] + cells(all.map(\.kswCorrelation)),
            ["corr(ksw_quality, ln λ within product × destination × year)"] + cells(all.map(\.kswWithinCellCorrelation)),
            ["corr(distance, true Δλ)"] + cells(all.map(\.distanceCorrelation)),
            ["records kept by the filters"] + cells(all.map { Double($0.keptRecords) }),
        ]).render()
        let names = all.first?.firstStages.map(\.name) ?? []
        guard !names.isEmpty else { return text }
        text += "\n\n### Instrument strength (first stages, over replications)\n\n"
        var rows: [[String]] = []
        for name in names {
            let stages = all.compactMap { $0.firstStages.first { $0.name == name } }
            rows.append([name, "first-stage F"] + cells(stages.map(\.firstStageF)))
            rows.append([name, "Kleibergen–Paap rk Wald F"] + cells(stages.map(\.waldF)))
            rows.append([name, "Kleibergen–Paap rk LM"] + cells(stages.map(\.lagrangeMultiplier)))
        }
        text += MarkdownTable(header: ["estimation", "statistic", "mean", "SD", "min", "max"], rows: rows).render()
        return text
    }
}
