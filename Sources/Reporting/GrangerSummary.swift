import Estimation
import Foundation

/// What `hetfirm granger` prints: a table of W̄, Z̄ and Z̃ with the panel's dimensions, or (with
/// `--json`) a document with every unit's statistic.
public enum GrangerSummary {
    /// The plain-text summary.
    public static func text(_ result: DumitrescuHurlinResult) -> String {
        func value(_ x: Double) -> String { NumberFormat.general(x, digits: 6) }
        func pValue(_ p: Double) -> String { p < 1e-16 ? "<1e-16" : NumberFormat.general(p, digits: 4) }
        var lines = [
            "Dumitrescu–Hurlin panel Granger non-causality test",
            "H0: \(result.cause) does not Granger-cause \(result.effect) in any unit; H1: it does in at least one unit",
            "",
        ]
        var rows = [["W-bar", value(result.averageWald), ""],
                    ["Z-bar", value(result.zBar), pValue(result.zBarPValue)]]
        if let zTilde = result.zTilde, let p = result.zTildePValue {
            rows.append(["Z-tilde", value(zTilde), pValue(p)])
        } else {
            rows.append(["Z-tilde", "—", "—"])
        }
        lines.append(MarkdownTable(header: ["Statistic", "Value", "p-value"], rows: rows,
                                   alignments: [.left, .right, .right]).render().trimmingCharacters(in: .newlines))
        lines.append("")
        let periods = result.periodRange, observations = result.observationRange
        func range(_ r: ClosedRange<Int>) -> String { r.lowerBound == r.upperBound ? "\(r.lowerBound)" : "\(r.lowerBound)–\(r.upperBound)" }
        lines.append("Panel: \(result.unitColumn) × \(result.timeColumn); N = \(result.unitCount) unit\(result.unitCount == 1 ? "" : "s"), "
            + "T = \(range(periods)) period\(periods.upperBound == 1 ? "" : "s") per unit (\(result.isBalanced ? "balanced" : "unbalanced"))")
        var lagLine = "Lags: K = \(result.lags)"
        if let selection = result.lagSelection {
            lagLine += ", chosen by \(selection.criterion.rawValue.uppercased()) among 1–\(selection.maximumLags) (mean over "
                + "\(selection.unitCount) units: " + selection.meanCriterion.enumerated().map { "K=\($0.offset + 1) \(value($0.element))" }
                .joined(separator: ", ") + ")"
        }
        lines.append(lagLine)
        lines.append("Regression rows per unit: \(range(observations)) (\(result.totalObservations) in all)")
        let gapped = result.units.filter { $0.gaps > 0 }
        if !gapped.isEmpty {
            lines.append("Units with missing periods: \(gapped.count) (lags follow the time index and never reach across a gap)")
        }
        lines.append("Units dropped: \(result.droppedUnits.count)" + (result.droppedUnits.isEmpty ? "" : " (" + dropped(result) + ")"))
        if result.rowsWithoutPanelKey > 0 {
            lines.append("Rows without a unit or time: \(result.rowsWithoutPanelKey) (left out)")
        }
        if let reason = result.zTildeUnavailable { lines.append("Z-tilde not computed: \(reason).") }
        lines.append("W_i: Wald χ²(K) of the K lags of \(result.cause) in each unit's OLS regression; p-values of Z-bar and "
            + "Z-tilde: two-sided standard normal (as plm::pgrangertest). Per-unit statistics: --json.")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The dropped units in words (the first ten).
    static func dropped(_ result: DumitrescuHurlinResult) -> String {
        let needed = 2 * result.lags + 2
        let shown = result.droppedUnits.prefix(10).map { unit in
            switch unit.reason {
            case .tooFewObservations:
                return "'\(unit.unit)': \(unit.observations) usable row\(unit.observations == 1 ? "" : "s"), at least \(needed) needed"
            case .collinearRegressors, .perfectFit:
                return "'\(unit.unit)': \(unit.reason.rawValue)"
            }
        }
        return shown.joined(separator: "; ") + (result.droppedUnits.count > 10 ? "; …" : "")
    }

    /// The warnings the user must see: units left out of the test.
    public static func warnings(_ result: DumitrescuHurlinResult) -> [String] {
        guard !result.droppedUnits.isEmpty else { return [] }
        return ["\(result.droppedUnits.count) of \(result.droppedUnits.count + result.unitCount) units were left out of the "
            + "Granger test: " + dropped(result)]
    }

    /// The JSON document (sorted keys, pretty-printed, final newline). Schema in docs/estimators/granger.md.
    public static func json(_ result: DumitrescuHurlinResult) throws -> String {
        func statistic(_ value: Double?, _ p: Double?) -> JSONValue {
            guard let value, let p else { return .null }
            return .object(["statistic": .finite(value), "pValue": .finite(p)])
        }
        var selection = JSONValue.null
        if let report = result.lagSelection {
            selection = .object([
                "criterion": .string(report.criterion.rawValue), "maximumLags": .integer(report.maximumLags),
                "meanCriterion": .array(report.meanCriterion.map(JSONValue.finite)), "units": .integer(report.unitCount),
                "observations": .integer(report.observations)])
        }
        let document: JSONValue = .object([
            "test": .string("Dumitrescu-Hurlin panel Granger non-causality"),
            "effect": .string(result.effect),
            "cause": .string(result.cause),
            "panel": .object(["unit": .string(result.unitColumn), "time": .string(result.timeColumn)]),
            "lags": .integer(result.lags),
            "lagSelection": selection,
            "units": .integer(result.unitCount),
            "unitsDropped": .integer(result.droppedUnits.count),
            "balanced": .bool(result.isBalanced),
            "periods": .object(["min": .integer(result.periodRange.lowerBound), "max": .integer(result.periodRange.upperBound)]),
            "observations": .object(["min": .integer(result.observationRange.lowerBound),
                                     "max": .integer(result.observationRange.upperBound),
                                     "total": .integer(result.totalObservations)]),
            "wBar": .finite(result.averageWald),
            "zBar": statistic(result.zBar, result.zBarPValue),
            "zTilde": statistic(result.zTilde, result.zTildePValue),
            "zTildeUnavailable": result.zTildeUnavailable.map(JSONValue.string) ?? .null,
            "pValues": .string("two-sided standard normal for zBar and zTilde (as plm::pgrangertest); chi-square(K) upper tail per unit"),
            "rowsWithoutPanelKey": .integer(result.rowsWithoutPanelKey),
            "unitResults": .array(result.units.map { unit in
                .object(["unit": .string(unit.unit), "periods": .integer(unit.periods), "gaps": .integer(unit.gaps),
                         "observations": .integer(unit.observations), "wald": .finite(unit.wald), "pValue": .finite(unit.pValue)])
            }),
            "droppedUnits": .array(result.droppedUnits.map { unit in
                .object(["unit": .string(unit.unit), "periods": .integer(unit.periods), "observations": .integer(unit.observations),
                         "reason": .string(unit.reason.rawValue)])
            }),
        ])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(document), as: UTF8.self) + "\n"
    }
}
