import Estimation
import Foundation
import PanelData

/// `hetfirm fmols DATA.csv "y ~ x1 + x2" --panel ID,TIME`: panel FMOLS (Pedroni's group mean or the
/// pooled within estimator) on a user's CSV, every bad input a message located in the file or formula.
public enum DataFMOLS {
    public struct Request: Sendable {
        public var dataPath: String
        public var formula: String
        /// `--panel ID,TIME` as typed.
        public var panel: String
        public var method = FMOLSMethod.groupMean.rawValue
        public var kernel = LongRunKernel.bartlett.rawValue
        /// `--bandwidth N|auto`.
        public var bandwidth = "auto"
        public var json = false
        /// Print the per-unit table (always in the JSON).
        public var units = false
        public var delimiter: String?

        public init(dataPath: String, formula: String, panel: String) {
            self.dataPath = dataPath
            self.formula = formula
            self.panel = panel
        }
    }

    /// The options from `--method`, `--kernel` and `--bandwidth`.
    public static func options(method: String, kernel: String, bandwidth: String) throws -> FMOLSOptions {
        guard let chosenMethod = FMOLSMethod(rawValue: method.lowercased()) else {
            throw InvalidInput(description: "error: --method must be \(FMOLSMethod.names.joined(separator: " or ")), not '\(method)'")
        }
        guard let chosenKernel = LongRunKernel(rawValue: kernel.lowercased().replacingOccurrences(of: "_", with: "-")) else {
            throw InvalidInput(description: "error: --kernel must be \(LongRunKernel.names.dropLast().joined(separator: ", ") + " or " + LongRunKernel.names.last!), not '\(kernel)'")
        }
        return FMOLSOptions(kernel: chosenKernel, bandwidth: try Self.bandwidth(bandwidth), method: chosenMethod)
    }

    /// `auto` or a non-negative number.
    public static func bandwidth(_ text: String) throws -> LongRunBandwidth {
        if text.lowercased() == "auto" { return .automatic }
        guard let value = Double(text), value.isFinite, value >= 0 else {
            throw InvalidInput(description: "error: --bandwidth must be auto or a non-negative number, not '\(text)'")
        }
        return .fixed(value)
    }

    /// The report (text or JSON).
    public static func run(_ request: Request) throws -> String { try runTimed(request).text }

    /// The report, and the wall seconds spent reading the file and estimating (`--timing`).
    public static func runTimed(_ request: Request) throws -> (text: String, readingSeconds: Double, estimationSeconds: Double) {
        let declaration = try PanelDeclaration.parsingOption(request.panel)
        let options = try options(method: request.method, kernel: request.kernel, bandwidth: request.bandwidth)
        let formula: Formula
        do {
            formula = try FormulaParser.parse(request.formula)
            try FMOLSFormula.check(formula)
        } catch let error as FormulaError {
            throw InvalidInput(description: error.description)
        }
        let clock = ContinuousClock()
        let readingStart = clock.now
        let file = try UserDataFile.read(path: request.dataPath, delimiter: request.delimiter)
        let readingSeconds = seconds(clock.now - readingStart)
        try file.checkNumeric(formula)
        do {
            let estimationStart = clock.now
            let panel = try PanelStructure(file.data, panel: declaration)
            let result = try PanelFMOLS.estimate(file.data, dependent: formula.dependent, regressors: formula.regressors,
                                                 panel: panel, options: options)
            let estimationSeconds = seconds(clock.now - estimationStart)
            let text = request.json ? try FMOLSReport.json(result, formula: formula)
                : FMOLSReport.text(result, formula: formula, units: request.units)
            return (text, readingSeconds, estimationSeconds)
        } catch let error as FMOLSError {
            guard let row = error.row else { throw InvalidInput(description: "error: \(error)") }
            var column: String?
            if case .gap = error { column = declaration.time }
            if case .missingValue(let variable, _, _, _) = error { column = variable }
            throw InvalidInput(description: "\(file.location(ofDataRow: row, column: column)): error: \(error)")
        } catch let error as PanelDataError {
            throw InvalidInput(description: file.message(for: error))
        } catch let error as EstimationError {
            throw InvalidInput(description: file.message(for: error))
        } catch let error as TermEvaluationError {
            throw InvalidInput(description: "error: \(error)")
        }
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
    }
}
