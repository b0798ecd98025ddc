import Covariance
import Estimation
import Foundation
import PanelData
import Pipelines
import Reporting

/// Input the user must fix: a CSV error with its row and column, a formula error with a caret,
/// an unknown column, a bad `--vcov`. The CLI exits with code 2.
public struct InvalidInput: Error, Sendable, CustomStringConvertible {
    public let description: String
}

/// How `hetfirm estimate` prints its results.
public enum EstimationOutput: String, Sendable, CaseIterable {
    /// fixest's `summary()` for one model, an etable-style plain-text table for several.
    case text
    case markdown
    case latex
    case csv
    case json
}

/// What `hetfirm estimate` prints.
public struct EstimationReport: Sendable {
    public let results: [RegressionResult]
    /// The sample of each result ("Full sample", "region = 3") when the data were split, else empty.
    public let samples: [String]
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
    /// Parses `--vcov` with ``VcovText`` (the reading scenario files use too): `iid`, `hc1` (or `hetero`),
    /// `cluster=a` or `cluster=a,b` (a name may be `a^b`), case-insensitive.
    public static func vcov(_ text: String) throws -> VcovType {
        switch VcovText.parse(text) {
        case .success(let vcov): return vcov.vcovType
        case .failure(let failure): throw InvalidInput(description: "error: --vcov \(failure.message)")
        }
    }

    /// `--vcov` with `--lags` folded into a Newey–West or Driscoll–Kraay setting; those need `--panel`.
    static func vcov(_ text: String?, lags: Int?, panel: PanelDeclaration?) throws -> VcovType? {
        var type = try text.map(vcov)
        if let lags {
            guard (0...VcovText.maximumLags).contains(lags) else {
                throw InvalidInput(description: "error: --lags must be from 0 to \(VcovText.maximumLags), not \(lags)")
            }
            switch type {
            case .neweyWest(nil)?: type = .neweyWest(lags: lags)
            case .driscollKraay(nil)?: type = .driscollKraay(lags: lags)
            case .neweyWest?, .driscollKraay?:
                throw InvalidInput(description: "error: give the lags once: --vcov \(text ?? "") or --lags \(lags), not both")
            default:
                throw InvalidInput(description: "error: --lags sets the bandwidth of --vcov nw or --vcov dk")
            }
        }
        if let type, type.needsPanel, panel == nil {
            throw InvalidInput(description: "error: --vcov \(text ?? "") needs the panel's unit and time columns: give --panel ID,TIME")
        }
        return type
    }

    /// Reads `dataPath` once and estimates every formula on it.
    ///
    /// Each formula may stand for several models (`sw()`, `csw0()`, `c(y1, y2) ~`, see
    /// `FormulaParser.expand`); with `split`, every model is estimated on each sample, the
    /// sample being the outer loop as in fixest. All models come out in one table.
    public static func run(dataPath: String, formulas texts: [String], vcov: String?, fixedEffects: Bool,
                           output: EstimationOutput, degreesOfFreedom: String = "fixest",
                           fixNonPositiveDefinite: Bool = true, split: SampleSplit? = nil,
                           smallSample: String = SmallSampleConvention.finiteSample.rawValue,
                           delimiter: String? = nil, panel panelText: String? = nil, lags: Int? = nil, weights: String? = nil,
                           convergence convergenceOptions: ConvergenceOptions = .init()) throws -> EstimationReport {
        guard !texts.isEmpty else { throw InvalidInput(description: "error: give at least one formula") }
        let panel = try panelText.map(PanelDeclaration.parsingOption)
        let convergence = try convergenceOptions.specification()
        let formulas: [Formula]
        do { formulas = try texts.flatMap(FormulaParser.expand) } catch { throw InvalidInput(description: "\(error)") }
        let options = EstimationOptions(vcov: try Self.vcov(vcov, lags: lags, panel: panel))
        var withFixedEffects = options
        withFixedEffects.panel = panel
        withFixedEffects.weights = weights
        withFixedEffects.recoverFixedEffects = fixedEffects
        withFixedEffects.smallSample.fixNonPositiveDefinite = fixNonPositiveDefinite
        switch degreesOfFreedom {
        case "fixest": withFixedEffects.absorbedParameterRule = .fixest
        case "reghdfe": withFixedEffects.absorbedParameterRule = .connectedComponents
        default: throw InvalidInput(description: "error: --dof must be fixest or reghdfe, not '\(degreesOfFreedom)'")
        }
        guard let convention = SmallSampleConvention(rawValue: smallSample) else {
            let names = SmallSampleConvention.allCases.map(\.rawValue).joined(separator: " or ")
            throw InvalidInput(description: "error: --ssc must be \(names), not '\(smallSample)'")
        }
        withFixedEffects.smallSample.convention = convention
        let clock = ContinuousClock()
        let readingStart = clock.now
        // Integer fixed-effect and cluster columns stay integers: encoding them is cheaper than labels.
        let file = try UserDataFile.read(path: dataPath, delimiter: delimiter)
        let data: Dataset
        do {
            // Lags refer to the whole file, before a split and before rows with missing values are dropped.
            // A declared panel is checked (duplicate keys, times) even when no formula lags: adding the lag columns does it otherwise.
            if let panel, !formulas.contains(where: \.usesPanelOperator) { _ = try PanelStructure(file.data, panel: panel) }
            data = try PanelOperatorColumns.adding(to: file.data, for: formulas, panel: panel)
        } catch let error as TermEvaluationError {
            throw InvalidInput(description: "error: \(error)")
        } catch {
            throw InvalidInput(description: file.message(for: error))
        }
        let readingSeconds = seconds(clock.now - readingStart)
        let estimationStart = clock.now
        var results: [RegressionResult] = []
        /// The full 2SLS results of IV formulas (first stages, diagnostics), aligned with `results`.
        var instrumental: [IVResult?] = []
        var samples: [String] = []
        var sampleRows: [Int]?
        for formula in formulas { try file.checkNumeric(formula) }
        do {
            for sample in try split?.samples(of: data) ?? [SampleSplit.Sample(label: "", rows: nil)] {
                sampleRows = sample.rows
                let subset = SampleSplit.data(sample, of: data)
                for formula in formulas {
                    if formula.instrumentSpecification != nil {
                        let iv = try InstrumentalVariablesEstimator.fit(formula, data: subset, options: withFixedEffects)
                        results.append(iv.secondStage)
                        instrumental.append(iv)
                    } else {
                        results.append(try FixedEffectsOLS.fit(formula, data: subset, options: withFixedEffects))
                        instrumental.append(nil)
                    }
                    if split != nil { samples.append(sample.label) }
                }
            }
        } catch let error as EstimationError {
            throw InvalidInput(description: file.message(for: error, rowMap: sampleRows))
        } catch let error as IVError {
            throw InvalidInput(description: "error: \(error)")
        } catch let error as TermEvaluationError {
            throw InvalidInput(description: "error: \(error)")
        } catch let error as PanelDataError {
            throw InvalidInput(description: file.message(for: error))
        }
        let speeds: [ConvergenceSpeed]?
        do {
            speeds = try convergence.map { specification in try results.map { try specification.evaluate(on: $0) } }
        } catch {
            throw InvalidInput(description: "error: \(error)")
        }
        let estimationSeconds = seconds(clock.now - estimationStart)
        var text: String
        switch output {
        case .json:
            // Non-finite numbers become null with a reason (EstimationJSON): the JSON is always written.
            text = try EstimationJSON.text(results: results, instrumental: instrumental, convergence: speeds)
        case .text where results.count == 1 && split == nil:
            if let iv = instrumental.first ?? nil {
                text = IVSummary.text(iv)
            } else {
                text = RegressionSummary.text(results[0]) + fixedEffectText(results[0])
            }
        case .text:
            text = table(results, samples: samples, instrumental: instrumental).text() + notes(results)
        case .markdown:
            text = table(results, samples: samples, instrumental: instrumental).markdown() + notes(results)
        case .latex:
            text = table(results, samples: samples, instrumental: instrumental).latex()
        case .csv:
            text = table(results, samples: samples, instrumental: instrumental).csv()
        }
        if output != .json, let convergence, let speeds {
            text += ConvergenceText.text(convergence, speeds: speeds, markdown: output == .markdown)
        }
        return EstimationReport(results: results, samples: samples, text: text, warnings: results.flatMap(\.warnings),
                                readingSeconds: readingSeconds, estimationSeconds: estimationSeconds)
    }

    /// The side-by-side table: columns titled by their dependent variable when those differ
    /// (with the column number where a title repeats), else "(1)", "(2)", …; a "Sample" row
    /// when the data were split.
    public static func table(_ results: [RegressionResult], samples: [String], instrumental: [IVResult?] = []) -> RegressionTable {
        let dependents = results.map(\.dependent)
        var titles: [String]? = nil
        if Set(dependents).count > 1 {
            titles = dependents.enumerated().map { index, name in
                dependents.filter { $0 == name }.count > 1 ? "\(name) (\(index + 1))" : name
            }
        }
        return RegressionTable(results, titles: titles, samples: samples.isEmpty ? nil : samples,
                               instrumental: instrumental.isEmpty ? nil : instrumental)
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
    }

    /// Dropped regressors and removed observations, under a side-by-side table.
    private static func notes(_ results: [RegressionResult]) -> String {
        var lines: [String] = []
        for (index, result) in results.enumerated() {
            for dropped in result.droppedRegressors { lines.append("(\(index + 1)) \(dropped.name) was removed: \(dropped.reason).") }
            if result.droppedSingletons > 0 { lines.append("(\(index + 1)) \(result.droppedSingletons) fixed-effect singletons removed.") }
        }
        return lines.isEmpty ? "" : "\n" + lines.joined(separator: "\n") + "\n"
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
