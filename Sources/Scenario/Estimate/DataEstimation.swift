import Covariance
import Estimation
import Foundation
import PanelData
import Reporting

/// Input the user must fix: a CSV error with its row and column, a formula error with a caret,
/// an unknown column, a bad `--vcov`. The CLI exits with code 2.
public struct InvalidInput: Error, Sendable, CustomStringConvertible {
    public let description: String
}

/// What `hetfirm estimate` prints.
public struct EstimationReport: Sendable {
    public let result: RegressionResult
    /// fixest-style summary (or JSON, when asked).
    public let text: String
    /// Things the user must see (exit code 3), e.g. non-convergence.
    public let warnings: [String]
    /// Wall seconds spent reading the CSV file and estimating.
    public let readingSeconds: Double
    public let estimationSeconds: Double
}

/// `hetfirm estimate DATA.csv "FORMULA"`: the estimator core on a user's own panel.
public enum DataEstimation {
    /// Parses `--vcov`: `iid`, `hc1` (or `hetero`), `cluster=a` or `cluster=a,b` (a name may be `a^b`).
    public static func vcov(_ text: String) throws -> VcovType {
        let lowered = text.trimmingCharacters(in: .whitespaces).lowercased()
        switch lowered {
        case "iid": return .iid
        case "hc1", "hetero", "heteroskedastic": return .heteroskedastic
        default:
            guard lowered.hasPrefix("cluster=") else {
                throw InvalidInput(description: "error: --vcov '\(text)' is not iid, hc1 or cluster=VAR[,VAR]")
            }
            let names = text.trimmingCharacters(in: .whitespaces).dropFirst("cluster=".count)
                .split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            guard !names.isEmpty else { throw InvalidInput(description: "error: --vcov cluster= names no variable") }
            return .cluster(names)
        }
    }

    public static func run(dataPath: String, formula text: String, vcov: String?, fixedEffects: Bool, json: Bool) throws -> EstimationReport {
        let formula: Formula
        do { formula = try FormulaParser.parse(text) } catch { throw InvalidInput(description: "\(error)") }
        let options = EstimationOptions(vcov: try vcov.map(Self.vcov))
        var withFixedEffects = options
        withFixedEffects.recoverFixedEffects = fixedEffects
        let clock = ContinuousClock()
        let readingStart = clock.now
        let data: Dataset
        do {
            // Integer fixed-effect and cluster columns stay integers: encoding them is cheaper than labels.
            data = try CSVReader.read(path: dataPath)
        } catch let error as PanelDataError {
            throw InvalidInput(description: "error: \(error)")
        }
        let readingSeconds = seconds(clock.now - readingStart)
        let estimationStart = clock.now
        let result: RegressionResult
        do {
            result = try FixedEffectsOLS.fit(formula, data: data, options: withFixedEffects)
        } catch EstimationError.notNumeric(let variable, let row, let value) {
            // Data row r is line r + 2 of the file (after the header).
            let column = (data.columnNames.firstIndex(of: variable) ?? 0) + 1
            throw InvalidInput(description: "\(dataPath):\(row + 2):\(column): error: column '\(variable)' is not numeric: '\(value)' "
                + "(NaN, inf and text are not numbers; leave the cell empty or write NA for a missing value)")
        } catch let error as EstimationError {
            throw InvalidInput(description: "error: \(error)")
        } catch let error as PanelDataError {
            throw InvalidInput(description: "error: \(error)")
        }
        let estimationSeconds = seconds(clock.now - estimationStart)
        let output: String
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            output = String(decoding: try encoder.encode(result), as: UTF8.self) + "\n"
        } else {
            output = RegressionSummary.text(result) + fixedEffectText(result)
        }
        return EstimationReport(result: result, text: output, warnings: result.warnings,
                                readingSeconds: readingSeconds, estimationSeconds: estimationSeconds)
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
    }

    private static func fixedEffectText(_ result: RegressionResult) -> String {
        var lines: [String] = []
        for effect in result.fixedEffects {
            guard let values = effect.coefficients, let labels = effect.labels else { continue }
            lines.append("\nFixed effects \(effect.name) (\(values.count) levels):")
            for (label, value) in zip(labels, values).prefix(50) { lines.append("  \(label)\t\(NumberFormat.general(value, digits: 8))") }
            if values.count > 50 { lines.append("  … (\(values.count - 50) more; use --json for all)") }
        }
        return lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n"
    }
}
