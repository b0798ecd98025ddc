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

    /// `--panel ID,TIME`: exactly two column names.
    public static func panelColumns(_ text: String) throws -> (unit: String, time: String) {
        let names = text.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard names.count == 2, !names[0].isEmpty, !names[1].isEmpty, names[0] != names[1] else {
            throw InvalidInput(description: "error: --panel takes two different column names, the unit and the time, "
                + "separated by a comma (e.g. --panel firm,year), not '\(text)'")
        }
        return (names[0], names[1])
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
    public static func run(_ request: Request) throws -> String {
        let (unit, time) = try panelColumns(request.panel)
        let options = try options(method: request.method, kernel: request.kernel, bandwidth: request.bandwidth)
        let formula: Formula
        do {
            formula = try FormulaParser.parse(request.formula)
            try FMOLSFormula.check(formula)
        } catch let error as FormulaError {
            throw InvalidInput(description: error.description)
        }
        let file = try UserDataFile.read(path: request.dataPath, delimiter: request.delimiter)
        try file.checkNumeric(formula)
        do {
            try checkTimes(file, time: time, unit: unit)
            let panel = try PanelStructure(file.data, unit: unit, time: time)
            let result = try PanelFMOLS.estimate(file.data, dependent: formula.dependent, regressors: formula.regressors,
                                                 panel: panel, options: options)
            return request.json ? try FMOLSReport.json(result, formula: formula)
                : FMOLSReport.text(result, formula: formula, units: request.units)
        } catch let error as FMOLSError {
            guard let row = error.row else { throw InvalidInput(description: "error: \(error)") }
            var column: String?
            if case .gap = error { column = time }
            if case .missingValue(let variable, _, _, _) = error, file.data.columnNames.contains(variable) { column = variable }
            throw InvalidInput(description: file.located(row: row, column: column, message: error.description))
        } catch PanelDataError.duplicatePanelKey(let row, let unitLabel, let timeValue) {
            throw InvalidInput(description: file.located(row: row, column: time,
                message: "unit '\(unitLabel)' has two rows for \(time) = \(timeValue): each (unit, time) pair must appear once"))
        } catch let error as PanelDataError {
            throw InvalidInput(description: file.message(for: error))
        } catch let error as EstimationError {
            throw InvalidInput(description: file.message(for: error))
        } catch let error as TermEvaluationError {
            throw InvalidInput(description: "error: \(error)")
        }
    }

    /// The time column must hold whole numbers: the first text cell or fractional value is located.
    static func checkTimes(_ file: UserDataFile, time: String, unit: String) throws {
        _ = try file.data.column(named: unit)
        let column = try file.data.column(named: time)
        if let cell = column.firstTextCell() {
            throw InvalidInput(description: file.located(row: cell.row, column: time,
                message: "'\(EstimationError.shortened(cell.text))' is not a number: the time column '\(time)' must hold "
                    + "whole numbers (years, or periods numbered 1, 2, …)"))
        }
        if case .factor = column.storage {
            throw InvalidInput(description: "error: the time column '\(time)' must hold whole numbers, not text")
        }
        if case .double(let values) = column.storage,
           let row = values.indices.first(where: { !column.isMissing($0) && values[$0].isFinite && values[$0] != values[$0].rounded() }) {
            throw InvalidInput(description: file.located(row: row, column: time,
                message: "\(values[row]) is not a whole number: the time column '\(time)' must hold whole numbers"))
        }
    }
}

extension UserDataFile {
    /// `FILE:LINE[:COLUMN]: error: message` for a dataset row (and a column, when known).
    func located(row: Int, column name: String?, message: String) -> String {
        let line = (try? CSVReader.line(ofDataRow: row, path: path, options: options)) ?? nil
        let columnNumber = name.flatMap { data.columnNames.firstIndex(of: $0) }.map { ":\($0 + 1)" } ?? ""
        let columnNote = name.map { " (column '\($0)')" } ?? ""
        guard let line else { return "\(path) (data row \(row + 1))\(columnNote): error: \(message)" }
        return "\(path):\(line)\(columnNumber)\(columnNote): error: \(message)"
    }
}
