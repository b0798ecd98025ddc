import Estimation
import Foundation

/// What `hetfirm fmols` prints: a readable summary (with the per-unit table on request) or JSON.
enum FMOLSReport {
    /// Two-sided p-value of a t statistic against N(0, 1) (FMOLS t statistics are asymptotically normal).
    static func pValue(_ t: Double) -> Double { erfc(abs(t) / 2.0.squareRoot()) }

    static func text(_ result: PanelFMOLSResult, formula: Formula, units showUnits: Bool) -> String {
        let options = result.options
        let title = options.method == .groupMean
            ? "Panel FMOLS, group-mean (Pedroni 2001, between dimension)"
            : "Panel FMOLS, pooled (within dimension, unit-specific long-run covariances)"
        let periods = result.periodRange
        var lines = [title, "Formula: \(formula.dependent) ~ \(result.regressorNames.joined(separator: " + ")) (an intercept per unit)"]
        lines.append("Units: \(result.units.count) estimated, \(result.droppedUnits.count) dropped" + droppedNote(result)
            + String(format: "   Periods per unit: %d–%d (mean %.1f)   Observations: %d",
                     periods.minimum, periods.maximum, periods.mean, result.observations))
        let bandwidths = result.units.map(\.bandwidth)
        let bandwidthText: String
        if case .fixed = options.bandwidth {
            bandwidthText = format(bandwidths.first ?? 0)
        } else {
            bandwidthText = "auto (Newey–West 1994 per unit: \(format(bandwidths.min() ?? 0))–\(format(bandwidths.max() ?? 0)))"
        }
        lines.append("Kernel: \(options.kernel.rawValue)   Bandwidth: \(bandwidthText)")
        lines.append("")
        let width = max(12, result.regressorNames.map(\.count).max() ?? 0) + 2
        lines.append(pad("", width) + [right("Estimate", 12), right("Std. Error", 12), right("t value", 9), right("Pr(>|t|)", 10)].joined(separator: " "))
        let estimate = result.reported
        for (index, name) in result.regressorNames.enumerated() {
            let t = estimate.tStatistics[index]
            lines.append(pad(name, width) + String(format: "%12.6f %12.6f %9.3f ", estimate.coefficients[index],
                                                   estimate.standardErrors[index], t) + right(pText(pValue(t)), 10))
        }
        lines.append("")
        lines.append(options.method == .groupMean
            ? "Estimate: mean of the unit FMOLS slopes; t = N^-1/2 Σ t_i (Pedroni); Std. Error = √(Σ se_i²)/N."
            : "Std. Error: sandwich A⁻¹(Σ ω₁.₂,i X̃_i'X̃_i)A⁻¹, A = Σ X̃_i'X̃_i; t against N(0, 1).")
        if showUnits { lines += [""] + unitTable(result) }
        return lines.joined(separator: "\n") + "\n"
    }

    static func droppedNote(_ result: PanelFMOLSResult) -> String {
        guard !result.droppedUnits.isEmpty else { return "" }
        let short = result.droppedUnits.filter { $0.reason == .tooFewPeriods }.count
        let degenerate = result.droppedUnits.count - short
        var parts = [String]()
        if short > 0 { parts.append("\(short) with fewer than \(FMOLSOptions.minimumPeriods(regressors: result.regressorNames.count)) periods") }
        if degenerate > 0 { parts.append("\(degenerate) singular") }
        return " (" + parts.joined(separator: ", ") + ")"
    }

    static func unitTable(_ result: PanelFMOLSResult) -> [String] {
        let labelWidth = max(6, result.units.map(\.unit.count).max() ?? 0) + 2
        var header = pad("unit", labelWidth) + [right("T", 5), right("first", 6), right("B", 5)].joined(separator: " ")
        for name in result.regressorNames + ["(Intercept)"] { header += " " + right(name, 12) + " " + right("se", 10) }
        var lines = ["Per-unit FMOLS:", header]
        for unit in result.units {
            var line = pad(unit.unit, labelWidth) + String(format: "%5d %6d ", unit.periods, unit.firstTime) + right(format(unit.bandwidth), 5)
            for index in unit.coefficients.indices {
                line += String(format: " %12.6f %10.6f", unit.coefficients[index], unit.standardErrors[index])
            }
            lines.append(line)
        }
        for dropped in result.droppedUnits {
            let why: String
            switch dropped.reason {
            case .tooFewPeriods: why = "dropped: too few periods"
            case .degenerate(let reason): why = "dropped: \(reason)"
            }
            lines.append(pad(dropped.unit, labelWidth) + String(format: "%5d", dropped.periods) + "  " + why)
        }
        return lines
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }

    static func right(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
    }

    /// A p-value as R prints it: `< 2e-16` below that.
    static func pText(_ p: Double) -> String { p < 2e-16 ? "< 2e-16" : String(format: "%.3g", p) }

    static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    // MARK: JSON

    struct Coefficient: Encodable {
        let estimate: Double, standardError: Double, t: Double, pValue: Double
    }
    struct Estimate: Encodable {
        let coefficients: [String: Coefficient]
    }
    struct UnitJSON: Encodable {
        let unit: String, periods: Int, firstTime: Int, bandwidth: Double, omega12: Double
        let coefficients: [String: Coefficient]
    }
    struct DroppedJSON: Encodable {
        let unit: String, periods: Int, reason: String
    }
    struct Document: Encodable {
        let estimator = "panel FMOLS"
        let method: String, formula: String, panelUnits: Int, observations: Int
        let kernel: String, bandwidth: String, minimumPeriods: Int
        let coefficients: [String: Coefficient]
        let groupMean: Estimate, pooled: Estimate
        let units: [UnitJSON], droppedUnits: [DroppedJSON]
    }

    static func estimate(_ names: [String], _ value: FMOLSPanelEstimate) -> [String: Coefficient] {
        Dictionary(uniqueKeysWithValues: names.indices.map { index in
            (names[index], Coefficient(estimate: value.coefficients[index], standardError: value.standardErrors[index],
                                       t: value.tStatistics[index], pValue: pValue(value.tStatistics[index])))
        })
    }

    static func json(_ result: PanelFMOLSResult, formula: Formula) throws -> String {
        let names = result.regressorNames, unitNames = names + ["(Intercept)"]
        let units = result.units.map { unit in
            UnitJSON(unit: unit.unit, periods: unit.periods, firstTime: unit.firstTime, bandwidth: unit.bandwidth,
                     omega12: unit.conditionalLongRunVariance,
                     coefficients: Dictionary(uniqueKeysWithValues: unitNames.indices.map { index in
                         (unitNames[index], Coefficient(estimate: unit.coefficients[index], standardError: unit.standardErrors[index],
                                                        t: unit.tStatistics[index], pValue: pValue(unit.tStatistics[index])))
                     }))
        }
        let dropped = result.droppedUnits.map { unit -> DroppedJSON in
            switch unit.reason {
            case .tooFewPeriods: return DroppedJSON(unit: unit.unit, periods: unit.periods, reason: "too few periods")
            case .degenerate(let why): return DroppedJSON(unit: unit.unit, periods: unit.periods, reason: why)
            }
        }
        let document = Document(method: result.options.method.rawValue, formula: formula.source,
                                panelUnits: result.units.count + result.droppedUnits.count, observations: result.observations,
                                kernel: result.options.kernel.rawValue, bandwidth: result.options.bandwidth.description,
                                minimumPeriods: FMOLSOptions.minimumPeriods(regressors: names.count),
                                coefficients: estimate(names, result.reported),
                                groupMean: Estimate(coefficients: estimate(names, result.groupMean)),
                                pooled: Estimate(coefficients: estimate(names, result.pooled)),
                                units: units, droppedUnits: dropped)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return String(decoding: try encoder.encode(document), as: UTF8.self) + "\n"
    }
}
